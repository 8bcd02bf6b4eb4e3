package fr.vigie.deals.xes;

/**
 * The attribute keys of the XES logs Vigie writes and reads: the standard extensions' keys
 * (concept, time, org, lifecycle) and Vigie's own, prefixed {@code vigie:}, that carry what a deal
 * holds besides its events, so that a log written by Vigie reads back into the same deals.
 */
final class XesKeys {

    static final String NAMESPACE = "http://www.xes-standard.org/";
    static final String NAME = "concept:name";
    static final String TIME = "time:timestamp";
    static final String RESOURCE = "org:resource";
    static final String ROLE = "org:role";
    static final String LIFECYCLE = "lifecycle:transition";

    static final String VIGIE = "vigie:";
    static final String KIND = "vigie:kind";
    static final String DEAL_NAME = "vigie:name";
    static final String ACCOUNT = "vigie:account:";
    static final String OWNER = "vigie:owner";
    static final String TEAM = "vigie:team";
    static final String PIPELINE = "vigie:pipeline";
    static final String TYPE = "vigie:type";
    static final String AMOUNT = "vigie:amount";
    static final String CURRENCY = "vigie:currency";
    static final String CREATED_AT = "vigie:created-at";
    static final String CLOSED_AT = "vigie:closed-at";
    static final String EXPECTED_CLOSE_DATE = "vigie:expected-close-date";
    static final String OUTCOME = "vigie:outcome";
    static final String LOSS_REASON = "vigie:loss-reason";
    static final String FIELD = "vigie:field:";
    static final String LINE = "vigie:line:";
    static final String VALUE = "vigie:value";
    static final String COMMENT = "vigie:comment";
    static final String DOCUMENT_NAME = "vigie:document-name";
    static final String FROM = "vigie:from";
    static final String TO = "vigie:to";
    static final String FINDINGS = "vigie:findings";
    static final String SEVERITY = "vigie:severity";
    static final String RULES = "vigie:rules";
    static final String FINDING = "vigie:finding:";

    /** The kinds of events ({@code vigie:kind}), one per list of a deal. */
    static final String STAGE = "stage";

    static final String ACTIVITY = "activity";
    static final String DECISION = "decision";
    static final String DOCUMENT = "document";
    static final String CLOSE_DATE_CHANGE = "close-date-change";

    /** The parts of a product line ({@code vigie:line:1:product}...). */
    static final String[] LINE_PARTS = {
        "product", "quantity", "list-price", "unit-price", "discount", "unit-cost"
    };

    private XesKeys() {}
}
