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
     * (then it judged none), because some deals lack part of it ({@code partial}, per reason), or
     * because it failed on them ({@code failed}: the first {@value #FAILURES_KEPT} of them, with
     * why).
     */
    public record NotAssessable(
            String rule,
            String title,
            long deals,
            long assessed,
            List<Evidence> missing,
            List<Partial> partial,
            List<Failed> failed) {
        public NotAssessable {
            missing = List.copyOf(missing);
            partial = List.copyOf(partial);
            failed = List.copyOf(failed);
        }
    }

    /**
     * Why a rule could not judge some deals of a source that carries what it needs: a code the
     * report's messages word ({@code md.partial.<code>}) with its arguments.
     */
    public record Reason(String code, List<String> args) {
        /**
         * A finding about a deal field that no column of the export fills: the field, the mapping.
         */
        public static final String UNMAPPED_FIELD = "unmapped-field";

        public Reason {
            args = List.copyOf(args);
        }
    }

    /**
     * Deals a rule could not judge for {@code reason}, though the source carries what it needs: how
     * many, and the first {@value #EXAMPLES_KEPT} of them.
     */
    public record Partial(Reason reason, long deals, List<String> examples) {
        public Partial {
            examples = List.copyOf(examples);
        }
    }

    /** How many of the deals a rule could not judge for one reason are named. */
    public static final int EXAMPLES_KEPT = 5;

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
