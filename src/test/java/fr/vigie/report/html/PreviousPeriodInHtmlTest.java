package fr.vigie.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformity rate of report.html against the previous period's, when its results are beside
 * this run's.
 */
class PreviousPeriodInHtmlTest {

    @TempDir Path dir;

    @Test
    void should_draw_and_write_the_change_of_conformity_since_the_previous_period()
            throws IOException {
        // GIVEN a workspace whose previous quarter's findings.json says 40 % of conformity
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.createDirectories(workspace.resolve("out/2026-Q2"));
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                "{\"id\":\"D-1\",\"createdAt\":\"2026-09-20T09:00:00+02:00\",\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-09-20T09:00:00+02:00\"}]}\n");
        Files.writeString(
                workspace.resolve("out/2026-Q2/findings.json"),
                "{\"summary\":{\"conformityRate\":40.0}}");

        // WHEN this quarter is audited (one conforming deal: 100 %)
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "--format",
                        "html",
                        "--standard-rules",
                        "rules",
                        "-q");
        String html =
                Files.readString(
                        workspace.resolve("out/2026-Q3/report.html"), StandardCharsets.UTF_8);

        // THEN the rate's card says the change in points and draws the previous rate as a tick at
        // 40 %
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(html)
                .contains(
                        "id=\"figure-conformity\">100,0 %<",
                        "<p class=\"kpi-note previous\">+60 pts par rapport à 2026-Q2 (40,0"
                                + " %)</p>");
        Matcher card =
                Pattern.compile("id=\"figure-conformity\">.*?</div>", Pattern.DOTALL).matcher(html);
        assertThat(card.find()).isTrue();
        assertThat(card.group()).contains("<line x1=\"128.0\"");
    }
}
