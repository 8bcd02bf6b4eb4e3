package fr.vigie.audit.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How rule settings override each other, through a whole audit: the pack's default, then
 * vigie.yaml, then the process (its rules: at top level when it has one version), then the version
 * that judges the deal. PROC-CLOSE-DATE-PUSHED (minor, max-pushes 2 by default) flags a deal whose
 * close date was pushed back more than max-pushes times; PROC-SKIP-STAGE (major) a deal that skips
 * a stage.
 */
class RuleSettingsPrecedenceTest {

    static final String WORKSPACE_RULES =
            """
            rules:
              PROC-CLOSE-DATE-PUSHED:
                severity: major
                params: { max-pushes: 3 }
                reason: for the whole workspace
              PROC-SKIP-STAGE:
                enabled: false
                reason: off for the whole workspace
            """;
    static final String VERSION_RULES =
            """
            rules:
              PROC-CLOSE-DATE-PUSHED:
                severity: critical
                params: { max-pushes: 4 }
                reason: for this version
              PROC-SKIP-STAGE:
                enabled: true
                reason: back on for this version
            """;

    @TempDir Path dir;

    @Test
    void should_take_each_setting_from_the_version_then_the_workspace_then_the_pack()
            throws IOException {
        // GIVEN vigie.yaml's settings, and a process whose second version (from 15 August) has its
        // own
        Path workspace = workspace(WORKSPACE_RULES);
        String process = process(workspace);
        Files.writeString(
                workspace.resolve("process/standard.yaml"),
                "process: standard\nversions:\n"
                        + "  - version: \"1\"\n"
                        + indent(process, 4)
                        + "  - version: \"2\"\n    effective-from: 2026-08-15\n"
                        + indent(process, 4)
                        + indent(VERSION_RULES, 4));
        deals(
                workspace,
                deal("J-3", "07", 3),
                deal("J-4", "07", 4),
                skipping("J-SKIP", "07"),
                deal("S-4", "09", 4),
                deal("S-5", "09", 5),
                skipping("S-SKIP", "09"));

        // WHEN the quarter is audited
        Map<String, String> findings = audit(workspace);

        // THEN July's deals (version 1) have vigie.yaml's settings, September's (version 2) their
        // version's
        assertThat(findings)
                .containsExactly(
                        Map.entry("J-4 PROC-CLOSE-DATE-PUSHED", "major"),
                        Map.entry("S-5 PROC-CLOSE-DATE-PUSHED", "critical"),
                        Map.entry("S-SKIP PROC-SKIP-STAGE", "major"));
    }

    @Test
    void should_take_a_single_version_process_settings_over_the_workspace() throws IOException {
        // GIVEN vigie.yaml's settings, and a process of one version with its rules: at top level
        Path workspace = workspace(WORKSPACE_RULES);
        Files.writeString(
                workspace.resolve("process/standard.yaml"),
                "process: standard\n" + process(workspace) + VERSION_RULES);
        deals(workspace, deal("J-4", "07", 4), deal("J-5", "07", 5), skipping("J-SKIP", "07"));

        // WHEN the quarter is audited
        Map<String, String> findings = audit(workspace);

        // THEN the process's settings hold
        assertThat(findings)
                .containsExactly(
                        Map.entry("J-5 PROC-CLOSE-DATE-PUSHED", "critical"),
                        Map.entry("J-SKIP PROC-SKIP-STAGE", "major"));
    }

    @Test
    void should_keep_the_pack_defaults_without_settings() throws IOException {
        // GIVEN no setting anywhere
        Path workspace = workspace("");
        deals(workspace, deal("J-2", "07", 2), deal("J-3", "07", 3), skipping("J-SKIP", "07"));

        // WHEN the quarter is audited
        Map<String, String> findings = audit(workspace);

        // THEN the rules hold with their defaults: minor above 2 pushes, and the skipped stage
        // flagged
        assertThat(findings)
                .containsExactly(
                        Map.entry("J-3 PROC-CLOSE-DATE-PUSHED", "minor"),
                        Map.entry("J-SKIP PROC-SKIP-STAGE", "major"));
    }

    Path workspace(String rules) throws IOException {
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("vigie.yaml"),
                Files.readString(workspace.resolve("vigie.yaml")) + rules);
        return workspace;
    }

    /**
     * The keys of the testing process that a version holds (its stages, outcomes, moves and
     * approvals).
     */
    static String process(Path workspace) throws IOException {
        return Files.readString(workspace.resolve("process/standard.yaml"))
                .lines()
                .filter(
                        line ->
                                !line.startsWith("process:")
                                        && !line.startsWith("title:")
                                        && !line.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String indent(String text, int spaces) {
        return text.lines()
                .map(line -> " ".repeat(spaces) + line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static void deals(Path workspace, String... deals) throws IOException {
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"), String.join("\n", deals) + "\n");
    }

    /**
     * An open deal in qualification all month, whose expected close date was pushed back {@code
     * pushes} times.
     */
    static String deal(String id, String month, int pushes) {
        String changes =
                IntStream.range(0, pushes)
                        .mapToObj(
                                i ->
                                        "{\"at\":\"2026-"
                                                + month
                                                + "-"
                                                + (10 + i)
                                                + "T09:00:00+02:00\",\"from\":\"2026-12-"
                                                + (10 + i)
                                                + "\",\"to\":\"2026-12-"
                                                + (11 + i)
                                                + "\"}")
                        .collect(Collectors.joining(","));
        return "{\"id\":\""
                + id
                + "\",\"createdAt\":\"2026-"
                + month
                + "-02T09:00:00+02:00\",\"stages\":[{\"stage\":\"qualification\",\"at\":\"2026-"
                + month
                + "-02T09:00:00+02:00\"}],\"closeDateChanges\":["
                + changes
                + "]}";
    }

    /** An open deal that goes from prospection straight to proposition, skipping qualification. */
    static String skipping(String id, String month) {
        return "{\"id\":\""
                + id
                + "\",\"createdAt\":\"2026-"
                + month
                + "-02T09:00:00+02:00\",\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-"
                + month
                + "-02T09:00:00+02:00\"},{\"stage\":\"proposition\",\"at\":\"2026-"
                + month
                + "-05T09:00:00+02:00\"}],"
                + "\"documents\":[{\"type\":\"devis\",\"at\":\"2026-"
                + month
                + "-05T09:00:00+02:00\"}]}";
    }

    /** "deal rule" to severity, for the two rules under test, from findings.json. */
    static Map<String, String> audit(Path workspace) throws IOException {
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
                        "json",
                        "--fail-on",
                        "none",
                        "--standard-rules",
                        "rules",
                        "-q");
        assertThat(code).as("stderr: %s", err).isZero();
        JsonNode json =
                JsonMapper.builder()
                        .build()
                        .readTree(
                                Files.readString(
                                        workspace.resolve("out/2026-Q3/findings.json"),
                                        StandardCharsets.UTF_8));
        Map<String, String> findings = new TreeMap<>();
        for (JsonNode finding : json.get("findings")) {
            String rule = finding.get("rule").asString();
            if (rule.equals("PROC-CLOSE-DATE-PUSHED") || rule.equals("PROC-SKIP-STAGE")) {
                findings.put(
                        finding.get("deal").asString() + " " + rule,
                        finding.get("severity").asString());
            }
        }
        return findings;
    }
}
