package fr.vigie.audit.result;

import fr.vigie.common.Evidence;
import java.util.List;
import java.util.Set;

/**
 * What the deals' source could show, and what it could not: the evidence it carries, and for each
 * rule that needs evidence it lacks, how many audited deals that rule could not judge ("not
 * assessable") and why. The conformity rate is computed on what was assessable: a rule that could
 * not judge a deal gives it no finding.
 */
public record Coverage(Set<Evidence> carried, List<NotAssessable> notAssessable) {

    /** A rule that could not judge {@code deals} deals because the export lacks {@code missing}. */
    public record NotAssessable(
            String rule, String title, long deals, long assessed, List<Evidence> missing) {
        public NotAssessable {
            missing = List.copyOf(missing);
        }
    }

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
