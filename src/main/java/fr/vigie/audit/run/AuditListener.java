package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.deals.input.Rejection;
import fr.vigie.audit.waivers.WaivedFinding;
import java.util.List;

/** Receives the results of an audit in input order, on one thread: the report writers. */
public interface AuditListener {

  default void start(AuditContext context) {}

  default void audited(AuditedDeal deal, List<Finding> findings) {}

  /** Findings of the deal that a waiver accepts, after {@link #audited}; not in its findings. */
  default void waived(AuditedDeal deal, List<WaivedFinding> waived) {}

  default void rejected(Rejection rejection) {}

  default void finish(AuditSummary summary) {}
}
