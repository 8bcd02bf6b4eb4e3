package fr.vigie.cli;

import fr.vigie.common.DisplayPath;
import fr.vigie.job.TestingRules;
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
        TestingRules.Report report =
                new TestingRules().test(workspace, common.standardRules, !noStandard);
        if (human) {
            report.failures().forEach(failure -> out.println("FAIL " + failure));
        }
        if (!report.workspaceTested()) {
            out.println(
                    "no test in "
                            + DisplayPath.of(report.testsDir())
                            + " (write tests/<name>.test.yaml, see docs/authoring.md)");
        }
        int total = report.passed() + report.failed();
        out.println(
                report.passed()
                        + " passed, "
                        + report.failed()
                        + " failed"
                        + (noStandard
                                ? ""
                                : " (standard pack: "
                                        + report.standard()
                                        + ", workspace: "
                                        + (total - report.standard())
                                        + ")"));
        boolean under = false;
        if (coverage || threshold != null) {
            TestingRules.Coverage covered = report.coverage();
            out.println();
            section(out, "Rules no test makes fire", covered.rules(), covered.ruleCount());
            section(
                    out,
                    "Process stages no test deal goes through",
                    covered.stages(),
                    covered.stageCount());
            section(
                    out,
                    "Strategy and tactics items no test finding cites",
                    covered.planItems(),
                    covered.planItemCount());
            out.printf(
                    "coverage %s%% (%d of %d): rules %s, stages %s, plan items %s%n",
                    covered.percent().toPlainString(),
                    covered.covered(),
                    covered.total(),
                    share(covered.rules(), covered.ruleCount()),
                    share(covered.stages(), covered.stageCount()),
                    share(covered.planItems(), covered.planItemCount()));
            under =
                    threshold != null
                            && covered.percent().compareTo(java.math.BigDecimal.valueOf(threshold))
                                    < 0;
            if (threshold != null) {
                out.printf(
                        "coverage %s%% is %s --threshold %d%%%n",
                        covered.percent().toPlainString(),
                        under ? "under" : "at or above",
                        threshold);
            }
        }
        if (!human) {
            Annotations.render(
                    format,
                    "test",
                    DisplayPath.of(workspace),
                    report.passed() + " passed, " + report.failed() + " failed",
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

    private static void section(PrintWriter out, String title, List<String> items, int of) {
        out.println(title + " (" + items.size() + " of " + of + ")" + (items.isEmpty() ? "" : ":"));
        items.forEach(item -> out.println("  " + item));
    }

    /** "30 of 43 (69.7%)": how many a test covers. */
    private static String share(List<String> uncovered, int of) {
        int covered = of - uncovered.size();
        return covered
                + " of "
                + of
                + " ("
                + TestingRules.Coverage.percent(covered, of).toPlainString()
                + "%)";
    }
}
