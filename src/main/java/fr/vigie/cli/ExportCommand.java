package fr.vigie.cli;

import fr.vigie.common.DisplayPath;
import fr.vigie.common.Problem;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.job.ExportingALog;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        AuditingAPeriod.Request request =
                runOptions.request(
                        workspace,
                        dealsOptions,
                        deals,
                        null,
                        null,
                        common.standardRules,
                        stderr,
                        null);
        ExportingALog.Result result = new ExportingALog().export(request, out);
        var s = result.summary();
        stdout.printf(
                "Wrote %s: %d traces, the audited deals of %s with their %d findings%n",
                DisplayPath.of(result.file()),
                result.traces(),
                DisplayPath.of(workspace),
                s.findings());
        stdout.printf(
                "  %d records read = %d audited + %d rejected%s%s%n",
                s.recordsRead(),
                s.dealsAudited(),
                s.recordsRejected(),
                s.recordsRejected() > 0
                        ? " (not in the log; vigie audit lists them in rejected.csv)"
                        : "",
                AuditCommand.outside(s));
        for (String note : result.notes()) {
            stdout.println("  note: " + note);
        }
        for (Problem warning : result.warnings()) {
            stdout.println("  " + warning);
        }
        return ExitCodes.OK;
    }
}
