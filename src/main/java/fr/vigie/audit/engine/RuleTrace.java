package fr.vigie.audit.engine;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import java.util.List;

/**
 * What one rule did on one deal, for {@code vigie explain}: whether it was in force, each time it
 * fired with the facts it matched, and the findings it gave.
 */
public record RuleTrace(
        RuleInfo rule, boolean inForce, List<List<Object>> matches, List<Finding> findings) {

    public RuleTrace {
        matches = List.copyOf(matches);
        findings = List.copyOf(findings);
    }

    public boolean fired() {
        return !matches.isEmpty();
    }
}
