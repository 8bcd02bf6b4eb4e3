package fr.vigie.deals.salesforce;

import java.time.OffsetDateTime;

/**
 * One ProcessInstanceStep of an approval on an opportunity: approved or rejected, by whom, in which
 * role, when.
 */
record ApprovalStep(boolean approved, String by, String role, OffsetDateTime at, String comment) {}
