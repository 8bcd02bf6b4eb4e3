package fr.vigie.cli;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Severity;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.formats.ReportFormat;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie audit}: audits a period's deals and writes the reports. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        header = "Audits a period's deals and writes the reports for the CEO.",
        description = {
            "Audits a period's deals against the workspace's processes and rules, and writes",
            "report.html, report.pdf, report.md, findings.json, findings.csv (see --format) and"
                    + " rejected.csv."
        })
final class AuditCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DealsOptions dealsOptions;
    @Mixin RunOptions runOptions;
    @Mixin LanguageOption languageOption;
    @Mixin OutputOption outputOption;

    @Parameters(
            index = "0",
            paramLabel = "WORKSPACE",
            description = "The client's workspace folder.")
    Path workspace;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write the reports (default: WORKSPACE/out/<period>/).")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMATS",
            defaultValue = "html,pdf,md,json,csv",
            description =
                    "Reports to write, comma-separated: html, pdf, md, json, csv (default: all);"
                            + " rejected.csv is always written.")
    String format;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "major",
            description =
                    "Exit with 1 when a finding is at or above: info, minor, major, critical, or"
                            + " none (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(
            names = "--max-rejected",
            paramLabel = "PERCENT",
            description =
                    "Exit with 5 when more than this share of the period's records were rejected,"
                            + " e.g. 5% (default: vigie.yaml's max-rejected; without either, only a"
                            + " warning above 5%).")
    String maxRejected;

    @Override
    public Integer call() {
        return StandardInput.around(spec, dealsOptions, this::audit);
    }

    private int audit(Path deals) {
        String output = outputOption.format();
        boolean human = output.equals("human");
        // A machine format owns standard output; the person's lines go to standard error then.
        PrintWriter out = human ? spec.commandLine().getOut() : spec.commandLine().getErr();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = FailOn.threshold(spec.commandLine(), failOn);
        BigDecimal maxRejectedOption = parseMaxRejected();
        Locale language = languageOption.language();
        Set<ReportFormat> formats = parseFormats();
        AuditingAPeriod.Request request =
                runOptions.request(
                        workspace,
                        dealsOptions,
                        deals,
                        this.out,
                        language,
                        common.standardRules,
                        err,
                        formats);
        AuditingAPeriod job = new AuditingAPeriod();
        ProgressBar progress = runOptions.progressBar(err);
        progress.phase("Reading the workspace and compiling its rules...");
        AuditingAPeriod.Prepared prepared = job.prepare(request);
        if (prepared.source().detected() != null) {
            out.println("Reading " + prepared.source().detected());
            out.flush();
        }
        progress.phase("Auditing " + DisplayPath.of(prepared.deals()) + "...");
        FindingItems items = new FindingItems(threshold);
        AuditingAPeriod.Result result;
        try {
            result = job.run(prepared, human ? List.of() : List.of(items));
        } finally {
            progress.clearBar();
        }
        AuditResult audit = result.result();
        AuditSummary s = audit.summary();
        out.printf(
                "Audited %s for %s, deals from %s%n",
                audit.scope().period().label(),
                DisplayPath.of(workspace),
                DisplayPath.of(result.deals()));
        ImportLines.print(out, prepared.source(), result);
        out.printf(
                "  %d records read = %d audited + %d rejected%s%s%n",
                s.recordsRead(),
                s.dealsAudited(),
                s.recordsRejected(),
                s.recordsRejected() > 0 ? " (see rejected.csv)" : "",
                outside(s));
        if (s.outsidePeriod() > 0) {
            out.printf(
                    "  the period's deals are those %s (%s)%n",
                    audit.scope()
                            .workspace()
                            .settings()
                            .dealsInPeriod()
                            .code()
                            .replace("-during", " during it"),
                    dealsOptions.dealsInPeriod != null
                            ? "--deals-in-period " + dealsOptions.dealsInPeriod.code()
                            : "deals-in-period: "
                                    + audit.scope().workspace().settings().dealsInPeriod().code()
                                    + " in vigie.yaml");
        }
        if (s.eventsRead() > 0) {
            out.printf(
                    "  %d events read = %d attached to deals + %d rejected%n",
                    s.eventsRead(), s.eventsRead() - s.eventsRejected(), s.eventsRejected());
        }
        out.printf(
                "  conformity %s%% (%d of %d deals), %d findings (%s)%n",
                s.conformityRate().toPlainString(),
                s.conformingDeals(),
                s.dealsAudited(),
                s.findings(),
                java.util.Arrays.stream(Severity.values())
                        .sorted(java.util.Comparator.reverseOrder())
                        .map(sev -> s.findingsBySeverity().getOrDefault(sev, 0L) + " " + sev.code())
                        .collect(Collectors.joining(", ")));
        notAssessable(out, s);
        if (audit.waivers().findings() > 0) {
            out.printf(
                    "  %d finding(s) waived by waivers.yaml, outside the conformity rate%n",
                    audit.waivers().findings());
        }
        audit.waivers()
                .expired()
                .forEach(
                        w ->
                                out.printf(
                                        "  warning: %s: the waiver of %s expired on %s and was not"
                                                + " applied%n",
                                        w.location(), w.describe(), w.until()));
        audit.waivers()
                .unused()
                .forEach(
                        w ->
                                out.printf(
                                        "  warning: %s: the waiver of %s matched no finding%n",
                                        w.location(), w.describe()));
        out.printf(
                "  reports in %s: %s%n",
                DisplayPath.of(result.outDir()),
                result.files().stream()
                        .map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(", ")));
        if (!result.replaced().isEmpty()) {
            out.printf(
                    "  replaced the reports of an earlier run in this folder: %s%n",
                    String.join(", ", result.replaced()));
        }
        if (!result.removed().isEmpty()) {
            out.printf(
                    "  removed from an earlier run (the folder holds this run only): %s%n",
                    String.join(", ", result.removed()));
        }
        BigDecimal max =
                maxRejectedOption != null
                        ? maxRejectedOption
                        : audit.scope().workspace().settings().maxRejected();
        BigDecimal warnAbove = max != null ? max : audit.rejectedWarning();
        if (audit.rejectedAbove(warnAbove)) {
            out.printf(
                    "  warning: %s%% of the period's records were not audited (%d rejected of %d),"
                            + " above %s%%: see rejected.csv%n",
                    s.rejectedPercent().toPlainString(),
                    s.recordsRejected(),
                    s.recordsRejected() + s.dealsAudited(),
                    warnAbove.toPlainString());
        }
        if (!human) {
            Annotations.render(
                    output,
                    "audit",
                    audit.scope().period().label(),
                    "conformity "
                            + s.conformityRate().toPlainString()
                            + "% ("
                            + s.conformingDeals()
                            + " of "
                            + s.dealsAudited()
                            + " deals), "
                            + s.findings()
                            + " findings",
                    items.items,
                    spec.commandLine().getOut());
        }
        if (audit.rejectedAbove(max)) {
            return ExitCodes.TOO_MANY_REJECTED;
        }
        return audit.hasFindingAtOrAbove(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Every finding, the strategy's and tactics' included, at its source (the export's line, the
     * tactics file's): an error at or above --fail-on, a warning below.
     */
    static final class FindingItems implements AuditListener {
        private final Severity threshold;
        final List<Annotations.Item> items = new java.util.ArrayList<>();

        FindingItems(Severity threshold) {
            this.threshold = threshold;
        }

        @Override
        public void start(AuditScope scope) {
            add(scope.planFindings());
        }

        @Override
        public synchronized void audited(AuditedDeal deal, List<Finding> findings) {
            add(findings);
        }

        private void add(List<Finding> findings) {
            findings.forEach(f -> items.add(Annotations.Item.of(f, threshold)));
        }
    }

    private BigDecimal parseMaxRejected() {
        if (maxRejected == null) {
            return null;
        }
        BigDecimal max = fr.vigie.workspace.Percent.parse(maxRejected);
        if (max == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--max-rejected must be a percentage from 0 to 100, such as 5%; not '"
                            + maxRejected
                            + "'");
        }
        return max;
    }

    private Set<ReportFormat> parseFormats() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--format: " + e.getMessage());
        }
    }

    /** " + 12 outside the period" when the input holds deals of other periods; empty otherwise. */
    static String outside(AuditSummary s) {
        return s.outsidePeriod() == 0 ? "" : " + " + s.outsidePeriod() + " outside the period";
    }

    /**
     * The rules that could not judge deals, one line per reason: "not assessable (no stage history
     * in this export) on 8 of 8 deals: ...".
     */
    private static void notAssessable(PrintWriter out, AuditSummary s) {
        java.util.Map<String, java.util.List<String>> byReason = new java.util.LinkedHashMap<>();
        s.coverage().notAssessable().stream()
                .filter(g -> !g.missing().isEmpty())
                .sorted(
                        java.util.Comparator.comparing(
                                        (fr.vigie.audit.result.Coverage.NotAssessable g) ->
                                                g.missing().toString())
                                .thenComparing(g -> g.rule()))
                .forEach(
                        g ->
                                byReason.computeIfAbsent(
                                                String.join(
                                                                ", ",
                                                                g.missing().stream()
                                                                        .map(e -> "no " + e.what())
                                                                        .toList())
                                                        + " in this export) on "
                                                        + g.deals()
                                                        + " of "
                                                        + s.dealsAudited()
                                                        + " deals",
                                                k -> new java.util.ArrayList<>())
                                        .add(g.rule()));
        byReason.forEach(
                (reason, rules) ->
                        out.printf("  not assessable (%s: %s%n", reason, String.join(", ", rules)));
        fr.vigie.report.ReportText english = new fr.vigie.report.ReportText(Locale.ENGLISH);
        java.util.Map<String, java.util.List<String>> byPartial = new java.util.LinkedHashMap<>();
        for (var gap : s.coverage().notAssessable()) {
            if (!gap.missing().isEmpty()) {
                continue;
            }
            for (var partial : gap.partial()) {
                String reason =
                        english.why(partial.reason())
                                + ") on "
                                + partial.deals()
                                + " of "
                                + s.dealsAudited()
                                + " deals: %s ("
                                + english.examples(partial)
                                + ")";
                byPartial.computeIfAbsent(reason, k -> new java.util.ArrayList<>()).add(gap.rule());
            }
        }
        byPartial.forEach(
                (reason, rules) ->
                        out.printf(
                                "  not assessable (%s%n",
                                reason.replace("%s", String.join(", ", rules))));
        s.coverage().notAssessable().stream()
                .filter(g -> g.missing().isEmpty() && !g.failed().isEmpty())
                .forEach(
                        g ->
                                out.printf(
                                        "  not assessable (the rule failed) on %d of %d deals: %s"
                                                + " (%s)%n",
                                        g.deals(),
                                        s.dealsAudited(),
                                        g.rule(),
                                        g.failed().stream()
                                                        .limit(5)
                                                        .map(f -> f.location() + ": " + f.reason())
                                                        .collect(Collectors.joining("; "))
                                                + (g.deals() > 5
                                                        ? "; and " + (g.deals() - 5) + " more"
                                                        : "")));
    }
}
