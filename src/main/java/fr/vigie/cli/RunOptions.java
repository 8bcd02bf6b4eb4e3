package fr.vigie.cli;

import fr.vigie.audit.result.Progress;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.formats.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** How a whole period is audited (vigie audit and vigie export): workers and progress. */
final class RunOptions {

    @Option(
            names = "--threads",
            paramLabel = "N",
            converter = WholeNumber.Threads.class,
            description = "Worker threads, 1 to 256 (default: one per core).")
    Integer threads;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print no progress.")
    boolean quiet;

    /** The audit these options ask for, its progress printed on {@code err} unless --quiet. */
    AuditingAPeriod.Request request(
            Path workspace,
            DealsOptions deals,
            Path out,
            Locale language,
            Path standardRules,
            PrintWriter err,
            Set<ReportFormat> formats) {
        return request(workspace, deals, deals.deals, out, language, standardRules, err, formats);
    }

    /**
     * The same, its deals read from {@code dealsPath} (standard input copied to a file) rather than
     * --deals.
     */
    AuditingAPeriod.Request request(
            Path workspace,
            DealsOptions deals,
            Path dealsPath,
            Path out,
            Locale language,
            Path standardRules,
            PrintWriter err,
            Set<ReportFormat> formats) {
        return new AuditingAPeriod.Request(
                workspace,
                dealsPath,
                deals.period,
                out,
                language,
                threads == null ? 0 : threads,
                standardRules,
                progress(err),
                deals.source,
                deals.mapping,
                formats,
                deals.dealsInPeriod);
    }

    /**
     * Where the audit's progress goes: a line on {@code err} now and then, or nowhere with --quiet.
     */
    private Consumer<Progress> progress(PrintWriter err) {
        return quiet
                ? p -> {}
                : p -> {
                    err.printf(
                            "  ... %,d records read, %,d audited, %,d rejected (%.0f records/s)%n",
                            p.read(),
                            p.audited(),
                            p.rejected(),
                            p.read() / Math.max(0.001, p.seconds()));
                    err.flush();
                };
    }
}
