package fr.vigie.deals.salesforce;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of OpportunityHistory: a snapshot taken when the stage, amount, probability or close date
 * changed. Successive snapshots tell when the deal entered a stage and when its close date moved.
 */
record HistoryEntry(
        OffsetDateTime at,
        String stage,
        LocalDate closeDate,
        LocalDate previousCloseDate,
        String by) {}
