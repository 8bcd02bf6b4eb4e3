package fr.vigie.cli;

import fr.vigie.common.DisplayPath;
import fr.vigie.common.Problem;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.job.ExportingALog;
import fr.vigie.report.ReportText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie export --xes}: the audited deals as an XES event log, with their findings, for
 * process-mining tools.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        header =
                "Audits a period's deals and writes them as an XES event log for process-mining"
                        + " tools.",
        description = {
            "Audits a period's deals and writes them as an XES event log (IEEE 1849), one trace per"
                    + " deal",
            "with its findings as attributes, that PM4Py, ProM or Celonis open."
        })
final class ExportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DealsOptions dealsOptions;
    @Mixin RunOptions runOptions;
    @Mixin LanguageOption languageOption;

    @Parameters(
            index = "0",
            paramLabel = "WORKSPACE",
            description = "The client's workspace folder.")
    Path workspace;

    @Option(
            names = "--xes",
            required = true,
            description = "Write an XES event log (the only export format).")
    boolean xes;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "The log to write (default: WORKSPACE/out/<period>/deals.xes).")
    Path out;

    @Override
    public Integer call() {
        return StandardInput.around(spec, dealsOptions, this::export);
    }

    private int export(Path deals) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Locale language = languageOption.resolve(workspace);
        ReportText words = Language.console(language);
        runOptions.progressBar(stderr, words);
        AuditingAPeriod.Request request =
                runOptions.request(
                        workspace,
                        dealsOptions,
                        deals,
                        null,
                        language,
                        common.standardRules,
                        stderr,
                        null);
        ExportingALog.Result result = new ExportingALog().export(request, out);
        var s = result.summary();
        stdout.println(
                words.get(
                        "export.wrote",
                        DisplayPath.of(result.file()),
                        result.traces(),
                        DisplayPath.of(workspace),
                        s.findings()));
        stdout.println(AuditCommand.reconciliation(words, s, words.get("export.notInLog")));
        for (String note : result.notes()) {
            stdout.println(words.get("import.note", note));
        }
        for (Problem warning : result.warnings()) {
            stdout.println("  " + warning);
        }
        return ExitCodes.OK;
    }
}
