package fr.vigie.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.ExternalTool;
import fr.vigie.report.ReportRuns;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's report.pdf read back by poppler's pdftotext, a reader other than the library that
 * wrote it: the summary figures of findings.json are in it, page numbers too. Its first two pages
 * go to target/screenshots/ (pdftoppm), and with -Dvigie.updateScreenshots=true to docs/.
 */
class PdfToTextIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void should_give_back_the_summary_figures_when_turned_into_text_by_pdftotext()
            throws Exception {
        // GIVEN the sample's report.pdf and the summary of its findings.json
        Path pdftotext =
                ExternalTool.require(
                        "pdftotext (poppler-utils)",
                        "apt-get install -y poppler-utils",
                        List.of("pdftotext"));
        Path reports = ReportRuns.sample("fr");
        JsonNode summary = JSON.readTree(reports.resolve("findings.json").toFile()).get("summary");

        // WHEN pdftotext turns it into text
        String text =
                spaces(
                        run(
                                pdftotext.toString(),
                                "-layout",
                                "-enc",
                                "UTF-8",
                                reports.resolve("report.pdf").toString(),
                                "-"));

        // THEN the summary's figures are there, in French, with the title page and the page numbers
        NumberFormat integer = NumberFormat.getIntegerInstance(Locale.FRENCH);
        NumberFormat percent = NumberFormat.getNumberInstance(Locale.FRENCH);
        percent.setMinimumFractionDigits(1);
        JsonNode severities = summary.get("findingsBySeverity");
        JsonNode reconciliation = summary.get("reconciliation");
        assertThat(text)
                .contains(
                        "Durand Industrie SAS",
                        "Période 2026-Q3",
                        "Synthèse",
                        "SOMMAIRE",
                        "TAUX DE CONFORMITÉ",
                        spaces(
                                "\n"
                                        + integer.format(reconciliation.get("audited").asLong())
                                        + " "
                                        + percent.format(
                                                new BigDecimal(
                                                        summary.get("conformityRate").asString()))
                                        + " %\n"),
                        spaces("\n" + integer.format(summary.get("findings").asLong()) + " "),
                        spaces("critique " + integer.format(severities.get("critical").asLong())),
                        spaces("majeur " + integer.format(severities.get("major").asLong())),
                        spaces("mineur " + integer.format(severities.get("minor").asLong())),
                        spaces("info " + integer.format(severities.get("info").asLong())),
                        spaces(
                                "Rapprochement : "
                                        + integer.format(reconciliation.get("read").asLong())
                                        + " enregistrements lus = "
                                        + integer.format(reconciliation.get("audited").asLong())
                                        + " audités + "
                                        + integer.format(reconciliation.get("rejected").asLong())
                                        + " rejetés"),
                        "page 2 / ");
        assertThat(text)
                .as("ligatures, which readers copy as U+FB00...")
                .doesNotContain("\uFB00", "\uFB01", "\uFB02");
    }

    @Test
    void should_render_the_first_pages_as_images_with_pdftoppm() throws Exception {
        // GIVEN the sample's report.pdf
        Path pdftoppm =
                ExternalTool.require(
                        "pdftoppm (poppler-utils)",
                        "apt-get install -y poppler-utils",
                        List.of("pdftoppm"));
        Path pdf = ReportRuns.sample("fr").resolve("report.pdf");
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));

        // WHEN its first two pages are rendered at 60 dpi
        run(
                pdftoppm.toString(),
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "2",
                pdf.toString(),
                screenshots.resolve("report-pdf").toString());

        // THEN two images are made (and kept for the docs on demand)
        List<Path> pages = new ArrayList<>();
        for (String page : List.of("report-pdf-01.png", "report-pdf-02.png")) {
            Path png = screenshots.resolve(page);
            assertThat(png).exists();
            assertThat(Files.size(png)).isGreaterThan(10_000);
            pages.add(png);
        }
        if (Boolean.getBoolean("vigie.updateScreenshots")) {
            Files.copy(
                    pages.get(0),
                    Path.of("docs", "report-pdf-1.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    pages.get(1),
                    Path.of("docs", "report-pdf-2.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Runs of spaces (no-break ones included) as one space, no space at a line's start, severity
     * shapes aside.
     */
    private static String spaces(String text) {
        return text.replaceAll("[◆▲●○]", " ")
                .replaceAll("[ \\t\\u00A0\\u202F]+", " ")
                .replaceAll("\n ", "\n");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue())
                .as("%s exit code; output:%n%s", command[0], output)
                .isZero();
        return output;
    }
}
