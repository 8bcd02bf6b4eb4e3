package fr.vigie.job;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.common.Severity;
import fr.vigie.audit.run.AuditContext;
import fr.vigie.audit.run.AuditListener;
import fr.vigie.audit.run.AuditRun;
import fr.vigie.audit.run.AuditSummary;
import fr.vigie.audit.run.DealJudge;
import fr.vigie.deals.input.DealInput;
import fr.vigie.common.Problems;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.report.ReportFormat;
import fr.vigie.workspace.Period;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch audit from start to end: load and check the workspace, compile the rules once, find the
 * period's deals, audit them on every core, and write the reports.
 */
public final class AuditJob {

  /**
   * What to audit and how. Null fields take the workspace's or Vigie's defaults; {@code source} and
   * {@code mapping} say how to read an export (docs/importers.md), found from the files otherwise.
   */
  public record Request(
      Path workspace,
      Path deals,
      String period,
      Path out,
      Locale language,
      int threads,
      Path standardRules,
      Consumer<AuditRun.Progress> progress,
      String source,
      Path mapping,
      Set<ReportFormat> formats) {

    public Request {
      formats = formats == null || formats.isEmpty() ? ReportFormat.ALL : Set.copyOf(formats);
    }

    /** Deals read as their file says, every format. */
    public Request(Path workspace, Path deals, String period, Path out, Locale language, int threads, Path standardRules,
        Consumer<AuditRun.Progress> progress) {
      this(workspace, deals, period, out, language, threads, standardRules, progress, null, null, ReportFormat.ALL);
    }
  }

  /** What the audit gave, where it was written, and what of an earlier run was removed from there. */
  public record Result(AuditSummary summary, Period period, Path deals, Path outDir, List<Path> files, List<String> removed,
      List<String> notes, List<fr.vigie.common.Problem> warnings) {

    /** 1 when a finding is at or above {@code failOn}, else 0. */
    public int exitCode(Severity failOn) {
      return failOn != null && summary.maxSeverity().filter(s -> s.compareTo(failOn) >= 0).isPresent() ? 1 : 0;
    }
  }

  /** Everything an audit needs before reading the first deal: the checked workspace and plan, the compiled rules. */
  public record Prepared(AuditContext context, DealJudge judge, Path deals, Path outDir, int threads, java.util.function.Consumer<AuditRun.Progress> progress,
      DealSource source, Set<ReportFormat> formats) {

    /**
     * The run that audits the deals with {@code judge} on {@code threads} workers, at most 256 deals in
     * flight; a deal dated after {@link #latestDate} is rejected first.
     */
    AuditRun newRun() {
      OffsetDateTime latest = latestDate(context.period(), context.workspace().settings().zone(), Instant.now());
      String period = context.period().label();
      return new AuditRun(outcome -> judge.judge(DealChecks.notAfter(outcome, latest, period)), new AuditRun.Options(threads, 256, progress));
    }
  }

  /** The folders a run reads, by what they are (deals given as one file are that file alone): no output may go inside one. */
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
   * The latest date a deal can hold: nothing is recorded after the audit runs ({@code now}, with a
   * day for clocks and zones), nor can the audit of a period not over yet refuse what its end allows.
   */
  static OffsetDateTime latestDate(Period period, ZoneId zone, Instant now) {
    ZonedDateTime end = period.endAt(zone);
    ZonedDateTime tomorrow = now.plus(1, ChronoUnit.DAYS).atZone(zone);
    return (end.isAfter(tomorrow) ? end : tomorrow).toOffsetDateTime();
  }

  /** Loads and checks everything, or throws with every problem found; reads no deal. */
  public Prepared prepare(Request request) {
    PreparedWorkspace prepared = PreparedWorkspace.load(request.workspace(), request.standardRules());
    DealsLocator.Located located = DealsLocator.locate(prepared.workspace(), request.deals(), request.period());
    Locale language = request.language() != null ? request.language() : prepared.workspace().settings().language();
    Period period = located.period();
    Path outDir = request.out() != null ? request.out() : prepared.workspace().defaultOutput(period);
    OutputFolder.checkOutside(outDir, inputFolders(prepared.workspace(), located.deals()));
    Problems problems = new Problems();
    PlanCheck.Result checked = PlanCheck.run(prepared, period, language, problems);
    Waivers waivers = new Waivers(WaiverLoader.load(prepared, problems), period.lastDay());
    problems.throwIfErrors();
    Waivers.Split plan = waivers.split(checked.contradictions());
    AuditContext context = new AuditContext(prepared.workspace(), period, prepared.rules(), language, checked.plan(), plan.kept(), plan.waived(), waivers,
        outDir, Recommendations.recommender(prepared, language));
    DealJudge judge = new DealJudge(prepared.workspace(), period, checked.plan(), prepared.rules(), language, DealAuditor.DEFAULT_MAX_FIRINGS);
    int threads = request.threads() > 0 ? request.threads() : Runtime.getRuntime().availableProcessors();
    DealSource source = DealSource.resolve(prepared.workspace(), located.deals(), request.source(), request.mapping());
    return new Prepared(context, judge, located.deals(), outDir, threads, request.progress() == null ? p -> {} : request.progress(), source,
        request.formats());
  }

  /** Audits what {@link #prepare} made ready, and writes the reports; the input is opened here and closed at the end. */
  public Result run(Prepared prepared) {
    AuditRun run = prepared.newRun();
    try (DealInput input = prepared.source().open(); OutputFolder out = new OutputFolder(prepared.outDir(), ReportFormat.allFiles())) {
      AuditSummary summary = run.run(input, prepared.context(), out.guard(ReportFormat.writers(prepared.formats(), out::staged)));
      List<Path> files = out.commit();
      return new Result(summary, prepared.context().period(), prepared.deals(), prepared.outDir(), files, out.removed(), input.notes(),
          input.warnings());
    }
  }

  /** The report writers of every format, one per output file, writing where {@code place} says. */
  public static List<AuditListener> writers(java.util.function.Function<String, Path> place) {
    return ReportFormat.writers(ReportFormat.ALL, place);
  }
}
