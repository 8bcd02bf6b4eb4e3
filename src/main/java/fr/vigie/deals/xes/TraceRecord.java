package fr.vigie.deals.xes;

import static fr.vigie.deals.xes.XesKeys.*;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Location;
import fr.vigie.common.Outcome;
import fr.vigie.deals.imports.DraftBuilder;
import fr.vigie.deals.imports.ImportContext;
import fr.vigie.deals.imports.People;
import fr.vigie.deals.imports.RowProblem;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.IsoTimestamps;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import fr.vigie.deals.input.Values;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.StageChange;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One trace read into a deal, on the audit's workers. Events a log written by Vigie marks with
 * {@code vigie:kind} are read by kind; the events of other logs by their name, a stage of the
 * mapping's {@code stages:} or an activity of its {@code activities:}. Only completed events
 * ({@code lifecycle:transition} absent or complete) are read: a stage is entered once. {@code
 * people} names the log's resources: made once by {@link XesInput} for all its traces.
 */
record TraceRecord(XesTrace trace, SourceMapping mapping, ImportContext context, People people)
        implements InputRecord {

    private static final DealChecks.Names NAMES =
            new DealChecks.Names(
                    NAME, CREATED_AT, CLOSED_AT, OUTCOME, "stages", "no event is a stage");

    @Override
    public Location location() {
        return trace.location();
    }

    @Override
    public RecordOutcome read() {
        XesTrace.Attributes attributes = trace.attributes();
        String id = attributes.text(NAME);
        if (trace.refusal() != null) {
            return new RecordOutcome.Rejected(
                    new Rejection(trace.refusal().location(), id, trace.refusal().getMessage()), 0);
        }
        try {
            return new RecordOutcome.Accepted(
                    DealChecks.complete(draft(attributes).draft(), NAMES), location(), 0);
        } catch (RowProblem refused) {
            return new RecordOutcome.Rejected(
                    new Rejection(refused.location(), id, refused.getMessage()), 0);
        } catch (InvalidValue invalid) {
            return new RecordOutcome.Rejected(
                    new Rejection(attributes.at(invalid.field()), id, invalid.getMessage()), 0);
        }
    }

    private DraftBuilder draft(XesTrace.Attributes a) {
        DraftBuilder deal = new DraftBuilder().id(a.text(NAME));
        checkVigieKeys(a);
        deal.set("name", a.text(DEAL_NAME), DEAL_NAME)
                .set("owner", a.text(OWNER), OWNER)
                .set("team", a.text(TEAM), TEAM)
                .set("pipeline", a.text(PIPELINE), PIPELINE)
                .set("type", a.text(TYPE), TYPE)
                .set("amount", a.nonNegative(AMOUNT), AMOUNT)
                .set(
                        "currency",
                        a.read(CURRENCY, () -> Values.currency(CURRENCY, a.text(CURRENCY))),
                        CURRENCY)
                .set(
                        "expectedCloseDate",
                        a.read(
                                EXPECTED_CLOSE_DATE,
                                () ->
                                        Values.date(
                                                EXPECTED_CLOSE_DATE, a.text(EXPECTED_CLOSE_DATE))),
                        EXPECTED_CLOSE_DATE)
                .set("lossReason", a.text(LOSS_REASON), LOSS_REASON);
        for (String part : List.of("id", "name", "segment", "industry", "region")) {
            deal.set("account." + part, a.text(ACCOUNT + part), ACCOUNT + part);
        }
        new TreeMap<>(a.byKey())
                .forEach(
                        (key, attribute) -> {
                            if (key.startsWith(FIELD) && a.text(key) != null) {
                                deal.set(
                                        DraftBuilder.FIELDS + key.substring(FIELD.length()),
                                        a.text(key),
                                        key);
                            }
                        });
        mapping.apply(a, deal, people, null);
        lines(a, deal);
        for (XesTrace.Attributes event : trace.events()) {
            String lifecycle = event.text(LIFECYCLE);
            if (lifecycle == null || lifecycle.equalsIgnoreCase("complete")) {
                event(event, deal, people);
            }
        }
        deal.createdAt(a.text(CREATED_AT) != null ? instant(a, CREATED_AT) : firstEvent(deal));
        Outcome outcome = a.read(OUTCOME, () -> Values.outcome(OUTCOME, a.text(OUTCOME)));
        if (outcome == null && !deal.stages().isEmpty()) {
            outcome =
                    context.closingStages()
                            .getOrDefault(
                                    deal.stages().get(deal.stages().size() - 1).stage(),
                                    Outcome.OPEN);
        }
        deal.outcome(outcome);
        if (a.text(CLOSED_AT) != null) {
            deal.closedAt(instant(a, CLOSED_AT));
        } else if (a.text(OUTCOME) == null && outcome != null && outcome.isClosed()) {
            deal.closedAt(deal.stages().get(deal.stages().size() - 1).at());
        }
        return deal;
    }

    /**
     * A key of Vigie's own that Vigie does not write is a mistake in the log (a misspelt key would
     * lose its value).
     */
    private static void checkVigieKeys(XesTrace.Attributes a) {
        List<String> known =
                List.of(
                        DEAL_NAME,
                        OWNER,
                        TEAM,
                        PIPELINE,
                        TYPE,
                        AMOUNT,
                        CURRENCY,
                        CREATED_AT,
                        CLOSED_AT,
                        EXPECTED_CLOSE_DATE,
                        OUTCOME,
                        LOSS_REASON,
                        FINDINGS,
                        SEVERITY,
                        RULES,
                        ACCOUNT + "id",
                        ACCOUNT + "name",
                        ACCOUNT + "segment",
                        ACCOUNT + "industry",
                        ACCOUNT + "region");
        for (String key : a.byKey().keySet()) {
            if (key.startsWith(VIGIE)
                    && !known.contains(key)
                    && !key.startsWith(FIELD)
                    && !key.startsWith(LINE)
                    && !key.startsWith(FINDING)) {
                throw a.refuse(
                        key, "unknown attribute '" + key + "'" + DidYouMean.hint(key, known));
            }
        }
    }

    private static void lines(XesTrace.Attributes a, DraftBuilder deal) {
        for (int n = 1;
                a.byKey().containsKey(LINE + n + ":list-price")
                        || a.byKey().containsKey(LINE + n + ":product");
                n++) {
            String prefix = LINE + n + ":";
            BigDecimal listPrice = a.nonNegative(prefix + "list-price");
            if (listPrice == null) {
                throw a.refuse(
                        prefix + "product",
                        "the product line " + n + " has no '" + prefix + "list-price'");
            }
            try {
                deal.lines()
                        .add(
                                DealChecks.lineItem(
                                        a.text(prefix + "product"),
                                        a.nonNegative(prefix + "quantity"),
                                        listPrice,
                                        a.nonNegative(prefix + "unit-price"),
                                        a.nonNegative(prefix + "discount"),
                                        a.nonNegative(prefix + "unit-cost")));
            } catch (InvalidValue invalid) {
                throw a.refuse(prefix + invalid.field(), invalid.getMessage());
            }
        }
    }

    private void event(XesTrace.Attributes e, DraftBuilder deal, People people) {
        String name = e.text(NAME);
        if (name == null) {
            throw e.refuse(
                    NAME, "the event has no '" + NAME + "': Vigie cannot tell what happened");
        }
        OffsetDateTime at = instant(e, TIME);
        if (at == null) {
            throw e.refuse(TIME, "the event '" + name + "' has no '" + TIME + "'");
        }
        String by = e.read(RESOURCE, () -> people.person(RESOURCE, e.text(RESOURCE)));
        String kind = e.text(KIND);
        if (kind == null) {
            foreignEvent(e, name, at, by, deal);
            return;
        }
        switch (kind) {
            case STAGE -> deal.stages().add(new StageChange(name, at, by));
            case ACTIVITY -> deal.activities().add(new Activity(name, at, by, e.text(OUTCOME)));
            case DECISION ->
                    deal.decisions()
                            .add(
                                    new Decision(
                                            name,
                                            e.text(VALUE),
                                            by,
                                            e.text(ROLE),
                                            at,
                                            e.text(COMMENT)));
            case DOCUMENT -> deal.documents().add(new Document(name, at, e.text(DOCUMENT_NAME)));
            case CLOSE_DATE_CHANGE ->
                    deal.closeDateChanges()
                            .add(
                                    new CloseDateChange(
                                            at,
                                            e.read(FROM, () -> Values.date(FROM, e.text(FROM))),
                                            e.read(TO, () -> Values.date(TO, e.text(TO))),
                                            by));
            default ->
                    throw e.refuse(
                            KIND,
                            "unknown "
                                    + KIND
                                    + " '"
                                    + kind
                                    + "'"
                                    + DidYouMean.hint(
                                            kind,
                                            List.of(
                                                    STAGE,
                                                    ACTIVITY,
                                                    DECISION,
                                                    DOCUMENT,
                                                    CLOSE_DATE_CHANGE)));
        }
    }

    /** An event of a log Vigie did not write: a stage or an activity, as the mapping names them. */
    private void foreignEvent(
            XesTrace.Attributes e, String name, OffsetDateTime at, String by, DraftBuilder deal) {
        if (mapping.stages().knows(name)) {
            deal.stages().add(new StageChange(mapping.stage(NAME, name), at, by));
        } else if (mapping.activities().knows(name)) {
            deal.activities().add(new Activity(mapping.activity(NAME, name), at, by, null));
        } else {
            List<String> known = new ArrayList<>(mapping.stages().names());
            known.addAll(mapping.activities().names());
            throw e.refuse(
                    NAME,
                    "event '"
                            + name
                            + "' is neither a stage (stages:) nor an activity (activities:) of "
                            + mapping.shown()
                            + DidYouMean.hint(name, known)
                            + "; add it to one of them");
        }
    }

    /**
     * A date attribute: with its offset, kept as written (a log written by Vigie reads back into
     * the same deals); without one, read as the mapping says of local times.
     */
    private static OffsetDateTime instant(XesTrace.Attributes a, String key) {
        String text = a.text(key);
        if (text == null) {
            return null;
        }
        try {
            return IsoTimestamps.read(text);
        } catch (java.time.format.DateTimeParseException e) {
            return a.instant(key);
        }
    }

    private static OffsetDateTime firstEvent(DraftBuilder deal) {
        List<OffsetDateTime> times = new ArrayList<>();
        deal.stages().forEach(s -> times.add(s.at()));
        deal.activities().forEach(x -> times.add(x.at()));
        return times.stream().min(OffsetDateTime::compareTo).orElse(null);
    }
}
