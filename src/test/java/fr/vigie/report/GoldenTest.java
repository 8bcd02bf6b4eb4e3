package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden-file check: its update mode fails when it rewrites a file, and findings.json is laid
 * out one finding per line.
 */
class GoldenTest {

    static final String FLAG = "vigie.test.updateGolden";
    @TempDir Path dir;

    @Test
    void should_rewrite_a_differing_golden_file_in_update_mode_and_fail_naming_it()
            throws IOException {
        // GIVEN a golden file that the output no longer matches
        Path golden = dir.resolve("report.md");
        Files.writeString(golden, "old\n");

        // WHEN it is checked in update mode
        System.setProperty(FLAG, "true");
        try {
            // THEN it is rewritten, and the check fails so that the change is reviewed
            assertThatThrownBy(() -> Golden.assertMatches(golden, "new\n", FLAG))
                    .hasMessageContaining(golden + " rewritten");
            assertThat(golden).hasContent("new");
            // AND a second run, with nothing to rewrite, passes
            Golden.assertMatches(golden, "new\n", FLAG);
        } finally {
            System.clearProperty(FLAG);
        }
    }

    @Test
    void should_name_the_first_differing_line_outside_update_mode() throws IOException {
        // GIVEN a golden file of three lines
        Path golden = dir.resolve("findings.csv");
        Files.writeString(golden, "a\nb\nc\n");

        // WHEN the output differs at its second line
        // THEN the check fails at line 2, and the golden file is kept
        assertThatThrownBy(() -> Golden.assertMatches(golden, "a\nB\nc\n", FLAG))
                .hasMessageContaining("differs from the output at line 2")
                .hasMessageContaining("expected: b")
                .hasMessageContaining("actual:   B");
        assertThat(golden).hasContent("a\nb\nc");
    }

    @Test
    void should_lay_out_findings_json_one_finding_per_line_keeping_every_value() {
        // GIVEN a findings.json on one line
        String json =
                "{\"schema\":\"vigie.findings/1\",\"findings\":[{\"id\":\"F-1\",\"evidence\":{\"days\":45}},{\"id\":\"F-2\",\"evidence\":{}}],"
                    + "\"summary\":{\"conformityRate\":61.0,\"findingsByRule\":[{\"rule\":\"R\",\"findings\":2}]}}";

        // WHEN it is laid out
        String laidOut = Golden.oneItemPerLine(json);

        // THEN each finding and each count by rule has its line, and the numbers are as written
        assertThat(laidOut)
                .isEqualTo(
                        """
                        {
                          "schema": "vigie.findings/1",
                          "findings": [
                            {"id":"F-1","evidence":{"days":45}},
                            {"id":"F-2","evidence":{}}
                          ],
                          "summary": {
                            "conformityRate": 61.0,
                            "findingsByRule": [
                              {"rule":"R","findings":2}
                            ]
                          }
                        }
                        """);
    }
}
