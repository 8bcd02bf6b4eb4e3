package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * --output on vigie test, audit and rules: what they found, for a CI job, on the lines of the files
 * (the .test.yaml cases, the export's records); the SARIF checked against the OASIS SARIF 2.1.0
 * schema and the JUnit XML against the JUnit schema, the person's lines kept off standard output.
 */
class OutputFormatsTest {

    static Schema sarifSchema;

    @TempDir Path dir;
    Path workspace;
    Path tests;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeAll
    static void the_sarif_schema() throws IOException {
        try (InputStream schema =
                OutputFormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(schema).as("the SARIF 2.1.0 schema on the test classpath").isNotNull();
            sarifSchema =
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                            .getSchema(schema);
        }
    }

    @BeforeEach
    void a_workspace_with_a_passing_and_a_failing_test_case() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.createDirectories(workspace.resolve("tests"));
        tests = workspace.resolve("tests/skip.test.yaml");
        Files.writeString(
                tests,
                """
                cases:
                  - name: skipping the proposal is flagged
                    rules: [PROC-SKIP-STAGE]
                    deals:
                      - stages: [qualification 2026-07-01, negociation 2026-07-10]
                    expect:
                      - { rule: PROC-SKIP-STAGE, deal: D-1, stage: proposition }
                  - name: a straight deal is clean
                    rules: [PROC-SKIP-STAGE]
                    deals:
                      - stages: [qualification 2026-07-01, negociation 2026-07-10]
                    expect: []
                """);
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"), CliTest.CLEAN + "\n" + CliTest.SKIPPING);
    }

    int vigie(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliTest.withTestRules(out, err, args);
    }

    static void assertValidJunit(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(OutputFormatsTest.class.getResource("/schemas/junit.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    static void assertValidSarif(String text) {
        JsonNode log = JsonMapper.builder().build().readTree(text);
        assertThat(sarifSchema.validate(log)).as(text).isEmpty();
    }

    @Test
    void should_write_each_test_case_as_junit_valid_against_the_junit_schema() throws Exception {
        int code = vigie("test", workspace.toString(), "--no-standard", "--output", "junit");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
        String xml = out.toString();
        assertValidJunit(xml);
        assertThat(xml)
                .contains("tests=\"2\" failures=\"1\"")
                .contains("file=\"" + tests + "\" line=\"2\"")
                .contains("file=\"" + tests + "\" line=\"8\"")
                .contains("<failure message=\"");
        assertThat(err.toString()).contains("1 passed, 1 failed");
    }

    @Test
    void should_write_test_cases_as_tap_and_github_annotations_on_their_lines() {
        vigie("test", workspace.toString(), "--no-standard", "--output", "tap");
        assertThat(out.toString())
                .startsWith("TAP version 14")
                .contains("1..2")
                .contains("ok 1 - " + tests + ":2")
                .contains("not ok 2 - " + tests + ":8");
        vigie("test", workspace.toString(), "--no-standard", "--output", "github");
        assertThat(out.toString().strip().lines())
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line)
                                        .startsWith(
                                                "::error file="
                                                        + tests.toString().replace(":", "%3A")
                                                        + ",line=8"));
    }

    @Test
    void should_write_test_cases_as_valid_sarif_with_the_passing_ones_as_pass() {
        vigie("test", workspace.toString(), "--no-standard", "--output", "sarif");
        assertValidSarif(out.toString());
        JsonNode results =
                JsonMapper.builder().build().readTree(out.toString()).at("/runs/0/results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).get("kind").asString()).isEqualTo("pass");
        assertThat(results.get(1).get("level").asString()).isEqualTo("error");
    }

    @Test
    void should_write_the_audits_findings_at_the_exports_lines_as_valid_sarif() {
        int code =
                vigie(
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "-q",
                        "--output",
                        "sarif");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertValidSarif(out.toString());
        JsonNode results =
                JsonMapper.builder().build().readTree(out.toString()).at("/runs/0/results");
        assertThat(results.size()).isPositive();
        JsonNode skip = null;
        for (JsonNode result : results) {
            if (result.get("ruleId").asString().equals("PROC-SKIP-STAGE")) {
                skip = result;
            }
        }
        assertThat(skip).as(results.toString()).isNotNull();
        assertThat(skip.get("level").asString()).isEqualTo("error");
        assertThat(skip.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
                .endsWith("deals/2026-Q3.jsonl");
        assertThat(skip.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(skip.at("/message/text").asString()).contains("D-2");
        // The person's summary is on standard error, out of the machine's way.
        assertThat(err.toString()).contains("2 records read = 2 audited + 0 rejected");
        assertThat(out.toString()).doesNotContain("records read");
    }

    @Test
    void should_write_the_audits_findings_as_junit_valid_against_the_junit_schema()
            throws Exception {
        vigie("audit", workspace.toString(), "--period", "2026-Q3", "-q", "--output", "junit");
        String xml = out.toString();
        assertValidJunit(xml);
        assertThat(xml).contains("<failure message=\"").contains("D-2");
    }

    @Test
    void should_keep_the_machine_keys_and_give_the_message_in_the_run_language() {
        vigie(
                "audit",
                workspace.toString(),
                "--period",
                "2026-Q3",
                "-q",
                "--output",
                "json",
                "--lang",
                "fr");
        JsonNode root = JsonMapper.builder().build().readTree(out.toString());
        assertThat(root.get("command").asString()).isEqualTo("audit");
        assertThat(root.get("summary").asString())
                .startsWith("conformité 50,0 % (1 affaire sur 2), 2 constats");
        assertThat(root.at("/items/0/level").asString()).isEqualTo("error");
        assertThat(root.at("/items/0/rule").asString()).matches("[A-Z]+(-[A-Z0-9]+)+");
    }

    @Test
    void should_write_the_audits_findings_as_json_with_their_levels_from_fail_on() {
        vigie(
                "audit",
                workspace.toString(),
                "--period",
                "2026-Q3",
                "-q",
                "--output",
                "json",
                "--fail-on",
                "critical");
        JsonNode root = JsonMapper.builder().build().readTree(out.toString());
        assertThat(root.get("command").asString()).isEqualTo("audit");
        assertThat(root.get("summary").asString()).startsWith("conformity 50.0% (1 of 2 deals)");
        assertThat(root.get("errors").asInt()).isZero();
        assertThat(root.get("warnings").asInt()).isEqualTo(root.get("items").size()).isPositive();
    }

    @Test
    void should_list_the_rules_as_json_and_as_sarif_rule_descriptors() {
        assertThat(vigie("rules", "--output", "json")).isEqualTo(ExitCodes.OK);
        JsonNode rules = JsonMapper.builder().build().readTree(out.toString());
        assertThat(rules.isArray()).isTrue();
        assertThat(rules.findValuesAsString("id")).contains("PROC-SKIP-STAGE");
        assertThat(vigie("rules", "--output", "sarif")).isEqualTo(ExitCodes.OK);
        assertValidSarif(out.toString());
        JsonNode descriptors =
                JsonMapper.builder()
                        .build()
                        .readTree(out.toString())
                        .at("/runs/0/tool/driver/rules");
        assertThat(descriptors.size()).isEqualTo(rules.size());
    }

    @Test
    void should_refuse_an_annotation_format_for_the_rule_list() {
        assertThat(vigie("rules", "--output", "junit")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--output takes human, json or sarif here");
    }

    @Test
    void should_suggest_the_format_meant() {
        assertThat(vigie("test", workspace.toString(), "--output", "sarf"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("did you mean 'sarif'?");
    }

    @Test
    void should_keep_validates_sarif_valid_against_the_schema() {
        vigie("validate", workspace.toString(), "--output", "sarif");
        assertValidSarif(out.toString());
    }
}
