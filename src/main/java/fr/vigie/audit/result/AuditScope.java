package fr.vigie.audit.result;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import java.util.List;
import java.util.Locale;

/**
 * What an audit is about, known before the first deal is read: the client's workspace, the period,
 * the language of the findings and reports, the plan (strategy and tactics), and the contradictions
 * written in the plan ({@code planFindings}; those a waiver accepts apart, in {@code planWaived}).
 */
public record AuditScope(
        Workspace workspace,
        Period period,
        Locale language,
        Plan plan,
        List<Finding> planFindings,
        List<WaivedFinding> planWaived) {

    public AuditScope {
        planFindings = List.copyOf(planFindings);
        planWaived = List.copyOf(planWaived);
    }

    /** A scope without plan: deals judged against the processes alone. */
    public AuditScope(Workspace workspace, Period period, Locale language) {
        this(workspace, period, language, Plan.NONE, List.of(), List.of());
    }
}
