package fr.vigie.audit.result;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.deals.input.Rejection;
import java.util.List;

/**
 * Receives an audit on one thread: its scope first, then each deal's findings in input order as the
 * deals are judged, and its result once every deal is judged. The report writers are listeners:
 * they stream what grows with the deals and render the rest from the {@link AuditResult}.
 */
public interface AuditListener {

    default void start(AuditScope scope) {}

    default void audited(AuditedDeal deal, List<Finding> findings) {}

    /** Findings of the deal that a waiver accepts, after {@link #audited}; not in its findings. */
    default void waived(AuditedDeal deal, List<WaivedFinding> waived) {}

    default void rejected(Rejection rejection) {}

    default void finish(AuditResult result) {}
}
