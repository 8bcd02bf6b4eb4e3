package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.common.Location;
import fr.vigie.deals.input.Rejection;
import java.util.List;

/**
 * What judging one record gave: an audited deal with its findings, a deal of another period, or a
 * refusal.
 */
public sealed interface Judged {

    /**
     * The deal was audited; the rules of {@code failures} could not judge it, nor those needing
     * what {@code partialEvidence} says the deal has only in part.
     */
    record Audited(
            AuditedDeal deal,
            List<Finding> findings,
            Location location,
            int events,
            List<fr.vigie.audit.engine.RuleFailure> failures,
            List<fr.vigie.deals.model.PartialEvidence> partialEvidence)
            implements Judged {
        public Audited {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
            partialEvidence = List.copyOf(partialEvidence);
        }
    }

    /**
     * The deal was read but belongs to another period than {@code period} (which says how the
     * period chooses its deals: "2026-Q3 (open during)"): counted, not judged.
     */
    record Outside(String dealId, Location location, String period, int events) implements Judged {}

    /** The record was not audited, and why. */
    record Refused(Rejection rejection, int events) implements Judged {}
}
