package fr.vigie.audit.engine;

import fr.vigie.audit.model.Finding;
import fr.vigie.deals.model.Deal;
import java.util.List;
import java.util.Set;

/**
 * Judges deals with the workspace's own rules somewhere else than in this process: in a worker
 * process with a heap of its own, stopped and replaced when a rule passes the deadline or kills it.
 */
public interface WorkspaceWorker extends AutoCloseable {

    /**
     * The workspace rules' findings on the deal (not yet linked to their causes) and the rules that
     * failed on it, or why the worker died on it; the rules named in {@code skip} are not run.
     */
    Reply judge(Deal deal, String source, Set<String> skip);

    /** Stops the worker process; a closed worker starts a new one if used again. */
    @Override
    void close();

    /** What the worker answered for one deal. */
    sealed interface Reply {}

    /** The worker judged the deal. */
    record Judged(List<Finding> findings, List<RuleFailure> failures) implements Reply {
        public Judged {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
        }
    }

    /**
     * The worker passed the deadline or died on the deal, and was stopped: {@code rule} is the id
     * of the rule whose consequence was running, null when none was (a condition, or the start-up);
     * {@code reason} says what happened in a few words ("took more than 5000 ms").
     */
    record Died(String rule, String reason, boolean late) implements Reply {}
}
