package fr.vigie.audit.run;

import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.model.Deal;
import fr.vigie.common.Outcome;
import java.math.BigDecimal;
import fr.vigie.audit.facts.StageVisit;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An audited deal as the report writers and the figures see it. The figures keep only counts and
 * sums of it (and the whole of a few deals worth a look), so that memory does not grow with the
 * number of deals.
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
    String lastStage,
    String lastStageLabel,
    List<StageVisit> visits) {

  static AuditedDeal of(PreparedDeal prepared) {
    Deal deal = prepared.deal();
    var last = prepared.visits().get(prepared.visits().size() - 1).spec();
    return new AuditedDeal(
        deal.id(),
        deal.name(),
        deal.account().name(),
        deal.owner(),
        deal.team(),
        prepared.process().id(),
        prepared.version().version(),
        deal.amount(),
        deal.currency(),
        deal.outcome(),
        deal.createdAt(),
        deal.closedAt(),
        deal.discountPercent(),
        deal.discountAmount(),
        deal.activities().size(),
        last.id(),
        last.label(),
        prepared.visits());
  }

  /** Days from creation to close, or -1 while the deal is open. */
  public long cycleDays() {
    return closedAt == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(createdAt, closedAt));
  }
}
