package fr.vigie.job;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.worker.RuleIsolation;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.Effectiveness;
import fr.vigie.audit.result.Progress;
import fr.vigie.audit.result.RuleUsed;
import fr.vigie.audit.result.SettingInForce;
import fr.vigie.audit.run.AuditRun;
import fr.vigie.audit.run.DealJudge;
import fr.vigie.audit.run.Recommender;
import fr.vigie.audit.run.RecordJudge;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.audit.waivers.WaiverLoader;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.common.NothingAuditedException;
import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealInput;
import fr.vigie.report.PreviousPeriod;
import fr.vigie.report.formats.ReportFormat;
import fr.vigie.sources.DealSource;
import fr.vigie.sources.DealsLocator;
import fr.vigie.workspace.DealsInPeriod;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch audit from start to end: load and check the workspace, compile the rules once, find the
 * period's deals, audit them on every core, conclude the result (recommendations, change since the
 * previous period, waivers applied), and write the reports from it.
 */
public final class AuditingAPeriod {

    /**
     * What to audit and how. Null fields take the workspace's or Vigie's defaults; {@code source}
     * and {@code mapping} say how to read an export (docs/importers.md), found from the files
     * otherwise; {@code maxRuleFailures}: on how many deals rules may fail before the run stops
     * (null: vigie.yaml's max-rule-failures, else {@value AuditRun.Options#MAX_RULE_FAILURES});
     * {@code dealsInPeriod} chooses the period's deals instead of vigie.yaml; {@code
     * rulesInProcess} runs the workspace's own rules in this process rather than in a worker
     * process, {@code confine} ({@code auto}, the default when null, {@code always} or {@code
     * never}) whether the worker runs confined by bubblewrap.
     */
    public record Request(
            Path workspace,
            Path deals,
            String period,
            Path out,
            Locale language,
            int threads,
            Path standardRules,
            Consumer<Progress> progress,
            String source,
            Path mapping,
            Set<ReportFormat> formats,
            Integer maxRuleFailures,
            DealsInPeriod dealsInPeriod,
            boolean rulesInProcess,
            String confine) {

        public Request {
            formats = formats == null || formats.isEmpty() ? ReportFormat.ALL : Set.copyOf(formats);
            if (confine != null && RuleIsolation.Confinement.parse(confine) == null) {
                throw new IllegalArgumentException("confine: auto, always or never");
            }
        }

        /** Deals read as their file says, every format. */
        public Request(
                Path workspace,
                Path deals,
                String period,
                Path out,
                Locale language,
                int threads,
                Path standardRules,
                Consumer<Progress> progress) {
            this(
                    workspace,
                    deals,
                    period,
                    out,
                    language,
                    threads,
                    standardRules,
                    progress,
                    null,
                    null,
                    ReportFormat.ALL,
                    null,
                    null,
                    false,
                    null);
        }
    }

    /**
     * What the audit gave, where its deals came from and where it was written (and what of an
     * earlier run was removed from there), with what the reading noticed.
     */
    public record Result(
            AuditResult result,
            Path deals,
            Path outDir,
            List<Path> files,
            List<String> removed,
            List<String> replaced,
            List<String> notes,
            List<Problem> warnings) {}

    /**
     * Everything an audit needs before reading the first deal: the checked workspace, the period
     * and its plan with the contradictions written in it, the waivers, the compiled rules, and
     * where the deals are read from and the reports written to.
     */
    public record Prepared(
            PreparedWorkspace workspace,
            Period period,
            Locale language,
            PlanCheck.Result plan,
            List<Waiver> waivers,
            DealJudge judge,
            Path deals,
            Path outDir,
            int threads,
            Consumer<Progress> progress,
            DealSource source,
            Set<ReportFormat> formats,
            int maxRuleFailures) {

        public Prepared {
            waivers = List.copyOf(waivers);
        }
    }

    /** The values of {@code confine}. */
    public static final List<String> CONFINEMENTS = List.of("auto", "always", "never");

    /** Loads and checks everything, or throws with every problem found; reads no deal. */
    public Prepared prepare(Request request) {
        PreparedWorkspace prepared =
                PreparedWorkspace.load(request.workspace(), request.standardRules())
                        .withDealsInPeriod(request.dealsInPeriod());
        DealsLocator.Located located =
                DealsLocator.locate(prepared.workspace(), request.deals(), request.period());
        Locale language =
                request.language() != null
                        ? request.language()
                        : prepared.workspace().settings().language();
        Period period = located.period();
        Path outDir =
                request.out() != null
                        ? request.out()
                        : defaultOutput(prepared.workspace(), located.deals(), period);
        OutputFolder.checkOutside(outDir, inputFolders(prepared.workspace(), located.deals()));
        Problems problems = new Problems();
        PlanCheck.Result checked = PlanCheck.run(prepared, period, language, problems);
        List<Waiver> waivers = WaiverLoader.load(prepared.workspace(), prepared.rules(), problems);
        problems.throwIfErrors();
        DealJudge judge =
                new DealJudge(
                        prepared.workspace(),
                        period,
                        checked.plan(),
                        prepared.rules(),
                        language,
                        DealAuditor.DEFAULT_MAX_FIRINGS,
                        RuleIsolation.DEFAULT
                                .inProcess(request.rulesInProcess())
                                .withConfinement(
                                        request.confine() == null
                                                ? RuleIsolation.Confinement.AUTO
                                                : RuleIsolation.Confinement.parse(
                                                        request.confine())));
        int threads =
                request.threads() > 0
                        ? request.threads()
                        : Runtime.getRuntime().availableProcessors();
        DealSource source =
                DealSource.resolve(
                        prepared.workspace(), located.deals(), request.source(), request.mapping());
        return new Prepared(
                prepared,
                period,
                language,
                checked,
                waivers,
                judge,
                located.deals(),
                outDir,
                threads,
                request.progress() == null ? p -> {} : request.progress(),
                source,
                request.formats(),
                request.maxRuleFailures() != null
                        ? request.maxRuleFailures()
                        : prepared.workspace().settings().maxRuleFailures() != null
                                ? prepared.workspace().settings().maxRuleFailures()
                                : AuditRun.Options.MAX_RULE_FAILURES);
    }

    /**
     * Audits what {@link #prepare} made ready, and writes the reports; the input is opened here and
     * closed at the end. When not one deal could be audited, nothing is written: a {@link
     * NothingAuditedException}.
     */
    public Result run(Prepared prepared) {
        return run(prepared, List.of());
    }

    /**
     * The same, handing everything to {@code also} after the report writers (the server stores it);
     * when one of them fails, the audit stops and no report is moved into place.
     */
    public Result run(Prepared prepared, List<AuditListener> also) {
        return new fr.vigie.deals.input.ReadMeter().measuring(() -> measured(prepared, also));
    }

    private Result measured(Prepared prepared, List<AuditListener> also) {
        try (DealInput input = prepared.source().open();
                OutputFolder out = new OutputFolder(prepared.outDir(), ReportFormat.allFiles())) {
            FirstRejections rejections = new FirstRejections(prepared.language());
            List<AuditListener> listeners =
                    new java.util.ArrayList<>(
                            out.guard(ReportFormat.writers(prepared.formats(), out::staged)));
            listeners.add(rejections);
            listeners.addAll(also);
            AuditResult result = audit(prepared, input, listeners);
            rejections.requireAudited(prepared.deals(), result.summary());
            List<Path> files = out.commit();
            return new Result(
                    result,
                    prepared.deals(),
                    prepared.outDir(),
                    files,
                    out.removed(),
                    out.replaced(),
                    input.notes(),
                    input.warnings());
        }
    }

    /**
     * Where the reports go without {@code --out}: {@code out/<period>/} for the workspace's own
     * deals (under its {@code deals/}), {@code out/<name of the deals>/<period>/} for deals from
     * elsewhere, so that two sources of one period never write over each other's reports.
     */
    static Path defaultOutput(Workspace workspace, Path deals, Period period) {
        Path own = workspace.root().resolve("deals").toAbsolutePath().normalize();
        Path given = deals.toAbsolutePath().normalize();
        if (given.startsWith(own)) {
            return workspace.defaultOutput(period);
        }
        String name = given.getFileName() == null ? "deals" : given.getFileName().toString();
        if (Files.isRegularFile(given) && name.lastIndexOf('.') > 0) {
            name = name.substring(0, name.lastIndexOf('.'));
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return workspace
                .root()
                .resolve("out")
                .resolve(name.isEmpty() || name.startsWith(".") ? "deals" + name : name)
                .resolve(period.label());
    }

    /**
     * The folders a run reads, by what they are (deals given as one file are that file alone): no
     * output may go inside one.
     */
    static Map<String, Path> inputFolders(Workspace workspace, Path deals) {
        Map<String, Path> folders = new LinkedHashMap<>();
        if (Files.isDirectory(deals)) {
            folders.put("the folder of the deals", deals);
        }
        for (String input : List.of("deals", "process", "rules", "sources", "tactics", "tests")) {
            folders.put("the workspace's " + input + "/ folder", workspace.root().resolve(input));
        }
        return folders;
    }

    /**
     * The latest date a deal can hold: nothing is recorded after the audit runs ({@code now}, with
     * a day for clocks and zones), nor can the audit of a period not over yet refuse what its end
     * allows.
     */
    static OffsetDateTime latestDate(Period period, ZoneId zone, Instant now) {
        ZonedDateTime end = period.endAt(zone);
        ZonedDateTime tomorrow = now.plus(1, ChronoUnit.DAYS).atZone(zone);
        return (end.isAfter(tomorrow) ? end : tomorrow).toOffsetDateTime();
    }

    /**
     * Audits every record of {@code input} with {@code listeners}, concludes the result once every
     * deal is judged and hands it to their {@code finish}: the whole audit but where the deals come
     * from and where the reports go. A deal dated after {@link #latestDate} is rejected first.
     */
    public AuditResult audit(Prepared prepared, DealInput input, List<AuditListener> listeners) {
        Waivers waivers = new Waivers(prepared.waivers(), prepared.period().lastDay());
        Waivers.Split plan = waivers.split(prepared.plan().contradictions());
        AuditScope scope =
                new AuditScope(
                        prepared.workspace().workspace(),
                        prepared.period(),
                        prepared.language(),
                        prepared.plan().plan(),
                        plan.kept(),
                        plan.waived());
        OffsetDateTime latest =
                latestDate(prepared.period(), scope.workspace().settings().zone(), Instant.now());
        String period = prepared.period().label();
        RecordJudge judge =
                outcome -> prepared.judge().judge(DealChecks.notAfter(outcome, latest, period));
        AuditRun run =
                new AuditRun(
                        judge,
                        prepared.workspace().rules(),
                        new AuditRun.Options(prepared.threads(), 256, prepared.progress())
                                .withMaxRuleFailures(prepared.maxRuleFailures()));
        AuditSummary summary;
        try {
            summary = run.run(input, scope, waivers, listeners);
        } finally {
            prepared.judge().close();
        }
        AuditResult result = conclude(prepared, scope, summary, waivers.applied());
        listeners.forEach(l -> l.finish(result));
        return result;
    }

    /**
     * What the run's figures give once every deal is judged: the recommendation rules run here,
     * once, and the previous period is read.
     */
    private static AuditResult conclude(
            Prepared prepared, AuditScope scope, AuditSummary summary, Waivers.Applied waivers) {
        PreparedWorkspace workspace = prepared.workspace();
        Recommender recommender =
                new Recommender(
                        workspace.rules(),
                        workspace.workspaceRules(),
                        workspace.workspace().settings(),
                        scope.language());
        return new AuditResult(
                scope,
                summary,
                Effectiveness.of(scope, summary),
                recommender.recommend(summary),
                PreviousPeriod.compare(prepared.outDir(), scope.period(), summary.conformityRate())
                        .orElse(null),
                waivers,
                SettingInForce.of(scope.workspace(), scope.plan()),
                RuleUsed.of(workspace.rules(), scope.language()));
    }
}
