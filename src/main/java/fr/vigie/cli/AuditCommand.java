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
import fr.vigie.report.ReportText;
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
        Locale language = languageOption.resolve(workspace);
        ReportText words = Language.console(language);
        Set<ReportFormat> formats = parseFormats();
        ProgressBar progress = runOptions.progressBar(err, words);
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
        progress.phase(words.get("phase.workspace"));
        AuditingAPeriod.Prepared prepared = job.prepare(request);
        if (prepared.source().detected() != null) {
            out.println(words.get("audit.reading", prepared.source().detected()));
            out.flush();
        }
        progress.phase(words.get("phase.auditing", DisplayPath.of(prepared.deals())));
        FindingItems items = new FindingItems(threshold);
        AuditingAPeriod.Result result;
        try {
            result = job.run(prepared, human ? List.of() : List.of(items));
        } finally {
            progress.clearBar();
        }
        AuditResult audit = result.result();
        AuditSummary s = audit.summary();
        out.println(
                words.get(
                        "audit.done",
                        audit.scope().period().label(),
                        DisplayPath.of(workspace),
                        DisplayPath.of(result.deals())));
        ImportLines.print(out, prepared.source(), result, words);
        out.println(reconciliation(words, s, words.get("audit.seeRejected")));
        if (s.outsidePeriod() > 0) {
            String rule = audit.scope().workspace().settings().dealsInPeriod().code();
            out.println(
                    words.get(
                            "audit.periodRule",
                            words.get("audit.periodRule." + rule),
                            dealsOptions.dealsInPeriod != null
                                    ? words.get(
                                            "audit.periodRule.option",
                                            dealsOptions.dealsInPeriod.code())
                                    : words.get("audit.periodRule.setting", rule)));
        }
        if (s.eventsRead() > 0) {
            out.println(
                    words.get(
                            "audit.events",
                            s.eventsRead(),
                            s.eventsRead() - s.eventsRejected(),
                            s.eventsRejected()));
        }
        out.println(
                words.get(
                        "audit.conformity",
                        words.percent(s.conformityRate()),
                        s.conformingDeals(),
                        s.dealsAudited(),
                        s.findings(),
                        java.util.Arrays.stream(Severity.values())
                                .sorted(java.util.Comparator.reverseOrder())
                                .map(
                                        sev ->
                                                words.get(
                                                        "severity." + sev.code(),
                                                        s.findingsBySeverity()
                                                                .getOrDefault(sev, 0L)))
                                .collect(Collectors.joining(", "))));
        notAssessable(out, s, words);
        if (audit.waivers().findings() > 0) {
            out.println(words.get("audit.waived", audit.waivers().findings()));
        }
        audit.waivers()
                .expired()
                .forEach(
                        w ->
                                out.println(
                                        words.get(
                                                "audit.waiver.expired",
                                                w.location(),
                                                w.describe(),
                                                w.until().toString())));
        audit.waivers()
                .unused()
                .forEach(
                        w ->
                                out.println(
                                        words.get(
                                                "audit.waiver.unused",
                                                w.location(),
                                                w.describe())));
        out.println(
                words.get(
                        "audit.reports",
                        DisplayPath.of(result.outDir()),
                        result.files().stream()
                                .map(p -> p.getFileName().toString())
                                .collect(Collectors.joining(", "))));
        if (!result.replaced().isEmpty()) {
            out.println(words.get("audit.replaced", String.join(", ", result.replaced())));
        }
        if (!result.removed().isEmpty()) {
            out.println(words.get("audit.removed", String.join(", ", result.removed())));
        }
        BigDecimal max =
                maxRejectedOption != null
                        ? maxRejectedOption
                        : audit.scope().workspace().settings().maxRejected();
        BigDecimal warnAbove = max != null ? max : audit.rejectedWarning();
        if (audit.rejectedAbove(warnAbove)) {
            out.println(
                    words.get(
                            "audit.rejectedWarning",
                            words.percent(s.rejectedPercent()),
                            s.recordsRejected(),
                            s.recordsRejected() + s.dealsAudited(),
                            words.get("format.percent", warnAbove)));
        }
        if (!human) {
            Annotations.render(
                    output,
                    "audit",
                    audit.scope().period().label(),
                    words.get(
                            "audit.summary",
                            words.percent(s.conformityRate()),
                            s.conformingDeals(),
                            s.dealsAudited(),
                            s.findings()),
                    items.items,
                    spec.commandLine().getOut());
        }
        if (audit.rejectedAbove(max)) {
            return ExitCodes.TOO_MANY_REJECTED;
        }
        return audit.hasFindingAtOrAbove(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * " 608 records read = 600 audited + 8 rejected (see rejected.csv) + 12 outside the period",
     * {@code seeRejected} after the rejected when there are some.
     */
    static String reconciliation(ReportText words, AuditSummary s, String seeRejected) {
        return words.get(
                "audit.reconciliation",
                s.recordsRead(),
                s.dealsAudited(),
                s.recordsRejected(),
                s.recordsRejected() > 0 ? seeRejected : "",
                s.outsidePeriod() == 0 ? "" : words.get("audit.outside", s.outsidePeriod()));
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

    /**
     * The rules that could not judge deals, one line per reason: "not assessable (no stage history
     * in this export) on 8 of 8 deals: ...".
     */
    private static void notAssessable(PrintWriter out, AuditSummary s, ReportText words) {
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
                                                words.get(
                                                        "audit.notAssessable.missing",
                                                        String.join(
                                                                ", ",
                                                                g.missing().stream()
                                                                        .map(
                                                                                e ->
                                                                                        words.get(
                                                                                                "audit.missing."
                                                                                                        + e
                                                                                                                .code()))
                                                                        .toList()),
                                                        g.deals(),
                                                        s.dealsAudited(),
                                                        "{rules}"),
                                                k -> new java.util.ArrayList<>())
                                        .add(g.rule()));
        byReason.forEach(
                (line, rules) -> out.println(line.replace("{rules}", String.join(", ", rules))));
        fr.vigie.report.ReportText report = new fr.vigie.report.ReportText(words.locale());
        java.util.Map<String, java.util.List<String>> byPartial = new java.util.LinkedHashMap<>();
        for (var gap : s.coverage().notAssessable()) {
            if (!gap.missing().isEmpty()) {
                continue;
            }
            for (var partial : gap.partial()) {
                byPartial
                        .computeIfAbsent(
                                words.get(
                                        "audit.notAssessable.partial",
                                        report.why(partial.reason()),
                                        partial.deals(),
                                        s.dealsAudited(),
                                        "{rules}",
                                        report.examples(partial)),
                                k -> new java.util.ArrayList<>())
                        .add(gap.rule());
            }
        }
        byPartial.forEach(
                (line, rules) -> out.println(line.replace("{rules}", String.join(", ", rules))));
        s.coverage().notAssessable().stream()
                .filter(g -> g.missing().isEmpty() && !g.failed().isEmpty())
                .forEach(
                        g ->
                                out.println(
                                        words.get(
                                                "audit.notAssessable.failed",
                                                g.deals(),
                                                s.dealsAudited(),
                                                g.rule(),
                                                g.failed().stream()
                                                                .limit(5)
                                                                .map(
                                                                        f ->
                                                                                f.location()
                                                                                        + ": "
                                                                                        + f
                                                                                                .reason())
                                                                .collect(Collectors.joining("; "))
                                                        + (g.deals() > 5
                                                                ? words.get(
                                                                        "audit.notAssessable.more",
                                                                        g.deals() - 5)
                                                                : ""))));
    }
}
