package fr.vigie.server.runs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit of a client's quarter: its inputs (workspace version and deals upload), who asked for
 * it and when, where it stands, and once it succeeded, its figures.
 */
public record Run(
        UUID id,
        UUID client,
        String period,
        RunState state,
        UUID workspaceVersion,
        String workspaceHash,
        UUID upload,
        String uploadName,
        String source,
        String requestedBy,
        OffsetDateTime requestedAt,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        String failure,
        String rulesUsed,
        String standardRulesHash,
        Figures figures) {

    /**
     * The figures of a succeeded run, and its quality gate: every record read was audited, rejected
     * or outside the period ({@code deals-in-period}).
     */
    public record Figures(
            long recordsRead,
            long dealsAudited,
            long recordsRejected,
            long outsidePeriod,
            long conformingDeals,
            BigDecimal conformity,
            long findings,
            long critical,
            long major,
            long minor,
            long info,
            long waived,
            BigDecimal gateConformity,
            boolean gatePassed) {

        public boolean reconciles() {
            return recordsRead == dealsAudited + recordsRejected + outsidePeriod;
        }
    }

    public boolean succeeded() {
        return state == RunState.SUCCEEDED;
    }

    public boolean mayStartAgain() {
        return state == RunState.FAILED || state == RunState.INTERRUPTED;
    }
}
