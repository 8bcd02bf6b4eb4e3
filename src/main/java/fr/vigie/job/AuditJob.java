package fr.vigie.job;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.model.Severity;
import fr.vigie.audit.run.AuditContext;
import fr.vigie.audit.run.AuditListener;
import fr.vigie.audit.run.AuditRun;
import fr.vigie.audit.run.AuditSummary;
import fr.vigie.audit.run.DealJudge;
import fr.vigie.deals.input.DealInput;
import fr.vigie.problem.Problems;
import fr.vigie.audit.model.Finding;
import fr.vigie.waivers.WaivedFinding;
import fr.vigie.waivers.Waiver;
import fr.vigie.waivers.Waivers;
import java.util.ArrayList;
import fr.vigie.report.ReportFormat;
import fr.vigie.workspace.Period;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch audit from start to end: load and check the workspace, compile the rules once, find the
 * period's deals, audit them on every core, and write the reports.
 */
public final class AuditJob {

  /** What to audit and how. Null fields take the workspace's or Vigie's defaults. */
  public record Request(
      Path workspace,
      Path deals,
      String period,
      Path out,
      Locale language,
      int threads,
      Path standardRules,
      Consumer<AuditRun.Progress> progress,
      Set<ReportFormat> formats) {

    public Request {
      formats = formats == null || formats.isEmpty() ? ReportFormat.ALL : Set.copyOf(formats);
    }

    /** Every format. */
    public Request(Path workspace, Path deals, String period, Path out, Locale language, int threads, Path standardRules,
        Consumer<AuditRun.Progress> progress) {
      this(workspace, deals, period, out, language, threads, standardRules, progress, ReportFormat.ALL);
    }
  }

  /** What the audit gave, and where it was written. */
  public record Result(AuditSummary summary, Period period, Path deals, Path outDir, List<Path> files) {

    /** 1 when a finding is at or above {@code failOn}, else 0. */
    public int exitCode(Severity failOn) {
      return failOn != null && summary.maxSeverity().filter(s -> s.compareTo(failOn) >= 0).isPresent() ? 1 : 0;
    }
  }

  /** Everything an audit needs before reading the first deal: the checked workspace and plan, the compiled rules. */
  public record Prepared(AuditContext context, DealJudge judge, Path deals, Path outDir, int threads, java.util.function.Consumer<AuditRun.Progress> progress,
      Set<ReportFormat> formats) {}

  /** Loads and checks everything, or throws with every problem found; reads no deal. */
  public Prepared prepare(Request request) {
    PreparedWorkspace prepared = PreparedWorkspace.load(request.workspace(), request.standardRules());
    DealsLocator.Located located = DealsLocator.locate(prepared.workspace(), request.deals(), request.period());
    Locale language = request.language() != null ? request.language() : prepared.workspace().settings().language();
    Period period = located.period();
    Path outDir = request.out() != null ? request.out() : prepared.workspace().defaultOutput(period);
    Problems problems = new Problems();
    PlanCheck.Result plan = PlanCheck.run(prepared, period, language, problems);
    Waivers waivers = new Waivers(WaiverLoader.load(prepared, problems), period.lastDay());
    problems.throwIfErrors();
    List<Finding> planFindings = new ArrayList<>();
    List<WaivedFinding> planWaived = new ArrayList<>();
    for (Finding finding : plan.contradictions()) {
      Waiver waiver = waivers.waiverFor(finding);
      if (waiver == null) {
        planFindings.add(finding);
      } else {
        planWaived.add(new WaivedFinding(finding, waiver));
      }
    }
    AuditContext context = new AuditContext(prepared.workspace(), period, prepared.rules(), language, plan.plan(), planFindings, planWaived, waivers,
        outDir, Recommendations.recommender(prepared, language));
    DealJudge judge = new DealJudge(prepared.workspace(), period, plan.plan(), prepared.rules(), language, DealAuditor.DEFAULT_MAX_FIRINGS);
    int threads = request.threads() > 0 ? request.threads() : Runtime.getRuntime().availableProcessors();
    return new Prepared(context, judge, located.deals(), outDir, threads, request.progress() == null ? p -> {} : request.progress(), request.formats());
  }

  public Result run(Request request) {
    Prepared prepared = prepare(request);
    AuditRun run = new AuditRun(prepared.judge(), new AuditRun.Options(prepared.threads(), 256, prepared.progress()));
    try (OutputFolder out = new OutputFolder(prepared.outDir()); DealInput input = DealsLocator.open(prepared.deals())) {
      AuditSummary summary = run.run(input, prepared.context(), writers(prepared.formats(), out::staged));
      List<Path> files = out.commit();
      return new Result(summary, prepared.context().period(), prepared.deals(), prepared.outDir(), files);
    }
  }

  /** The report writers of every format, one per output file, writing where {@code place} says. */
  public static List<AuditListener> writers(java.util.function.Function<String, Path> place) {
    return writers(ReportFormat.ALL, place);
  }

  /** The report writers of {@code formats} (and rejected.csv, always), writing where {@code place} says. */
  public static List<AuditListener> writers(Set<ReportFormat> formats, java.util.function.Function<String, Path> place) {
    return ReportFormat.writers(formats, place);
  }
}
