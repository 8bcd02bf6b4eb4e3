package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CEO's part of the sample's report reads in ten minutes: at most twelve A4 pages, and not a
 * file path, rule code nor finding id in any of its renderings; those are in the appendix, a
 * document of its own for the consultant.
 */
class CeosPartTest {

    static final int MAX_PAGES = 12;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void should_fit_the_ceos_part_of_the_sample_in_twelve_pages(String lang) throws IOException {
        // GIVEN the sample's reports
        Path reports = ReportRuns.sample(lang);

        // WHEN the PDFs are counted
        int pages = PdfText.pages(reports.resolve("report.pdf"));
        int appendixPages = PdfText.pages(reports.resolve("report-appendix.pdf"));

        // THEN the CEO's part fits in twelve pages, and the appendix holds the rest
        assertThat(pages).as("pages of report.pdf (%s)", lang).isLessThanOrEqualTo(MAX_PAGES);
        assertThat(appendixPages).isGreaterThan(pages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void should_show_no_path_rule_code_nor_finding_id_in_the_ceos_part(String lang)
            throws IOException {
        // GIVEN the sample's reports, and the rule codes and finding ids of its findings.json
        Path reports = ReportRuns.sample(lang);
        JsonNode findings =
                JsonMapper.builder()
                        .build()
                        .readTree(reports.resolve("findings.json").toFile())
                        .get("findings");
        Set<String> codes = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        findings.forEach(
                f -> {
                    codes.add(f.get("rule").asString());
                    ids.add(f.get("id").asString());
                });
        assertThat(codes).hasSizeGreaterThan(10);

        // WHEN the CEO's part is read in its three renderings
        List<String> renderings = new ArrayList<>();
        renderings.add(read(reports.resolve("report.html")));
        renderings.add(read(reports.resolve("report.md")));
        renderings.add(PdfText.of(reports.resolve("report.pdf")));

        // THEN none names a file, a rule or a finding; the appendix names them all
        for (String text : renderings) {
            assertThat(text)
                    .doesNotContain("fixtures/", "durand-industrie", ".yaml", ".jsonl")
                    .doesNotContain(codes)
                    .doesNotContain(ids);
        }
        String appendix = read(reports.resolve("report-appendix.html"));
        assertThat(appendix).contains(codes).contains(ids);
        assertThat(read(reports.resolve("report-appendix.md"))).contains(codes).contains(ids);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
