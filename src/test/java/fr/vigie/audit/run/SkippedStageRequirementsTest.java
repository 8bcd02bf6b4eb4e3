package fr.vigie.audit.run;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.SmallWorkspace;
import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deal that skips a stage still owes what that stage requires before a deal leaves it: checked at
 * the move that jumped over it, said so in the finding, and counted with the skip that caused it. A
 * stage the process lets a deal skip is optional: nothing of it is owed.
 */
class SkippedStageRequirementsTest {

    private static final String AT = "T09:00:00+02:00";

    @TempDir Path dir;
    private Path workspace;
    private String out;

    @BeforeEach
    void audit_three_deals_one_of_which_skips_qualification() throws IOException {
        // GIVEN the testing process, whose prospection (skip: allowed) now requires a first call
        workspace = SmallWorkspace.in(dir);
        Path process = workspace.resolve("process/standard.yaml");
        Files.writeString(
                process,
                Files.readString(process)
                        .replace(
                                "    skip: allowed\n",
                                "    skip: allowed\n"
                                        + "    exit:\n"
                                        + "      activities: [premier-appel]\n"));
        // AND D-1 goes from prospection straight to proposition, without the meeting, the budget
        // or the decision maker qualification requires; D-2 enters in qualification (prospection
        // may be skipped) with all it requires; D-3 leaves qualification without its meeting
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                deal(
                                "D-1",
                                "{}",
                                "["
                                        + stage("prospection", "09-10")
                                        + ","
                                        + stage("proposition", "09-20")
                                        + "]",
                                activity("premier-appel", "09-11"))
                        + deal(
                                "D-2",
                                "{\"budget\":\"oui\",\"decideur\":\"oui\"}",
                                "["
                                        + stage("qualification", "09-10")
                                        + ","
                                        + stage("proposition", "09-20")
                                        + "]",
                                activity("rendez-vous", "09-14"))
                        + deal(
                                "D-3",
                                "{\"budget\":\"oui\",\"decideur\":\"oui\"}",
                                "["
                                        + stage("prospection", "09-10")
                                        + ","
                                        + stage("qualification", "09-12")
                                        + ","
                                        + stage("proposition", "09-20")
                                        + "]",
                                activity("premier-appel", "09-11")));

        // WHEN the quarter is audited
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(stdout),
                        new PrintWriter(stderr),
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "--format",
                        "json",
                        "--standard-rules",
                        "rules");
        assertThat(code).as("stderr: %s", stderr).isEqualTo(1);
        out = stdout.toString();
    }

    private static String deal(String id, String fields, String stages, String activity) {
        return "{\"id\":\""
                + id
                + "\",\"name\":\"Ligne\",\"account\":{\"name\":\"Client A\"},"
                + "\"owner\":\"a.martin\",\"team\":\"Nord\",\"amount\":10000,\"currency\":\"EUR\","
                + "\"createdAt\":\"2026-09-10"
                + AT
                + "\",\"outcome\":\"open\",\"fields\":"
                + fields
                + ",\"stages\":"
                + stages
                + ",\"activities\":["
                + activity
                + "]}\n";
    }

    private static String stage(String stage, String day) {
        return "{\"stage\":\"" + stage + "\",\"at\":\"2026-" + day + AT + "\"}";
    }

    private static String activity(String type, String day) {
        return "{\"type\":\"" + type + "\",\"at\":\"2026-" + day + AT + "\",\"by\":\"a.martin\"}";
    }

    private List<JsonNode> findings() throws IOException {
        List<JsonNode> findings = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(
                        Files.readString(
                                workspace.resolve("out/2026-Q3/findings.json"),
                                StandardCharsets.UTF_8))
                .get("findings")
                .forEach(findings::add);
        return findings;
    }

    private static String line(JsonNode finding) {
        return finding.get("rule").asString()
                + " "
                + finding.get("deal").asString()
                + " "
                + finding.get("stage").asString()
                + (finding.has("causedBy") ? " (caused)" : "")
                + ": "
                + finding.get("message").asString();
    }

    @Test
    void should_flag_what_the_skipped_stage_required_at_the_move_that_skipped_it()
            throws IOException {
        assertThat(findings().stream().map(SkippedStageRequirementsTest::line))
                .containsExactlyInAnyOrder(
                        "PROC-ACTIVITY-MISSING D-1 qualification (caused): L'affaire D-1 (Client A)"
                                + " a sauté l'étape Qualification en passant à Proposition le 20"
                                + " sept. 2026, sans activité « rendez-vous » ; une affaire qui"
                                + " saute une étape doit tout de même ce que le processus exige"
                                + " avant de la quitter.",
                        "PROC-FIELD-MISSING D-1 qualification (caused): L'affaire D-1 (Client A) a"
                                + " sauté l'étape Qualification en passant à Proposition le 20"
                                + " sept. 2026, sans l'information « budget » ; une affaire qui"
                                + " saute une étape doit tout de même ce que le processus exige"
                                + " avant de la quitter.",
                        "PROC-FIELD-MISSING D-1 qualification (caused): L'affaire D-1 (Client A) a"
                                + " sauté l'étape Qualification en passant à Proposition le 20"
                                + " sept. 2026, sans l'information « decideur » ; une affaire qui"
                                + " saute une étape doit tout de même ce que le processus exige"
                                + " avant de la quitter.",
                        "PROC-SKIP-STAGE D-1 qualification: L'affaire D-1 (Client A) est passée de"
                                + " Prospection à Proposition le 20 sept. 2026 sans passer par"
                                + " l'étape Qualification ; le processus impose chaque étape dans"
                                + " l'ordre.",
                        "PROC-ACTIVITY-MISSING D-3 qualification: L'affaire D-3 (Client A) a quitté"
                            + " l'étape Qualification pour Proposition le 20 sept. 2026 sans"
                            + " activité « rendez-vous » ; le processus l'exige avant de quitter"
                            + " cette étape.");
    }

    @Test
    void should_link_what_a_skipped_stage_required_to_the_skip_and_count_the_skip_once()
            throws IOException {
        List<JsonNode> findings = findings();
        String skip =
                findings.stream()
                        .filter(f -> f.get("rule").asString().equals("PROC-SKIP-STAGE"))
                        .findFirst()
                        .orElseThrow()
                        .get("id")
                        .asString();
        assertThat(findings)
                .filteredOn(f -> f.get("deal").asString().equals("D-1"))
                .filteredOn(f -> !f.get("rule").asString().equals("PROC-SKIP-STAGE"))
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.get("causedBy").asString()).isEqualTo(skip));
        // THEN two findings count: D-1's skip (with what it left undone) and D-3's missing meeting
        assertThat(out).contains("2 constats (0 critique, 2 majeurs, 0 mineur, 0 info)");
    }
}
