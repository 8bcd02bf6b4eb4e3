package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.html.HtmlReportWriter;
import fr.vigie.report.html.Medium;
import fr.vigie.report.markdown.MarkdownReportWriter;
import fr.vigie.report.pdf.PdfReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Text from the data (client, deal and account names, comments in messages) shows as text in the
 * HTML and in the PDF: markup in a CRM export is never interpreted.
 */
class HostileDataTest {

    static final String DEAL_NAME = "<script>alert(1)</script>";
    static final String ACCOUNT = "Dupont & Fils <b>";
    static final String CLIENT = "Client \"<img src=x onerror=alert(2)>\" & Cie";
    static final String CONTROL = "Ligne\u0001bizarre";

    @TempDir static Path dir;
    static Path html;
    static Path pdf;
    static PdfReportWriter pdfWriter;

    @BeforeAll
    static void audit_deals_whose_names_hold_markup() throws IOException {
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("vigie.yaml"),
                Files.readString(workspace.resolve("vigie.yaml"))
                        .replace("client: Client de test", "client: '" + CLIENT + "'"));
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                String.join(
                                "\n",
                                "{\"id\":\"D-1\",\"name\":\""
                                        + DEAL_NAME.replace("<", "\\u003c")
                                        + "\",\"account\":{\"id\":\"A-1\",\"name\":\""
                                        + ACCOUNT
                                        + "\"},\"createdAt\":\"2026-09-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"proposition\",\"at\":\"2026-09-01T09:00:00+02:00\"},"
                                        + "{\"stage\":\"gagne\",\"at\":\"2026-09-10T09:00:00+02:00\"}],\"outcome\":\"won\",\"closedAt\":\"2026-09-10T09:00:00+02:00\","
                                        + "\"amount\":1000,\"documents\":[{\"type\":\"devis\",\"at\":\"2026-09-02T09:00:00+02:00\"}]}",
                                "{\"id\":\"D-2\",\"name\":\""
                                        + CONTROL.replace("\u0001", "\\u0001")
                                        + "\",\"account\":{\"id\":\"A-2\",\"name\":\""
                                        + ACCOUNT
                                        + "\"},\"createdAt\":\"2026-08-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"qualification\",\"at\":\"2026-08-01T09:00:00+02:00\"},"
                                        + "{\"stage\":\"perdu\",\"at\":\"2026-08-20T09:00:00+02:00\"}],\"outcome\":\"lost\",\"closedAt\":\"2026-08-20T09:00:00+02:00\"}")
                        + "\n");
        html = dir.resolve("report.html");
        pdf = dir.resolve("report.pdf");
        pdfWriter = new PdfReportWriter(pdf);
        ReportRuns.audit(
                workspace,
                "2026-Q3",
                Locale.FRENCH,
                List.of(
                        new HtmlReportWriter(html),
                        pdfWriter,
                        new HtmlReportWriter(
                                dir.resolve("report.xhtml"), Medium.PDF, ReportText::new),
                        new MarkdownReportWriter(dir.resolve("report.md"))));
    }

    @Test
    void should_show_a_deal_named_like_a_script_as_text_in_report_html() throws Exception {
        // GIVEN report.html of deals named <script>alert(1)</script> and of account Dupont & Fils
        // <b>
        String source = Files.readString(html, StandardCharsets.UTF_8);

        // WHEN it is parsed as a browser's XML parser would
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());

        // THEN the names are text: escaped in the source, no script, bold nor image element, the
        // text as it was
        assertThat(source)
                .doesNotContain(DEAL_NAME, "<b>", "<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Dupont &amp; Fils &lt;b&gt;");
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("b").getLength()).isZero();
        assertThat(document.getElementsByTagName("img").getLength()).isZero();
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains(DEAL_NAME, ACCOUNT, CLIENT, "Ligne\uFFFDbizarre");
    }

    @Test
    void should_show_a_deal_named_like_a_script_as_text_in_report_pdf() throws IOException {
        // GIVEN report.pdf of the same deals
        // WHEN it is turned back into text
        String text = PdfText.of(pdf);

        // THEN the names are there as they were written, and the renderer had nothing to warn about
        assertThat(text).contains(DEAL_NAME, ACCOUNT, CLIENT);
        assertThat(pdfWriter.warnings()).isEmpty();
    }

    @Test
    void should_escape_a_deal_named_like_a_script_in_the_xhtml_the_pdf_is_laid_out_from()
            throws Exception {
        // GIVEN the XHTML of the PDF (the templates in XML mode), the CEO's part and the appendix
        for (String file : List.of("report.xhtml", "report-appendix.xhtml")) {
            Path xhtml = dir.resolve(file);
            String source = Files.readString(xhtml, StandardCharsets.UTF_8);

            // WHEN it is parsed as XML
            Document document =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xhtml.toFile());

            // THEN the names are text, never elements
            assertThat(source).as(file).doesNotContain(DEAL_NAME, "<b>", "<img");
            assertThat(document.getElementsByTagName("script").getLength()).isZero();
            assertThat(document.getElementsByTagName("b").getLength()).isZero();
            assertThat(document.getDocumentElement().getTextContent()).contains(CLIENT);
        }
        assertThat(Files.readString(dir.resolve("report-appendix.xhtml"), StandardCharsets.UTF_8))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Dupont &amp; Fils &lt;b&gt;");
    }

    @Test
    void should_escape_a_deal_named_like_a_script_in_report_md() throws IOException {
        // GIVEN report.md and report-appendix.md of the same deals
        String md =
                Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8)
                        + Files.readString(
                                dir.resolve("report-appendix.md"), StandardCharsets.UTF_8);

        // WHEN they are read
        // THEN no markup from the data is left for a Markdown viewer to interpret
        assertThat(md)
                .doesNotContain(DEAL_NAME, "<b>", "<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Dupont & Fils &lt;b&gt;");
    }
}
