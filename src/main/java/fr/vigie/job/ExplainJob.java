package fr.vigie.job;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleTrace;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.model.Deal;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.workspace.Period;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explains one deal: finds it in the period's deals, prepares it as the audit does, and runs the
 * rules with a trace of what each one did.
 */
public final class ExplainJob {

  /** What was found: the deal and its facts, or why it is not audited; and what each rule did. */
  public record Explanation(
      PreparedWorkspace workspace, Period period, Location location, Deal deal, PreparedDeal prepared, String refusal, List<RuleTrace> traces) {}

  public Explanation explain(Path workspaceRoot, Path deals, String periodText, String dealId, Path standardRules, Locale language) {
    PreparedWorkspace prepared = PreparedWorkspace.load(workspaceRoot, standardRules);
    DealsLocator.Located located = DealsLocator.locate(prepared.workspace(), deals, periodText);
    Period period = located.period();
    Problems problems = new Problems();
    PlanCheck.Result plan = PlanCheck.run(prepared, period, language, problems);
    problems.throwIfErrors();
    OffsetDateTime latest = AuditJob.latestDate(period, prepared.workspace().settings().zone(), Instant.now());
    try (DealInput input = DealsLocator.open(located.deals())) {
      InputRecord record;
      while ((record = input.next()) != null) {
        RecordOutcome outcome = DealChecks.notAfter(record.read(), latest, period.label());
        if (outcome instanceof RecordOutcome.Rejected rejected && dealId.equals(rejected.rejection().dealId())) {
          return new Explanation(prepared, period, outcome.location(), null, null, rejected.rejection().reason(), List.of());
        }
        if (outcome instanceof RecordOutcome.Accepted accepted && dealId.equals(accepted.deal().id())) {
          DealPreparer preparer = new DealPreparer(prepared.workspace(), period, plan.plan(), prepared.rules().catalog());
          DealPreparer.Result result = preparer.prepare(accepted.deal());
          if (result instanceof DealPreparer.Refused refused) {
            return new Explanation(prepared, period, outcome.location(), accepted.deal(), null, refused.reason(), List.of());
          }
          PreparedDeal ready = ((DealPreparer.Ready) result).deal();
          List<Object> planFacts = new ArrayList<>(plan.plan().facts());
          planFacts.add(period);
          DealAuditor auditor = new DealAuditor(prepared.rules(), prepared.findings(language), DealAuditor.DEFAULT_MAX_FIRINGS, planFacts);
          return new Explanation(prepared, period, outcome.location(), ready.deal(), ready, null,
              auditor.explain(ready, outcome.location().toString()));
        }
      }
    }
    throw InvalidInputException.at(Location.of("--deal"), "no deal '" + dealId + "' in " + fr.vigie.common.DisplayPath.of(located.deals()));
  }
}
