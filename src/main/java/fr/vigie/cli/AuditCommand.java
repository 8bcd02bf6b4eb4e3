package fr.vigie.cli;

import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Severity;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.formats.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
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
@Command(name = "audit", mixinStandardHelpOptions = true, description = {
    "Audits a period's deals against the workspace's processes and rules, and writes",
    "report.html, report.pdf, report.md, findings.json, findings.csv (see --format) and rejected.csv."})
final class AuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin DealsOptions dealsOptions;
  @Mixin RunOptions runOptions;
  @Mixin LanguageOption languageOption;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports (default: WORKSPACE/out/<period>/).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMATS", defaultValue = "html,pdf,md,json,csv",
      description = "Reports to write, comma-separated: html, pdf, md, json, csv (default: all); rejected.csv is always written.")
  String format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "major",
      description = "Exit with 1 when a finding is at or above: info, minor, major, critical, or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold = parseFailOn();
    Locale language = languageOption.language();
    Set<ReportFormat> formats = parseFormats();
    AuditingAPeriod.Request request = runOptions.request(workspace, dealsOptions, this.out, language, common.standardRules, err, formats);
    AuditingAPeriod job = new AuditingAPeriod();
    AuditingAPeriod.Prepared prepared = job.prepare(request);
    if (prepared.source().detected() != null) {
      out.println("Reading " + prepared.source().detected());
      out.flush();
    }
    AuditingAPeriod.Result result = job.run(prepared);
    AuditResult audit = result.result();
    AuditSummary s = audit.summary();
    out.printf("Audited %s for %s, deals from %s%n", audit.scope().period().label(), DisplayPath.of(workspace), DisplayPath.of(result.deals()));
    ImportLines.print(out, prepared.source(), result);
    out.printf("  %d records read = %d audited + %d rejected%s%s%n", s.recordsRead(), s.dealsAudited(), s.recordsRejected(),
        s.recordsRejected() > 0 ? " (see rejected.csv)" : "", outside(s));
    if (s.outsidePeriod() > 0) {
      out.printf("  the period's deals are those %s (deals-in-period: %s in vigie.yaml)%n",
          audit.scope().workspace().settings().dealsInPeriod().code().replace("-during", " during it"),
          audit.scope().workspace().settings().dealsInPeriod().code());
    }
    if (s.eventsRead() > 0) {
      out.printf("  %d events read = %d attached to deals + %d rejected%n", s.eventsRead(), s.eventsRead() - s.eventsRejected(), s.eventsRejected());
    }
    out.printf("  conformity %s%% (%d of %d deals), %d findings (%s)%n", s.conformityRate().toPlainString(), s.conformingDeals(),
        s.dealsAudited(), s.findings(), java.util.Arrays.stream(Severity.values()).sorted(java.util.Comparator.reverseOrder())
            .map(sev -> s.findingsBySeverity().getOrDefault(sev, 0L) + " " + sev.code()).collect(Collectors.joining(", ")));
    if (audit.waivers().findings() > 0) {
      out.printf("  %d finding(s) waived by waivers.yaml, outside the conformity rate%n", audit.waivers().findings());
    }
    audit.waivers().expired().forEach(w ->
        out.printf("  warning: %s: the waiver of %s expired on %s and was not applied%n", w.location(), w.describe(), w.until()));
    audit.waivers().unused().forEach(w -> out.printf("  warning: %s: the waiver of %s matched no finding%n", w.location(), w.describe()));
    out.printf("  reports in %s: %s%n", DisplayPath.of(result.outDir()),
        result.files().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
    if (!result.removed().isEmpty()) {
      out.printf("  removed from an earlier run (the folder holds this run only): %s%n", String.join(", ", result.removed()));
    }
    return audit.hasFindingAtOrAbove(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private Severity parseFailOn() {
    if ("none".equalsIgnoreCase(failOn)) {
      return null;
    }
    return Severity.fromCode(failOn).orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
        "--fail-on must be one of info, minor, major, critical, none; not '" + failOn + "'"));
  }

  private Set<ReportFormat> parseFormats() {
    try {
      return ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }

  /** " + 12 outside the period" when the input holds deals of other periods; empty otherwise. */
  static String outside(AuditSummary s) {
    return s.outsidePeriod() == 0 ? "" : " + " + s.outsidePeriod() + " outside the period";
  }
}
