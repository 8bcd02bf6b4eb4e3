package fr.vigie.report.markdown;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.common.VisibleText;
import fr.vigie.deals.input.Rejection;
import fr.vigie.report.ReportPart;
import fr.vigie.report.ReportText;
import fr.vigie.report.outline.DealParts;
import fr.vigie.report.outline.Phrases;
import fr.vigie.report.outline.ReportOutline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code report.md}, the CEO's part, and {@code report-appendix.md} ({@link ReportPart}):
 * the report's outline ({@link ReportOutline}) laid out as Markdown. Every finding is listed in the
 * appendix, kept in a side file while the deals come.
 */
public final class MarkdownReportWriter implements AuditListener {

    private final Path file;
    private Phrases words;
    private DealParts parts;

    public MarkdownReportWriter(Path file) {
        this.file = file;
    }

    @Override
    public void start(AuditScope scope) {
        words = new Phrases(new ReportText(scope.language()));
        parts = new DealParts(file, scope, words, Long.MAX_VALUE);
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> findings) {
        parts.audited(deal, findings);
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        parts.waived(deal, waived);
    }

    @Override
    public void rejected(Rejection rejection) {
        parts.rejected(rejection);
    }

    @Override
    public void finish(AuditResult result) {
        try (DealParts closing = parts) {
            ReportOutline outline =
                    new ReportOutline(result, words, closing, ReportOutline.Cap.SCREEN);
            try (Writer out = VisibleText.file(file)) {
                new MarkdownRendering(out).render(outline.of(ReportPart.MAIN));
            }
            try (Writer out = VisibleText.file(ReportPart.appendixOf(file))) {
                new MarkdownRendering(out).render(outline.of(ReportPart.APPENDIX));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
