package fr.vigie.report.model;

import fr.vigie.audit.run.AuditContext;
import fr.vigie.audit.run.AuditSummary;

/**
 * The report model of a run, built by the first writer that asks for it and given to the others:
 * report.md, report.html and report.pdf show the same model, and building it runs the
 * recommendation rules and reads the previous period's findings.json.
 */
public final class SharedModel {

  private AuditSummary summary;
  private ReportModel model;

  /** The model of the run that ended with {@code summary}. */
  public synchronized ReportModel of(AuditContext context, AuditSummary summary) {
    if (model == null || this.summary != summary) {
      model = ReportModelBuilder.build(context, summary);
      this.summary = summary;
    }
    return model;
  }
}
