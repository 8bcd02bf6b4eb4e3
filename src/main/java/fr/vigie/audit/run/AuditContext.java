package fr.vigie.audit.run;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import java.util.Locale;

/** What every report writer needs to know about the run. */
public record AuditContext(Workspace workspace, Period period, RuleBase rules, Locale language) {}
