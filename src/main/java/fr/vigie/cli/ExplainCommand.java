package fr.vigie.cli;

import fr.vigie.audit.model.Finding;
import fr.vigie.deals.model.Deal;
import fr.vigie.job.ExplainWords;
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

/**
 * {@code vigie explain}: a deal's timeline and, for every rule, whether it fired and on which
 * facts.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        header = "Explains why one deal is flagged or not: its timeline and every rule's verdict.",
        description = {
            "Explains one deal: its timeline (stages with days spent, activities, documents,"
                    + " decisions) and, for every",
            "rule in force, whether it fired and on which facts, so that you can say why a deal is"
                    + " flagged or not."
        })
final class ExplainCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DealsOptions dealsOptions;
    @Mixin LanguageOption languageOption;

    @Parameters(
            index = "0",
            paramLabel = "WORKSPACE",
            description = "The client's workspace folder.")
    Path workspace;

    @Option(names = "--deal", required = true, paramLabel = "ID", description = "The deal's id.")
    String dealId;

    @Option(names = "--all", description = "Also list the rules that did not fire.")
    boolean all;

    @Override
    public Integer call() {
        return StandardInput.around(spec, dealsOptions, this::explain);
    }

    private int explain(Path deals) {
        PrintWriter out = spec.commandLine().getOut();
        ExplainingADeal.Explanation e =
                new ExplainingADeal()
                        .explain(
                                new ExplainingADeal.Request(
                                        workspace,
                                        deals,
                                        dealsOptions.period,
                                        dealsOptions.source,
                                        dealsOptions.mapping,
                                        dealId,
                                        common.standardRules,
                                        languageOption.resolve(workspace),
                                        dealsOptions.dealsInPeriod));
        WorkspaceSettings settings = e.settings();
        ExplainWords w = e.words();
        Deal deal = e.deal();
        out.println(w.get("deal", dealId, e.location()));
        if (deal != null) {
            out.printf(
                    "  %s — %s (%s) — %s %s%s%n",
                    text(deal.name()),
                    text(deal.account().name()),
                    text(deal.account().segment()),
                    w.get("owner"),
                    text(settings.displayName(deal.owner())),
                    deal.team() == null ? "" : " (" + deal.team() + ")");
            out.printf(
                    "  %s %s · %s %s %% · %s%s%n",
                    deal.amount() == null ? w.get("no-amount") : deal.amount().toPlainString(),
                    deal.currency() == null ? settings.currency() : deal.currency(),
                    w.get("discount"),
                    deal.discountPercent().toPlainString(),
                    w.get("outcome." + deal.outcome().name().toLowerCase(Locale.ROOT)),
                    deal.closedAt() == null
                            ? ""
                            : " "
                                    + w.get("on")
                                    + " "
                                    + deal.closedAt()
                                            .atZoneSameInstant(settings.zone())
                                            .toLocalDate());
        }
        if (e.refusal() != null) {
            out.printf("%n%s%n", w.get("not-audited", e.refusal()));
            return ExitCodes.OK;
        }
        ExplainingADeal.Judgement judgement = e.judgement();
        out.printf(
                "  %s%n",
                w.get(
                        "judged",
                        judgement.process(),
                        judgement.version(),
                        judgement.period().label()));
        printTimeline(out, deal, judgement, w);
        printRules(out, judgement, w);
        return ExitCodes.OK;
    }

    private static void printTimeline(
            PrintWriter out, Deal deal, ExplainingADeal.Judgement judgement, ExplainWords w) {
        out.printf("%n%s%n", w.get("timeline"));
        judgement.timeline().forEach(line -> out.println("  " + line));
        if (!deal.fields().isEmpty()) {
            out.printf(
                    "  %s: %s%n",
                    w.get("fields"),
                    deal.fields().keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        if (deal.lossReason() != null) {
            out.printf("  %s: %s%n", w.get("loss-reason"), deal.lossReason());
        }
    }

    private void printRules(PrintWriter out, ExplainingADeal.Judgement judgement, ExplainWords w) {
        out.printf("%n%s%n", w.get("rules"));
        for (ExplainingADeal.RuleOutcome rule : judgement.rules()) {
            if (!rule.inForce()) {
                out.printf("  off    %s — %s%n", rule.rule(), w.get("off"));
            } else if (rule.notAssessable() != null && rule.findings().isEmpty()) {
                out.printf(
                        "  n/a    %s — %s%n",
                        rule.rule(), w.get("not-assessable", rule.notAssessable()));
            } else if (rule.fired()) {
                out.printf(
                        "  FIRED  %s — %s%n",
                        rule.rule(), w.get("fired", rule.title(), rule.matches().size()));
                for (String facts : rule.matches()) {
                    out.printf("         %s %s%n", w.get("on-facts"), facts);
                }
                for (Finding finding : rule.findings()) {
                    out.printf(
                            "         → %s %s: %s%n",
                            finding.id(), finding.severity().code(), finding.message());
                }
            } else if (all) {
                out.printf("  -      %s — %s%n", rule.rule(), w.get("did-not-fire", rule.doc()));
            }
        }
        long silent =
                judgement.rules().stream()
                        .filter(r -> r.inForce() && !r.fired() && r.notAssessable() == null)
                        .count();
        if (!all && silent > 0) {
            out.printf("  %s%n", w.get("silent", silent));
        }
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }
}
