package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The sample's quarter before, 2026-Q2, which gives the server its history: the generator writes it
 * again byte for byte, and its audit finds exactly what the generator planted for it.
 */
class SampleHistoryTest {

    static final Path DEALS =
            SampleAuditEndToEndTest.WORKSPACE.resolve("deals").resolve("2026-Q2.jsonl");
    static final Path EXPECTED = SampleAuditEndToEndTest.EXPECTED.resolve("2026-Q2");

    @Test
    void should_regenerate_the_quarter_before_byte_for_byte(@TempDir Path dir) throws Exception {
        // GIVEN the generator, with the arguments of the committed 2026-Q2
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                SampleAuditEndToEndTest.GENERATOR.toString(),
                                "--seed",
                                "2026",
                                "--deals",
                                "600",
                                "--period",
                                "2026-Q2",
                                "--bad",
                                "8",
                                "--out",
                                dir.resolve("2026-Q2.jsonl").toString(),
                                "--ledger",
                                dir.resolve("planted.csv").toString()));

        // WHEN it is run again
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream stream = process.getInputStream()) {
            output = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("generator finished").isTrue();

        // THEN the deals and the three ledgers are those committed
        assertThat(process.exitValue()).as("generator exit code; output:%n%s", output).isZero();
        assertThat(Files.readAllBytes(dir.resolve("2026-Q2.jsonl")))
                .as("deals")
                .isEqualTo(Files.readAllBytes(DEALS));
        for (String ledger : List.of("planted.csv", "rejected-expected.csv", "at-stake.csv")) {
            assertThat(Files.readAllBytes(dir.resolve(ledger)))
                    .as(ledger)
                    .isEqualTo(Files.readAllBytes(EXPECTED.resolve(ledger)));
        }
    }

    @Test
    void should_find_exactly_what_was_planted_in_the_quarter_before(@TempDir Path dir)
            throws Exception {
        // GIVEN the ledger of 2026-Q2: one row per expected finding, and the records to reject
        List<String> planted =
                SampleAuditEndToEndTest.readCsv(EXPECTED.resolve("planted.csv"), ',').stream()
                        .skip(1)
                        .map(row -> String.join(",", row))
                        .toList();
        int rejected =
                SampleAuditEndToEndTest.readCsv(EXPECTED.resolve("rejected-expected.csv"), ',')
                                .size()
                        - 1;

        // WHEN the quarter is audited
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "audit",
                        SampleAuditEndToEndTest.WORKSPACE.toString(),
                        "--period",
                        "2026-Q2",
                        "--out",
                        dir.toString(),
                        "--standard-rules",
                        "rules",
                        "-q",
                        "--format",
                        "json");

        // THEN the findings are the planted multiset of (rule, deal, stage), and every record is
        // accounted for
        assertThat(code).as("exit code; stderr:%n%s", err).isEqualTo(1);
        List<String> found = new ArrayList<>();
        for (JsonNode finding : SampleAuditEndToEndTest.findings(dir.resolve("findings.json"))) {
            found.add(
                    finding.get("rule").asString()
                            + ","
                            + SampleAuditEndToEndTest.text(finding.get("deal"))
                            + ","
                            + SampleAuditEndToEndTest.text(finding.get("stage")));
        }
        assertThat(SampleAuditEndToEndTest.minus(planted, found))
                .as("planted but not found")
                .isEmpty();
        assertThat(SampleAuditEndToEndTest.minus(found, planted))
                .as("found but not planted")
                .isEmpty();
        assertThat(out.toString())
                .contains(
                        String.format(
                                "  %d enregistrements lus = %d audités + %d rejetés",
                                600 + rejected, 600, rejected));
    }
}
