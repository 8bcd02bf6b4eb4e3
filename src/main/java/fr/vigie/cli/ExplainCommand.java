package fr.vigie.cli;

import fr.vigie.audit.model.Finding;
import fr.vigie.deals.model.Deal;
import fr.vigie.job.ExplainingADeal;
import fr.vigie.workspace.WorkspaceSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
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
@Command(name = "explain", mixinStandardHelpOptions = true, header = "Explains why one deal is flagged or not: its timeline and every rule's verdict.", description = {
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
    WorkspaceSettings settings = e.settings();
    Deal deal = e.deal();
    out.printf("Deal %s (%s)%n", dealId, e.location());
    if (deal != null) {
      out.printf("  %s — %s (%s) — owner %s%s%n", text(deal.name()), text(deal.account().name()), text(deal.account().segment()),
          text(settings.displayName(deal.owner())), deal.team() == null ? "" : " (" + deal.team() + ")");
      out.printf("  %s %s · discount %s %% · %s%s%n", deal.amount() == null ? "no amount" : deal.amount().toPlainString(),
          deal.currency() == null ? settings.currency() : deal.currency(), deal.discountPercent().toPlainString(),
          deal.outcome().name().toLowerCase(Locale.ROOT),
          deal.closedAt() == null ? "" : " on " + deal.closedAt().atZoneSameInstant(settings.zone()).toLocalDate());
    }
    if (e.refusal() != null) {
      out.printf("%nNot audited: %s%n", e.refusal());
      return ExitCodes.OK;
    }
    ExplainingADeal.Judgement judgement = e.judgement();
    out.printf("  judged by process %s, version %s, as of the end of %s%n", judgement.process(), judgement.version(), judgement.period().label());
    printTimeline(out, deal, judgement);
    printRules(out, judgement);
    return ExitCodes.OK;
  }

  private static void printTimeline(PrintWriter out, Deal deal, ExplainingADeal.Judgement judgement) {
    out.printf("%nTimeline%n");
    judgement.timeline().forEach(line -> out.println("  " + line));
    if (!deal.fields().isEmpty()) {
      out.printf("  fields: %s%n", deal.fields().keySet().stream().sorted().collect(Collectors.joining(", ")));
    }
    if (deal.lossReason() != null) {
      out.printf("  loss reason: %s%n", deal.lossReason());
    }
  }

  private void printRules(PrintWriter out, ExplainingADeal.Judgement judgement) {
    out.printf("%nRules%n");
    for (ExplainingADeal.RuleOutcome rule : judgement.rules()) {
      if (!rule.inForce()) {
        out.printf("  off    %s — turned off for this deal's process version%n", rule.rule());
      } else if (rule.fired()) {
        out.printf("  FIRED  %s — %s (%d time%s)%n", rule.rule(), rule.title(), rule.matches().size(), rule.matches().size() == 1 ? "" : "s");
        for (String facts : rule.matches()) {
          out.printf("         on %s%n", facts);
        }
        for (Finding finding : rule.findings()) {
          out.printf("         → %s %s: %s%n", finding.id(), finding.severity().code(), finding.message());
        }
      } else if (all) {
        out.printf("  -      %s — did not fire: %s%n", rule.rule(), rule.doc());
      }
    }
    long silent = judgement.rules().stream().filter(r -> r.inForce() && !r.fired()).count();
    if (!all && silent > 0) {
      out.printf("  (%d other rules in force did not fire; --all lists them with what they check)%n", silent);
    }
  }

  private static String text(String value) {
    return value == null ? "—" : value;
  }
}
