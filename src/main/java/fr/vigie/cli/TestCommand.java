package fr.vigie.cli;

import fr.vigie.common.DisplayPath;
import fr.vigie.job.TestingRules;
import fr.vigie.report.ReportText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie test}: runs the rule tests of the standard pack (beside its rules, in its testing
 * workspace) and of the workspace ({@code tests/**}/*.test.yaml, with the workspace's processes,
 * strategy and tactics).
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        header = "Runs the rule tests of the standard pack and of the workspace.",
        description = {
            "Runs every rule test: the standard pack's, then the workspace's"
                    + " (tests/**/*.test.yaml).",
            "Prints each failing case with its file and line and what differed, then a summary"
                    + " line; exit 1 when a case fails",
            "or the coverage is under --threshold, 0 otherwise."
        })
final class TestCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin OutputOption outputOption;
    @Mixin LanguageOption languageOption;

    @Parameters(
            index = "0",
            paramLabel = "WORKSPACE",
            description = "The client's workspace folder.")
    Path workspace;

    @Option(
            names = "--coverage",
            description =
                    "Also list the rules no test makes fire, and the process stages and strategy"
                            + " items no test touches.")
    boolean coverage;

    @Option(names = "--no-standard", description = "Run the workspace's tests only.")
    boolean noStandard;

    @Option(
            names = "--threshold",
            paramLabel = "PERCENT",
            converter = WholeNumber.Percentage.class,
            description =
                    "Fail (exit 1) when the coverage of rules, stages and plan items together is"
                            + " under PERCENT, 0 to 100 (implies --coverage).")
    Integer threshold;

    @Override
    public Integer call() {
        String format = outputOption.format();
        boolean human = format.equals("human");
        // A machine format owns standard output; the person's lines go to standard error then.
        PrintWriter out = human ? spec.commandLine().getOut() : spec.commandLine().getErr();
        ReportText words = Language.console(languageOption.resolve(workspace));
        TestingRules.Report report =
                new TestingRules().test(workspace, common.standardRules, !noStandard);
        if (human) {
            report.failures().forEach(failure -> out.println(words.get("test.fail", failure)));
        }
        if (!report.workspaceTested()) {
            out.println(words.get("test.noTest", DisplayPath.of(report.testsDir())));
        }
        int total = report.passed() + report.failed();
        String summary =
                noStandard
                        ? words.get("test.summary", report.passed(), report.failed())
                        : words.get(
                                "test.summary.split",
                                report.passed(),
                                report.failed(),
                                report.standard(),
                                total - report.standard());
        out.println(summary);
        boolean under = false;
        if (coverage || threshold != null) {
            TestingRules.Coverage covered = report.coverage();
            out.println();
            section(
                    out,
                    words,
                    words.get("test.section.rules", covered.rules().size(), covered.ruleCount()),
                    covered.rules());
            section(
                    out,
                    words,
                    words.get("test.section.stages", covered.stages().size(), covered.stageCount()),
                    covered.stages());
            section(
                    out,
                    words,
                    words.get(
                            "test.section.plan",
                            covered.planItems().size(),
                            covered.planItemCount()),
                    covered.planItems());
            out.println(
                    words.get(
                            "test.coverage",
                            words.percent(covered.percent()),
                            covered.covered(),
                            covered.total(),
                            share(words, covered.rules(), covered.ruleCount()),
                            share(words, covered.stages(), covered.stageCount()),
                            share(words, covered.planItems(), covered.planItemCount())));
            under =
                    threshold != null
                            && covered.percent().compareTo(java.math.BigDecimal.valueOf(threshold))
                                    < 0;
            if (threshold != null) {
                out.println(
                        words.get(
                                under ? "test.under" : "test.atOrAbove",
                                words.percent(covered.percent()),
                                words.get("format.percent", threshold)));
            }
        }
        if (!human) {
            Annotations.render(
                    format,
                    "test",
                    DisplayPath.of(workspace),
                    words.get("test.summary", report.passed(), report.failed()),
                    items(report),
                    spec.commandLine().getOut());
        }
        return report.failed() == 0 && !under ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * Every case run, at the line of its .test.yaml: passed, or an error saying what differed; the
     * case's name as the check's name.
     */
    static List<Annotations.Item> items(TestingRules.Report report) {
        return report.cases().stream()
                .map(
                        c ->
                                Annotations.Item.at(
                                        c.location(),
                                        c.passed() ? Annotations.PASSED : "error",
                                        c.name(),
                                        c.passed() ? c.name() : String.join("; ", c.differences())))
                .toList();
    }

    private static void section(
            PrintWriter out, ReportText words, String title, List<String> items) {
        out.println(title + (items.isEmpty() ? "" : words.get("test.section.colon")));
        items.forEach(item -> out.println("  " + item));
    }

    /** "30 of 43 (69.7%)": how many a test covers. */
    private static String share(ReportText words, List<String> uncovered, int of) {
        int covered = of - uncovered.size();
        return words.get(
                "test.share",
                covered,
                of,
                words.percent(TestingRules.Coverage.percent(covered, of)));
    }
}
