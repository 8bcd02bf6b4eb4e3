package fr.vigie.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-appendix.html stays a page a browser opens at once on a big run: it lists the first {@link
 * HtmlReportWriter#SCREEN_DEALS_SHOWN} deals with findings and says that findings.csv and
 * findings.json hold the rest, which they do.
 */
class BigRunAppendixTest {

    static final String SKIPPING =
            "{\"id\":\"D-%d\",\"createdAt\":\"2026-09-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"proposition\",\"at\":\"2026-09-01T09:00:00+02:00\"},{\"stage\":\"gagne\",\"at\":\"2026-09-10T09:00:00+02:00\"}],\"outcome\":\"won\",\"closedAt\":\"2026-09-10T09:00:00+02:00\",\"documents\":[{\"type\":\"devis\",\"at\":\"2026-09-02T09:00:00+02:00\"},{\"type\":\"bon-de-commande\",\"at\":\"2026-09-10T09:00:00+02:00\"}]}";

    @TempDir Path dir;

    @Test
    void should_list_the_first_deals_and_point_to_the_data_files_for_the_rest() throws IOException {
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        long deals = HtmlReportWriter.SCREEN_DEALS_SHOWN + 37;
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < deals; i++) {
            jsonl.append(String.format(SKIPPING, i)).append('\n');
        }
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), jsonl);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // WHEN
        int code =
                fr.vigie.cli.Vigie.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "--format",
                        "html,csv",
                        "--lang",
                        "en",
                        "-q",
                        "--standard-rules",
                        "rules");
        // THEN
        assertThat(code).as(err.toString()).isEqualTo(1);
        Path folder = workspace.resolve("out/2026-Q3");
        String appendix = Files.readString(folder.resolve("report-appendix.html"));
        assertThat(count(appendix, "<article class=\"deal\""))
                .isEqualTo(HtmlReportWriter.SCREEN_DEALS_SHOWN);
        assertThat(appendix)
                .contains(
                        "… and 37 more deals with findings, not listed on this page so that it"
                                + " opens at once: every finding is in findings.csv and"
                                + " findings.json.");
        // The data file holds every deal's findings.
        String csv = Files.readString(folder.resolve("findings.csv"));
        assertThat(csv).contains(",D-0,").contains(",D-" + (deals - 1) + ",");
        // The CEO's part lists no finding deal by deal: it does not grow with the run.
        assertThat(Files.size(folder.resolve("report.html"))).isLessThan(300_000);
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
