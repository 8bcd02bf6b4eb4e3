package fr.vigie.cli;

import fr.vigie.audit.engine.RuleTrace;
import fr.vigie.audit.facts.Move;
import fr.vigie.audit.facts.StageVisit;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.messages.MessageCatalog;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.job.ExplainingADeal;
import fr.vigie.workspace.WorkspaceSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie explain}: a deal's timeline and, for every rule, whether it fired and on which facts. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = {
    "Explains one deal: its timeline (stages with days spent, activities, documents, decisions) and, for every",
    "rule in force, whether it fired and on which facts, so that you can say why a deal is flagged or not."})
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Option(names = "--deal", required = true, paramLabel = "ID", description = "The deal's id.")
  String dealId;

  @Option(names = "--deals", paramLabel = "PATH", description = "Where the deals are (default: found under WORKSPACE/deals/).")
  Path deals;

  @Option(names = "--period", paramLabel = "PERIOD", description = "Period audited (default: from the deals' name, or the only one).")
  String period;

  @Option(names = "--all", description = "Also list the rules that did not fire.")
  boolean all;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ExplainingADeal.Explanation e = new ExplainingADeal().explain(workspace, deals, period, dealId, common.standardRules, Locale.ENGLISH);
    WorkspaceSettings settings = e.workspace().workspace().settings();
    ZoneId zone = settings.zone();
    Deal deal = e.deal();
    out.printf("Deal %s (%s)%n", dealId, e.location());
    if (deal != null) {
      out.printf("  %s — %s (%s) — owner %s%s%n", text(deal.name()), text(deal.account().name()), text(deal.account().segment()),
          text(settings.displayName(deal.owner())), deal.team() == null ? "" : " (" + deal.team() + ")");
      out.printf("  %s %s · discount %s %% · %s%s%n", deal.amount() == null ? "no amount" : deal.amount().toPlainString(),
          deal.currency() == null ? settings.currency() : deal.currency(), deal.discountPercent().toPlainString(),
          deal.outcome().name().toLowerCase(Locale.ROOT), deal.closedAt() == null ? "" : " on " + day(deal.closedAt(), zone));
    }
    if (e.refusal() != null) {
      out.printf("%nNot audited: %s%n", e.refusal());
      return ExitCodes.OK;
    }
    out.printf("  judged by process %s, version %s, as of the end of %s%n", e.prepared().process().id(), e.prepared().version().version(), e.period().label());
    printTimeline(out, e, zone);
    printRules(out, e, zone);
    return ExitCodes.OK;
  }

  private void printTimeline(PrintWriter out, ExplainingADeal.Explanation e, ZoneId zone) {
    out.printf("%nTimeline%n");
    List<String[]> rows = new ArrayList<>();
    for (StageVisit visit : e.prepared().visits()) {
      String max = visit.spec().hasMaxDays() ? " (max " + visit.spec().maxDays() + ")" : "";
      String still = visit.isCurrent() && !visit.isTerminal() ? ", still there" : "";
      rows.add(new String[] {key(visit.enteredAt()), day(visit.enteredAt(), zone) + "  stage   " + visit.label() + " [" + visit.stage() + "]"
          + (visit.isTerminal() ? "" : " — " + visit.days() + " days" + max + still) + by(visit.by())});
    }
    for (Move move : e.prepared().moves()) {
      String skipped = move.skipped().stream().filter(s -> !s.skippable()).map(s -> s.label()).collect(Collectors.joining(", "));
      String note = move.isBackward() ? "backward move" + (move.backwardAllowed() ? " (allowed)" : " (not allowed)")
          : skipped.isEmpty() ? null : (move.isStart() ? "entered past " : "skipped ") + skipped;
      if (note != null) {
        rows.add(new String[] {key(move.target().enteredAt()) + "~", day(move.target().enteredAt(), zone) + "          ↳ " + note});
      }
    }
    Deal deal = e.deal();
    for (Activity activity : deal.activities()) {
      rows.add(new String[] {key(activity.at()), day(activity.at(), zone) + "  activity " + activity.type() + by(activity.by())
          + (activity.outcome() == null ? "" : " — " + activity.outcome())});
    }
    for (Document document : deal.documents()) {
      rows.add(new String[] {key(document.at()), day(document.at(), zone) + "  document " + document.type() + (document.name() == null ? "" : " — " + document.name())});
    }
    for (Decision decision : deal.decisions()) {
      rows.add(new String[] {key(decision.at()), day(decision.at(), zone) + "  decision " + decision.type()
          + (decision.value() == null ? "" : " = " + decision.value()) + by(decision.by()) + (decision.role() == null ? "" : " as " + decision.role())});
    }
    rows.sort(Comparator.comparing(r -> r[0]));
    rows.forEach(r -> out.println("  " + r[1]));
    if (!deal.fields().isEmpty()) {
      out.printf("  fields: %s%n", deal.fields().keySet().stream().sorted().collect(Collectors.joining(", ")));
    }
    if (deal.lossReason() != null) {
      out.printf("  loss reason: %s%n", deal.lossReason());
    }
  }

  private void printRules(PrintWriter out, ExplainingADeal.Explanation e, ZoneId zone) {
    MessageCatalog messages = e.workspace().rules().messages();
    out.printf("%nRules%n");
    for (RuleTrace trace : e.traces()) {
      String id = trace.rule().id();
      if (!trace.inForce()) {
        out.printf("  off    %s — turned off for this deal's process version%n", id);
      } else if (trace.fired()) {
        out.printf("  FIRED  %s — %s (%d time%s)%n", id, messages.title(Locale.ENGLISH, id), trace.matches().size(), trace.matches().size() == 1 ? "" : "s");
        for (List<Object> facts : trace.matches()) {
          out.printf("         on %s%n", facts.stream().filter(f -> !(f instanceof Deal)).map(f -> describe(f, zone)).collect(Collectors.joining("; ")));
        }
        for (Finding finding : trace.findings()) {
          out.printf("         → %s %s: %s%n", finding.id(), finding.severity().code(), finding.message());
        }
      } else if (all) {
        out.printf("  -      %s — did not fire: %s%n", id, messages.get(Locale.ENGLISH, id + ".doc").orElse(messages.title(Locale.ENGLISH, id)));
      }
    }
    long silent = e.traces().stream().filter(t -> t.inForce() && !t.fired()).count();
    if (!all && silent > 0) {
      out.printf("  (%d other rules in force did not fire; --all lists them with what they check)%n", silent);
    }
  }

  private static String describe(Object fact, ZoneId zone) {
    if (fact instanceof StageVisit visit) {
      return "stay in " + visit.label() + " from " + day(visit.enteredAt(), zone) + " (" + visit.days() + " days)";
    }
    if (fact instanceof Move move) {
      return move.isStart() ? "entry into " + move.target().label() + " on " + day(move.target().enteredAt(), zone)
          : "move " + move.source().label() + " → " + move.target().label() + " on " + day(move.target().enteredAt(), zone);
    }
    if (fact instanceof Activity a) {
      return "activity " + a.type() + " on " + day(a.at(), zone);
    }
    if (fact instanceof Decision d) {
      return "decision " + d.type() + (d.value() == null ? "" : " = " + d.value()) + " by " + d.by() + " on " + day(d.at(), zone);
    }
    if (fact instanceof Document d) {
      return "document " + d.type() + " on " + day(d.at(), zone);
    }
    if (fact instanceof fr.vigie.strategy.model.Declared declared) {
      return "plan " + declared.location();
    }
    if (fact instanceof fr.vigie.audit.facts.RequiredApproval approval) {
      return "approval required above " + approval.rule().discountAbove().toPlainString() + " % (" + approval.rule().location() + ")";
    }
    if (fact instanceof fr.vigie.audit.facts.Param param) {
      return "parameter " + param.name() + " = " + param.value();
    }
    if (fact instanceof fr.vigie.process.model.StageSpec spec) {
      return "stage " + spec.label();
    }
    return fact.getClass().getSimpleName();
  }

  private static String by(String person) {
    return person == null ? "" : " by " + person;
  }

  private static String key(OffsetDateTime time) {
    return time.toInstant().toString();
  }

  private static String day(OffsetDateTime time, ZoneId zone) {
    return time.atZoneSameInstant(zone).toLocalDate().toString();
  }

  private static String text(String value) {
    return value == null ? "—" : value;
  }
}
