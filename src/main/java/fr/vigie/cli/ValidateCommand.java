package fr.vigie.cli;

import fr.vigie.audit.model.Finding;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Severity;
import fr.vigie.job.CheckingAWorkspace;
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
 * {@code vigie validate}: checks a workspace as an audit would, prints every problem and every
 * contradiction between the CEO's strategy and each quarter's tactics as {@code file:line:col:
 * ...}, then one line saying what it found, whose words match the exit code.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        header = "Checks a workspace as an audit would, without reading a deal.",
        description = {
            "Checks the workspace's settings, processes, strategy, tactics, waivers, mappings and"
                    + " rules; prints every problem",
            "and every contradiction between the strategy and a tactics file as file:line:col:"
                    + " message, then one line saying what it found."
        })
final class ValidateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(
            index = "0",
            paramLabel = "WORKSPACE",
            description = "The client's workspace folder.")
    Path workspace;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "major",
            description =
                    "Exit with 1 when a written contradiction is at or above: info, minor, major,"
                            + " critical, or none (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Mixin LanguageOption languageOption;
    @Mixin OutputOption outputOption;

    @Override
    public Integer call() {
        String format = outputOption.format();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = FailOn.threshold(spec.commandLine(), failOn);
        CheckingAWorkspace.Check check =
                new CheckingAWorkspace()
                        .check(workspace, common.standardRules, languageOption.resolve(workspace));
        ReportText words = Language.console(check.language());
        String name = DisplayPath.of(workspace);
        List<Finding> contradictions = check.contradictions();
        long failing =
                threshold == null
                        ? 0
                        : contradictions.stream()
                                .filter(f -> f.severity().compareTo(threshold) >= 0)
                                .count();
        String verdict;
        if (check.errors() > 0) {
            verdict =
                    words.get("validate.invalid", name, words.get("count.errors", check.errors()));
        } else {
            String processes = words.get("count.processes", check.processes());
            String rules = words.get("count.rules", check.rules());
            String found = words.get("count.contradictions", contradictions.size());
            String waived = check.waived() > 0 ? words.get("validate.waived", check.waived()) : "";
            String key =
                    contradictions.isEmpty()
                            ? "validate.valid"
                            : threshold == null
                                    ? "validate.unchecked"
                                    : failing > 0 ? "validate.failing" : "validate.below";
            verdict = words.get(key, name, processes, rules, found, failOn, failing, waived);
        }
        if (!format.equals("human")) {
            List<Annotations.Item> items = new java.util.ArrayList<>();
            check.problems()
                    .forEach(
                            p ->
                                    items.add(
                                            Annotations.Item.at(
                                                    p.location(),
                                                    p.isError() ? "error" : "warning",
                                                    null,
                                                    p.message())));
            contradictions.forEach(f -> items.add(Annotations.Item.of(f, threshold)));
            Annotations.render(format, "validate", name, verdict, items, out);
        } else {
            check.problems().forEach(err::println);
            if (check.errors() > 0) {
                err.println(verdict);
            } else {
                contradictions.forEach(finding -> out.println(line(finding)));
                out.println(verdict);
            }
        }
        if (check.errors() > 0) {
            return ExitCodes.INPUT_ERROR;
        }
        return failing > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * {@code tactics/2026-Q3.yaml:16:5: major TACT-...: the sentence}, the location first as
     * editors read it.
     */
    static String line(Finding finding) {
        return (finding.source() == null ? "" : finding.source() + ": ")
                + finding.severity().code()
                + " "
                + finding.rule()
                + ": "
                + withoutLocation(finding);
    }

    /** The finding's sentence without the location it starts with, when it does. */
    static String withoutLocation(Finding finding) {
        String at = finding.source() + ": ";
        return finding.source() != null && finding.message().startsWith(at)
                ? finding.message().substring(at.length())
                : finding.message();
    }
}
