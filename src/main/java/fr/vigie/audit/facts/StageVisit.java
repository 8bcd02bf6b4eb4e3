package fr.vigie.audit.facts;

import fr.vigie.process.model.StageSpec;
import java.time.OffsetDateTime;

/**
 * A stay of the deal in one stage, judged by the process version in force when it left the stage
 * (at the end of the period while it is still there; when it closed, for a final stage): {@code
 * seq} is its place in the deal's history (0 first), {@code days} the calendar days spent (up to
 * the audit date for the current stage), {@code leftAt} null while the deal is still there.
 */
public record StageVisit(
        int seq,
        StageSpec spec,
        OffsetDateTime enteredAt,
        OffsetDateTime leftAt,
        long days,
        String by) {

    public String stage() {
        return spec.id();
    }

    public String label() {
        return spec.label();
    }

    public boolean isCurrent() {
        return leftAt == null;
    }

    public boolean isTerminal() {
        return spec.isTerminal();
    }
}
