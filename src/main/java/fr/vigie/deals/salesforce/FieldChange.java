package fr.vigie.deals.salesforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A row of OpportunityFieldHistory (field history tracking) about the column approvals are valued
 * from: its value before and after the change, when it changed.
 */
record FieldChange(OffsetDateTime at, BigDecimal oldValue, BigDecimal newValue) {}
