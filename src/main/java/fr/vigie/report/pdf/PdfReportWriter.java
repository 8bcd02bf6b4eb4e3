package fr.vigie.report.pdf;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.deals.input.Rejection;
import fr.vigie.report.ReportPart;
import fr.vigie.report.ReportText;
import fr.vigie.report.html.HtmlReportWriter;
import fr.vigie.report.html.Medium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes {@code report.pdf}, the CEO's part, and {@code report-appendix.pdf} ({@link ReportPart}):
 * the HTML report laid out for A4 pages ({@link Medium#PDF}: title page, table of contents with
 * page numbers, "page 3 / 12"), rendered by {@link PdfRenderer}; dated the end of the period, the
 * date the report is as of, so that the same audit gives the same bytes.
 */
public final class PdfReportWriter implements AuditListener {

    private final Path file;
    private final Path xhtml;
    private final Path appendix;
    private final Path appendixXhtml;
    private final HtmlReportWriter html;
    private List<String> warnings = List.of();
    private ZonedDateTime created;

    public PdfReportWriter(Path file) {
        this.file = file;
        this.xhtml = file.resolveSibling(file.getFileName() + ".html.part");
        this.appendix = ReportPart.appendixOf(file);
        this.appendixXhtml = appendix.resolveSibling(appendix.getFileName() + ".html.part");
        this.html = new HtmlReportWriter(xhtml, appendixXhtml, Medium.PDF, ReportText::new);
    }

    @Override
    public void start(AuditScope scope) {
        created = scope.period().endAt(scope.workspace().settings().zone());
        html.start(scope);
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> findings) {
        html.audited(deal, findings);
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        html.waived(deal, waived);
    }

    @Override
    public void rejected(Rejection rejection) {
        html.rejected(rejection);
    }

    @Override
    public void finish(AuditResult result) {
        html.finish(result);
        try {
            List<String> all = new java.util.ArrayList<>(PdfRenderer.render(xhtml, file, created));
            all.addAll(PdfRenderer.render(appendixXhtml, appendix, created));
            warnings = List.copyOf(all);
            Files.deleteIfExists(xhtml);
            Files.deleteIfExists(appendixXhtml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the renderer warned about while laying out the PDF: nothing when all is well. */
    public List<String> warnings() {
        return warnings;
    }
}
