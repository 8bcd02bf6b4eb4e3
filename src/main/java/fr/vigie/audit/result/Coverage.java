package fr.vigie.audit.result;

import fr.vigie.common.Evidence;
import java.util.List;
import java.util.Set;

/**
 * What the deals' source could show, and what it could not: the evidence it carries, and for each
 * rule that needs evidence it lacks, or that failed on deals, how many audited deals that rule
 * could not judge ("not assessable") and why. The conformity rate is computed on what was
 * assessable: a rule that could not judge a deal gives it no finding.
 */
public record Coverage(Set<Evidence> carried, List<NotAssessable> notAssessable) {

    /**
     * A rule that could not judge {@code deals} deals: because the export lacks {@code missing}
     * (then it judged none), or because it failed on them ({@code failed}: the first {@value
     * #FAILURES_KEPT} of them, with why).
     */
    public record NotAssessable(
            String rule,
            String title,
            long deals,
            long assessed,
            List<Evidence> missing,
            List<Failed> failed) {
        public NotAssessable {
            missing = List.copyOf(missing);
            failed = List.copyOf(failed);
        }
    }

    /** A deal a rule failed on: its id, its line in the input, and what went wrong. */
    public record Failed(String deal, String location, String reason) {}

    /** How many of the deals a rule failed on are named, per rule. */
    public static final int FAILURES_KEPT = 100;

    public static final Coverage FULL = new Coverage(Evidence.all(), List.of());

    public Coverage {
        carried = Set.copyOf(carried);
        notAssessable = List.copyOf(notAssessable);
    }

    /** Whether every rule could judge every deal. */
    public boolean isFull() {
        return notAssessable.isEmpty();
    }
}
