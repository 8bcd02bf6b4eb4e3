package fr.vigie.report.html;

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
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes {@code report.html}, the CEO's part, and {@code report-appendix.html}, the appendix for
 * the consultant ({@link ReportPart}): each one self-contained page (inline CSS and SVG, no script,
 * no request) with the sections of report.md, for a browser or, with {@link Medium#PDF}, as the
 * XHTML the PDF is laid out from. Findings are streamed to side files and joined at the end.
 */
public final class HtmlReportWriter implements AuditListener {

    /**
     * The deals with findings the PDF's appendix lists in full (about 150 pages): the PDF is laid
     * out in memory, and a printed list longer than that is read by nobody.
     */
    public static final long PDF_DEALS_SHOWN = 500;

    /**
     * The deals with findings report-appendix.html lists in full: beyond, the page stays a document
     * a browser opens at once (a few megabytes), and says that findings.csv and findings.json hold
     * the rest.
     */
    public static final long SCREEN_DEALS_SHOWN = 2000;

    private final Path file;
    private final Path appendix;
    private final Medium medium;
    private final Function<Locale, ReportText> texts;
    private ReportText text;
    private DealParts parts;

    public HtmlReportWriter(Path file) {
        this(file, Medium.SCREEN, ReportText::new);
    }

    /**
     * {@code texts} gives the words in the run's language: the report bundle, or another with the
     * same keys.
     */
    public HtmlReportWriter(Path file, Medium medium, Function<Locale, ReportText> texts) {
        this(file, ReportPart.appendixOf(file), medium, texts);
    }

    /** The CEO's part to {@code file}, the appendix to {@code appendix}. */
    public HtmlReportWriter(
            Path file, Path appendix, Medium medium, Function<Locale, ReportText> texts) {
        this.file = file;
        this.appendix = appendix;
        this.medium = medium;
        this.texts = texts;
    }

    @Override
    public void start(AuditScope scope) {
        text = texts.apply(scope.language());
        parts =
                new DealParts(
                        file,
                        scope,
                        new Phrases(text),
                        medium == Medium.PDF ? PDF_DEALS_SHOWN : SCREEN_DEALS_SHOWN);
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
                    new ReportOutline(
                            result,
                            new Phrases(text),
                            closing,
                            medium == Medium.PDF
                                    ? ReportOutline.Cap.PRINT
                                    : ReportOutline.Cap.SCREEN);
            try (Writer out = VisibleText.file(file)) {
                PageRendering.render(outline.of(ReportPart.MAIN), medium, text, out);
            }
            try (Writer out = VisibleText.file(appendix)) {
                PageRendering.render(outline.of(ReportPart.APPENDIX), medium, text, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
