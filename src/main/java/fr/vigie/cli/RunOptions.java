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

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    private ProgressBar bar;

    @Option(
            names = "--threads",
            paramLabel = "N",
            converter = WholeNumber.Threads.class,
            description = "Worker threads, 1 to 256 (default: one per core).")
    Integer threads;

    @Option(
            names = "--max-rule-failures",
            paramLabel = "N",
            converter = WholeNumber.RuleFailures.class,
            description =
                    "Stop (exit 2) once rules failed on more than N deals; each such deal is"
                            + " reported not assessable for the rule (default: vigie.yaml's"
                            + " max-rule-failures, else 10; 0 stops at the first).")
    Integer maxRuleFailures;

    @Option(
            names = "--confine",
            paramLabel = "auto|always|never",
            converter = ConfinementOption.class,
            description =
                    "Run the workspace's own rules (rules/*.drl) confined by bubblewrap: auto"
                            + " (when it works here, the default), always (stop when it cannot),"
                            + " never.")
    String confine;

    @Option(
            names = "--rules-in-process",
            description =
                    "Run the workspace's own rules in this process rather than in a worker"
                            + " process: faster, for rules you trust (no heap of their own, the"
                            + " time limit acts only between firings).")
    boolean rulesInProcess;

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
                maxRuleFailures,
                deals.dealsInPeriod,
                rulesInProcess,
                confine);
    }

    /**
     * Where the audit's progress goes: its phases and a bar (or a plain line now and then when not
     * on a terminal) on {@code err}, or nowhere with --quiet.
     */
    private Consumer<Progress> progress(PrintWriter err) {
        return quiet ? p -> {} : p -> progressBar(err, null).accept(p);
    }

    /** {@code --confine}: auto, always or never. */
    static final class ConfinementOption implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!AuditingAPeriod.CONFINEMENTS.contains(value)) {
                throw new picocli.CommandLine.TypeConversionException(
                        "--confine: auto, always or never, not '" + value + "'");
            }
            return value;
        }
    }

    /**
     * The run's progress bar, on {@code err} (standard error unfiltered on a terminal), in the
     * words of {@code words}; the first call makes it.
     */
    ProgressBar progressBar(PrintWriter err, fr.vigie.report.ReportText words) {
        if (bar == null) {
            VigieCommand root = (VigieCommand) spec.root().userObject();
            Terminal terminal = root.terminal();
            PrintWriter to =
                    quiet
                            ? new PrintWriter(java.io.Writer.nullWriter())
                            : terminal.interactive() && root.rawErr() != null ? root.rawErr() : err;
            bar =
                    new ProgressBar(
                            to,
                            terminal,
                            words != null ? words : Language.console(root.language()));
        }
        return bar;
    }
}
