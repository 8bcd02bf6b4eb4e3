package fr.vigie.audit.result;

import fr.vigie.common.Outcome;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An audited deal as the report writers and the figures see it, with its stays in each stage in
 * order. The figures keep only counts and sums of it (and the whole of a few deals worth a look),
 * so that memory does not grow with the number of deals.
 */
public record AuditedDeal(
        String id,
        String name,
        String account,
        String owner,
        String team,
        String process,
        String processVersion,
        BigDecimal amount,
        String currency,
        Outcome outcome,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        BigDecimal discountPercent,
        BigDecimal discountAmount,
        int activities,
        List<Visit> visits) {

    public AuditedDeal {
        visits = List.copyOf(visits);
    }

    /**
     * A stay in one stage: when the deal entered it, the calendar days it spent there (up to the
     * end of the period while it is still there), and whether the stage closes the deal.
     */
    public record Visit(
            String stage, String label, OffsetDateTime enteredAt, long days, boolean terminal) {}

    /** Days from creation to close, or -1 while the deal is open. */
    public long cycleDays() {
        return closedAt == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(createdAt, closedAt));
    }
}
