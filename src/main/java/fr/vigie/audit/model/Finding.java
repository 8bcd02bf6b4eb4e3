package fr.vigie.audit.model;

import fr.vigie.common.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deviation found on a deal: a stable id (same rule, deal, stage and key give the same id), the
 * rule, the deal and who owns it, how serious it is, where in the process, the sentence a CEO
 * reads, and the evidence behind it. {@code causedBy} is the id of the finding on the same deal
 * that explains this one (a close date before the creation date explains every stage "entered after
 * the close"), null when this finding is a cause of its own: counts and priorities count causes
 * only.
 */
public record Finding(
        String id,
        String rule,
        String ruleVersion,
        String deal,
        String dealName,
        String account,
        String owner,
        String team,
        Severity severity,
        Lever lever,
        String stage,
        String title,
        String message,
        Map<String, Object> evidence,
        String source,
        String causedBy) {

    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** A finding of its own, explained by no other. */
    public Finding(
            String id,
            String rule,
            String ruleVersion,
            String deal,
            String dealName,
            String account,
            String owner,
            String team,
            Severity severity,
            Lever lever,
            String stage,
            String title,
            String message,
            Map<String, Object> evidence,
            String source) {
        this(
                id,
                rule,
                ruleVersion,
                deal,
                dealName,
                account,
                owner,
                team,
                severity,
                lever,
                stage,
                title,
                message,
                evidence,
                source,
                null);
    }

    /** This finding as a consequence of {@code cause}. */
    public Finding explainedBy(String cause) {
        return new Finding(
                id,
                rule,
                ruleVersion,
                deal,
                dealName,
                account,
                owner,
                team,
                severity,
                lever,
                stage,
                title,
                message,
                evidence,
                source,
                cause);
    }

    /** Whether no other finding explains this one. */
    public boolean isCause() {
        return causedBy == null;
    }
}
