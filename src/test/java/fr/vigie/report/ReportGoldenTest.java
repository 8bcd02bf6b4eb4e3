package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every renderer on the sample client's quarter (French), against its golden file in
 * src/test/resources/golden/durand-industrie-2026-Q3/. report.pdf is compared through its text,
 * findings.json laid out one finding per line (as its golden file is), so that a difference names
 * the finding. After a deliberate change, rewrite them (the run fails on each file it rewrites;
 * review the diff, then run again without the flag):
 *
 * <pre>./mvnw -B -q test -Dtest=ReportGoldenTest -Dvigie.updateGolden=true</pre>
 */
class ReportGoldenTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "report.md",
                "report-appendix.md",
                "findings.json",
                "findings.csv",
                "rejected.csv",
                "report.html",
                "report-appendix.html"
            })
    void should_render_the_sample_as_its_golden_file(String file) throws IOException {
        // GIVEN the sample audited in French, every format
        Path reports = ReportRuns.sample("fr");

        // WHEN the file is read
        String actual = Files.readString(reports.resolve(file), StandardCharsets.UTF_8);

        // THEN it is its golden file, line for line
        Golden.assertMatches(
                Golden.SAMPLE.resolve(file),
                file.endsWith(".json") ? Golden.oneItemPerLine(actual) : actual);
    }

    @Test
    void should_put_in_report_pdf_the_golden_text() throws IOException {
        // GIVEN the sample audited in French, every format
        Path pdf = ReportRuns.sample("fr").resolve("report.pdf");

        // WHEN the PDF is turned back into text
        String text = PdfText.of(pdf);

        // THEN it is the golden text, page numbers included (from page 2: the title page has none),
        // and so is the appendix's
        Golden.assertMatches(Golden.SAMPLE.resolve("report.pdf.txt"), text);
        Golden.assertMatches(
                Golden.SAMPLE.resolve("report-appendix.pdf.txt"),
                PdfText.of(pdf.resolveSibling("report-appendix.pdf")));
        int pages = PdfText.pages(pdf);
        assertThat(pages).isGreaterThan(8);
        assertThat(text)
                .contains("page 2 / " + pages + "\n", "page " + pages + " / " + pages + "\n")
                .doesNotContain("page 1 / ");
    }

    @Test
    void should_give_report_html_the_sections_of_report_md_in_the_same_order() throws IOException {
        // GIVEN the sample's two reports, each the CEO's part followed by the appendix
        Path reports = ReportRuns.sample("fr");
        String md =
                Files.readString(reports.resolve("report.md"), StandardCharsets.UTF_8)
                        + Files.readString(
                                reports.resolve("report-appendix.md"), StandardCharsets.UTF_8);
        String html =
                Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8)
                        + Files.readString(
                                reports.resolve("report-appendix.html"), StandardCharsets.UTF_8);

        // WHEN their section titles are listed (## in Markdown, h2 in HTML)
        List<String> mdTitles =
                md.lines()
                        .filter(l -> l.startsWith("## "))
                        .map(l -> l.substring(3).strip())
                        .toList();
        List<String> htmlTitles = new ArrayList<>();
        Matcher h2 = Pattern.compile("<h2>(.*?)</h2>").matcher(html);
        while (h2.find()) {
            htmlTitles.add(h2.group(1).replace("&#39;", "'").replace("&amp;", "&"));
        }

        // THEN they are the same, in the same order
        assertThat(htmlTitles).hasSizeGreaterThan(10).containsExactlyElementsOf(mdTitles);
    }

    @Test
    void should_write_report_html_as_well_formed_xml_without_script_nor_link_outside()
            throws Exception {
        // GIVEN the sample's report.html
        Path html = ReportRuns.sample("fr").resolve("report.html");

        // WHEN it is parsed as XML
        var document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());

        // THEN it parses, has no script, and every href or src stays in the page
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        Matcher refs = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(text);
        while (refs.find()) {
            assertThat(refs.group(1)).as("a reference in report.html").matches("#.*|data:.*");
        }
        assertThat(text).doesNotContainPattern("url\\((?!#)");
    }
}
