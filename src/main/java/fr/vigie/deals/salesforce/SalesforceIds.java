package fr.vigie.deals.salesforce;

/**
 * Salesforce ids: 15 characters, case-sensitive, or the same 15 followed by 3 checksum characters.
 * Exports mix both (data export: 18; reports: 15), so ids are matched on their first 15.
 */
final class SalesforceIds {

    /** The key prefix of opportunities: every opportunity id starts with it. */
    static final String OPPORTUNITY = "006";

    private SalesforceIds() {}

    static String key(String id) {
        return id != null && id.length() == 18 ? id.substring(0, 15) : id;
    }

    static boolean isOpportunity(String id) {
        return id != null && id.startsWith(OPPORTUNITY);
    }
}
