package fr.vigie.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.logging.Level;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Lays out the report's XHTML on pages with openhtmltopdf, in the fonts shipped with Vigie (never
 * the machine's), with no access to anything outside the document: no file, no network.
 */
public final class PdfRenderer {

    /** The family the PDF style sheet names. */
    static final String FAMILY = "Vigie Sans";

    static {
        // openhtmltopdf's own log goes to the console; what it says is collected as diagnostics
        // instead.
        XRLog.setLoggingEnabled(false);
        SystemFontsIgnored.install();
    }

    private PdfRenderer() {}

    /**
     * Renders {@code xhtml} into {@code pdf}, dated {@code created} (the report's own date, not the
     * clock's) and identified by a digest of the XHTML, so that the same report gives the same
     * bytes; returns what the renderer warned about (nothing when all is well).
     */
    public static List<String> render(Path xhtml, Path pdf, ZonedDateTime created)
            throws IOException {
        Document document = parse(xhtml);
        List<String> warnings = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(document, xhtml.toUri().toString());
            builder.withDiagnosticConsumer(
                    d -> {
                        if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
                            warnings.add(d.getFormattedMessage());
                        }
                    });
            builder.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            EnumSet<FSFontUseCase> everywhere =
                    EnumSet.of(
                            FSFontUseCase.DOCUMENT,
                            FSFontUseCase.FALLBACK_PRE,
                            FSFontUseCase.FALLBACK_FINAL,
                            FSFontUseCase.SVG);
            builder.useFont(
                    () -> font("DejaVuSansCondensed.ttf"),
                    FAMILY,
                    400,
                    FontStyle.NORMAL,
                    true,
                    everywhere);
            builder.useFont(
                    () -> font("DejaVuSansCondensed-Bold.ttf"),
                    FAMILY,
                    700,
                    FontStyle.NORMAL,
                    true,
                    everywhere);
            builder.useSVGDrawer(
                    new BatikSVGDrawer(
                            BatikSVGDrawer.SvgScriptMode.SECURE,
                            BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            builder.withProducer("Vigie");
            builder.toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.setListener(
                        new Reproducible(GregorianCalendar.from(created), digest(xhtml)));
                renderer.createPDF();
            }
        }
        return warnings;
    }

    private static byte[] digest(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Dates the document and gives it its /ID just before it is written, in place of the clock's.
     */
    private record Reproducible(Calendar created, byte[] id) implements PDFCreationListener {

        @Override
        public void preOpen(PdfBoxRenderer renderer) {}

        @Override
        public void preWrite(PdfBoxRenderer renderer, int pages) {}

        @Override
        public void onClose(PdfBoxRenderer renderer) {
            PDDocument document = renderer.getPdfDocument();
            document.getDocumentInformation().setCreationDate(created);
            document.getDocumentInformation().setModificationDate(null);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
        }
    }

    /** Parses the XHTML with no DTD, no entity and no access outside the file. */
    private static Document parse(Path xhtml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder().parse(xhtml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(
                    "the report's XHTML is not well-formed: " + e.getMessage(), e);
        }
    }

    /**
     * The font, with its glyph substitution table (GSUB) renamed so that PDFBox leaves it aside: it
     * would otherwise draw "ff" and "fi" as ligatures, which other readers copy and search as the
     * single characters U+FB00 and U+FB01 ("aﬀaires" for "affaires").
     */
    private static InputStream font(String name) {
        try (InputStream in =
                PdfRenderer.class.getResourceAsStream("/fr/vigie/report/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the Vigie jar");
            }
            return new java.io.ByteArrayInputStream(withoutLigatures(in.readAllBytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] withoutLigatures(byte[] font) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(font);
        int tables = buffer.getShort(4) & 0xFFFF;
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            if (buffer.getInt(entry) == 0x47535542) { // "GSUB"
                buffer.putInt(entry, 0x78535542); // "xSUB": a table no reader knows
            }
        }
        return font;
    }
}
