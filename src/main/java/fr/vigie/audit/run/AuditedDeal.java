package fr.vigie.audit.run;

import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Outcome;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What the report keeps of an audited deal once it is judged: enough for the figures, not its
 * whole history, so that memory does not grow with the number of deals.
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
    String lastStageLabel) {

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
        last.label());
  }
}
