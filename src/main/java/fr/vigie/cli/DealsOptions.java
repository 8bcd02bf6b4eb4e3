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

/** The options of the commands that read and audit a period's deals: vigie audit and vigie export. */
final class DealsOptions {

  @Option(names = "--source", paramLabel = "KIND", description = "How to read --deals: salesforce, hubspot, pipedrive, csv or xes (default: told by its files).")
  String source;

  @Option(names = "--mapping", paramLabel = "FILE", description = "The export's mapping (default: WORKSPACE/sources/<kind>.yaml, else sources/<kind>.yaml in the export).")
  Path mapping;

  @Option(names = "--period", paramLabel = "PERIOD", description = "Period audited: 2026-Q3, 2026-07 or 2026 (default: from the deals' name, or the only one).")
  String period;

  @Option(names = "--threads", paramLabel = "N", converter = WholeNumber.Threads.class,
      description = "Worker threads, 1 to 256 (default: one per core).")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "Print no progress.")
  boolean quiet;

  /** The audit these options ask for, its progress printed on {@code err} unless --quiet. */
  AuditingAPeriod.Request request(Path workspace, Path deals, Path out, Locale language, Path standardRules, PrintWriter err,
      Set<ReportFormat> formats) {
    return new AuditingAPeriod.Request(workspace, deals, period, out, language, threads == null ? 0 : threads, standardRules, progress(err), source, mapping, formats);
  }

  /** Where the audit's progress goes: a line on {@code err} now and then, or nowhere with --quiet. */
  private Consumer<Progress> progress(PrintWriter err) {
    return quiet ? p -> {} : p -> {
      err.printf("  ... %,d records read, %,d audited, %,d rejected (%.0f records/s)%n", p.read(), p.audited(), p.rejected(),
          p.read() / Math.max(0.001, p.seconds()));
      err.flush();
    };
  }
}
