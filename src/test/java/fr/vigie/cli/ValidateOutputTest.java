package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigie validate --output: what it found, for CI, on the lines of the workspace's files. */
class ValidateOutputTest {

    @TempDir Path dir;
    Path workspace;
    String tactics;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void a_workspace_whose_tactics_contradict_the_strategy() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        ValidateCommandTest.aTacticsCampaignOnAnExcludedSegment(workspace);
        tactics = workspace.resolve("tactics/2026-Q3.yaml").toString();
    }

    int vigie(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliTest.withTestRules(out, err, args);
    }

    JsonNode json(String format) {
        assertThat(vigie("validate", workspace.toString(), "--lang", "en", "--output", format))
                .isEqualTo(ExitCodes.FINDINGS);
        return JsonMapper.builder().build().readTree(out.toString());
    }

    @Test
    void should_write_json_with_each_item_located_and_the_last_line_as_summary() {
        JsonNode root = json("json");
        assertThat(root.get("summary").asString())
                .contains(
                        "valid, but 1 contradiction between strategy and tactics, 1 at or above"
                                + " --fail-on major");
        JsonNode item = root.get("items").get(0);
        assertThat(item.get("file").asString()).isEqualTo(tactics);
        assertThat(item.get("line").asInt()).isEqualTo(4);
        assertThat(item.get("column").asInt()).isEqualTo(5);
        assertThat(item.get("level").asString()).isEqualTo("error");
        assertThat(item.get("rule").asString()).isEqualTo("TACT-CAMPAIGN-EXCLUDED-SEGMENT");
        assertThat(item.get("message").asString())
                .startsWith("major: campaign \"Offre TPE\" targets TPE; ");
    }

    @Test
    void should_write_sarif_2_1_0_results_on_the_lines_of_the_files() {
        JsonNode root = json("sarif");
        assertThat(root.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asString()).isEqualTo("vigie");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asString()).isEqualTo("TACT-CAMPAIGN-EXCLUDED-SEGMENT");
        assertThat(result.get("level").asString()).isEqualTo("error");
        assertThat(result.get("message").get("text").asString())
                .startsWith("major: campaign \"Offre TPE\"");
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo(tactics);
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(4);
        assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(5);
    }

    @Test
    void should_write_gitlab_code_quality_issues() {
        JsonNode issue = json("gitlab").get(0);
        assertThat(issue.get("check_name").asString()).isEqualTo("TACT-CAMPAIGN-EXCLUDED-SEGMENT");
        assertThat(issue.get("severity").asString()).isEqualTo("major");
        assertThat(issue.get("location").get("path").asString()).isEqualTo(tactics);
        assertThat(issue.get("location").get("lines").get("begin").asInt()).isEqualTo(4);
        assertThat(issue.get("fingerprint").asString()).matches("[0-9a-f]{32}");
    }

    @Test
    void should_write_junit_xml_that_its_schema_accepts() throws Exception {
        // WHEN
        assertThat(vigie("validate", workspace.toString(), "--lang", "en", "--output", "junit"))
                .isEqualTo(ExitCodes.FINDINGS);
        // THEN
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/schemas/junit.xsd").toFile())
                .newValidator()
                .validate(new StreamSource(new StringReader(out.toString())));
        assertThat(out.toString())
                .contains(
                        "<testsuites name=\"vigie validate\" tests=\"1\" failures=\"1\""
                                + " errors=\"0\">")
                .contains("<failure message=\"major: campaign &quot;Offre TPE&quot; targets TPE; ");
    }

    @Test
    void should_write_tap_and_github_annotations() {
        assertThat(vigie("validate", workspace.toString(), "--lang", "en", "--output", "tap"))
                .isEqualTo(ExitCodes.FINDINGS);
        List<String> tap = out.toString().lines().toList();
        assertThat(tap.subList(0, 3))
                .containsExactly(
                        "TAP version 14",
                        "1..1",
                        "not ok 1 - " + tactics + ":4:5 TACT-CAMPAIGN-EXCLUDED-SEGMENT");
        assertThat(vigie("validate", workspace.toString(), "--lang", "en", "--output", "github"))
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .startsWith(
                        "::error file="
                                + tactics
                                + ",line=4,col=5,title=TACT-CAMPAIGN-EXCLUDED-SEGMENT::major:"
                                + " campaign \"Offre TPE\"");
    }

    @Test
    void should_write_a_problem_of_an_invalid_workspace_as_an_error_item_and_exit_2()
            throws IOException {
        // GIVEN
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                "waivers:\n"
                    + "  - { rule: PROC-SKIP-STAEG, deal: D-2, justification: accord, accepted-by:"
                    + " p.durand, until: 2026-12-31 }\n");
        // WHEN
        int code = vigie("validate", workspace.toString(), "--lang", "en", "--output", "github");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(out.toString())
                .contains(
                        "::error file="
                                + workspace.resolve("waivers.yaml")
                                + ",line=2,col=13::unknown rule 'PROC-SKIP-STAEG'");
    }

    @Test
    void should_refuse_an_unknown_output_naming_the_nearest() {
        assertThat(vigie("validate", workspace.toString(), "--output", "jsn"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "--output must be one of human, json, junit, sarif, tap, github, gitlab;"
                                + " not 'jsn' (did you mean 'json'?)");
    }
}
