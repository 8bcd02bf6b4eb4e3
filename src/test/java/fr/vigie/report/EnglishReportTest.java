package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code vigie audit --lang en}: the sample's HTML and PDF reports entirely in English. */
class EnglishReportTest {

    static final ReportText ENGLISH = new ReportText(Locale.ENGLISH);
    static final ReportText FRENCH = new ReportText(Locale.FRENCH);
    static final List<String> SECTIONS =
            List.of(
                    "md.summary",
                    "md.effectiveness",
                    "md.pays",
                    "md.breaks",
                    "md.plan",
                    "md.spotlights",
                    "md.recommendations");

    /** The appendix's, in report-appendix.html and report-appendix.pdf. */
    static final List<String> APPENDIX_SECTIONS =
            List.of("md.appendix", "md.byRule", "md.findings", "md.catalogue");

    static final List<String> WORDS =
            List.of(
                    "html.kpi.conformity",
                    "md.conformity.definition",
                    "html.kpi.findings",
                    "html.kpi.won",
                    "md.pays.followed",
                    "md.pays.deviated",
                    "md.actions");

    @Test
    void should_write_report_html_in_english_with_lang_en() throws IOException {
        // GIVEN the sample audited with --lang en
        String html =
                Files.readString(
                                ReportRuns.sample("en").resolve("report.html"),
                                StandardCharsets.UTF_8)
                        .replace("&#39;", "'");

        // WHEN its sections and words are looked for, in English and in French
        // THEN the English ones are all there, the French ones none, and numbers are written the
        // English way
        assertThat(html)
                .contains(
                        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">",
                        "id=\"figure-conformity\">61.0%<",
                        "id=\"figure-amount\">€56,199,936<",
                        "Contents");
        for (String key : concat(SECTIONS, WORDS)) {
            assertThat(html).as(key).contains(ENGLISH.get(key)).doesNotContain(FRENCH.get(key));
        }
        String appendix =
                Files.readString(
                        ReportRuns.sample("en").resolve("report-appendix.html"),
                        StandardCharsets.UTF_8);
        for (String key : APPENDIX_SECTIONS) {
            assertThat(appendix).as(key).contains(ENGLISH.get(key)).doesNotContain(FRENCH.get(key));
        }
    }

    @Test
    void should_write_report_pdf_in_english_with_lang_en() throws IOException {
        // GIVEN the sample audited with --lang en
        Path pdf = ReportRuns.sample("en").resolve("report.pdf");

        // WHEN it is turned back into text
        String text = PdfText.of(pdf);

        // THEN its titles and words are English, the French ones absent, the pages numbered
        assertThat(text).contains("61.0%", "€56,199,936", "page 2 / " + PdfText.pages(pdf));
        for (String key : concat(SECTIONS, List.of("md.pays.followed", "md.pays.deviated"))) {
            assertThat(text).as(key).contains(ENGLISH.get(key)).doesNotContain(FRENCH.get(key));
        }
        String appendix = PdfText.of(pdf.resolveSibling("report-appendix.pdf"));
        for (String key : APPENDIX_SECTIONS) {
            assertThat(appendix).as(key).contains(ENGLISH.get(key)).doesNotContain(FRENCH.get(key));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
