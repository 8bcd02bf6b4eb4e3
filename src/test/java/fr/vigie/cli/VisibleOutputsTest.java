package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.PdfText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESC, NUL, BEL and U+202E (right-to-left override) in a deal's id, name and account reach no
 * output raw: every report, CSV file and the console show U+FFFD; findings.json keeps the value
 * exact, escaped.
 */
class VisibleOutputsTest {

    static final List<String> ACTING = List.of("\u001b", "\u0000", "\u0007", "\u202E");

    @TempDir Path dir;

    @Test
    void
            should_show_controls_and_overrides_of_the_data_as_the_replacement_character_in_every_output()
                    throws IOException {
        // GIVEN a deal flagged for a skipped stage, and a rejected one, whose id, name and account
        // hold ESC[31m, NUL, BEL and U+202E
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        String hostile = "\\u001b[31mX\\u0000Y\\u0007Z\\u202Egpj.exe";
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                String.join(
                                "\n",
                                CliTest.SKIPPING.replace(
                                        "\"id\":\"D-2\"",
                                        "\"id\":\"D-"
                                                + hostile
                                                + "\",\"name\":\""
                                                + hostile
                                                + "\",\"account\":{\"name\":\""
                                                + hostile
                                                + "\"}"),
                                "{\"id\":\"R-" + hostile + "\",\"amount\":-1}")
                        + "\n");
        Path out = dir.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        // WHEN it is audited, every format
        int code =
                Vigie.run(
                        new PrintWriter(stdout),
                        new PrintWriter(stderr),
                        "audit",
                        workspace.toString(),
                        "-q",
                        "--out",
                        out.toString(),
                        "--standard-rules",
                        "rules");

        // THEN no output holds them raw; each shows where they were
        assertThat(code).as("stderr: %s", stderr).isEqualTo(ExitCodes.FINDINGS);
        for (String file : List.of("report.md", "report.html", "findings.csv", "rejected.csv")) {
            String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            assertThat(text)
                    .as(file)
                    .doesNotContain(ACTING)
                    .contains("31mX\uFFFDY\uFFFDZ\uFFFDgpj.exe");
        }
        assertThat(PdfText.of(out.resolve("report.pdf")))
                .doesNotContain(ACTING)
                .contains("31mX\uFFFDY\uFFFDZ\uFFFDgpj.exe");
        String json = Files.readString(out.resolve("findings.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .doesNotContain(ACTING)
                .contains("D-\\u001B[31mX\\u0000Y\\u0007Z\\u202Egpj.exe");
    }

    @Test
    void should_show_them_as_the_replacement_character_on_the_console() throws IOException {
        // GIVEN a key of vigie.yaml holding ESC and U+202E
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("vigie.yaml"), "client: X\n\"lang\\e[31m\\u202Euage\": fr\n");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        // WHEN
        int code =
                Vigie.run(
                        new PrintWriter(stdout),
                        new PrintWriter(stderr),
                        "validate",
                        workspace.toString(),
                        "--standard-rules",
                        "rules");

        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(stderr.toString())
                .doesNotContain(ACTING)
                .contains("unknown key 'lang\uFFFD[31m\uFFFDuage'");
    }
}
