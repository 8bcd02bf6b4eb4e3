package fr.vigie.deals.model;

import fr.vigie.common.Evidence;

/**
 * Evidence that the deal's source carries but could not give in full for this deal, and why: the
 * rules that need it do not judge the deal, which is counted as not assessable for them with the
 * reason. {@code reason} is a code the report's messages word ({@code md.partial.<reason>}), such
 * as {@value #HUBSPOT_HISTORY_LIMIT}.
 */
public record PartialEvidence(Evidence evidence, String reason) {

    /**
     * HubSpot keeps the last 20 changes of a deal's stage: a deal that has 20 may miss earlier
     * ones.
     */
    public static final String HUBSPOT_HISTORY_LIMIT = "hubspot-history-limit";
}
