package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.ExitCodes;
import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample with rules of its own (src/test/resources/workspace-rules: on deals, parameters, stage
 * visits, moves and the strategy): audited with those rules in a worker process and in this
 * process, the findings are the same, field by field.
 */
class WorkspaceRulesInWorkerTest {

    @TempDir Path dir;
    Path workspace;

    @BeforeEach
    void the_sample_with_rules_of_its_own() throws IOException {
        workspace = dir.resolve("durand");
        Path sample = Path.of("fixtures/durand-industrie");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.toList()) {
                String relative = sample.relativize(file).toString();
                if (relative.startsWith("out")) {
                    continue;
                }
                Files.copy(file, workspace.resolve(relative));
            }
        }
        Files.createDirectories(workspace.resolve("rules"));
        for (String name :
                List.of("acme.drl", "messages_en.properties", "messages_fr.properties")) {
            Files.copy(
                    Path.of("src/test/resources/workspace-rules", name),
                    workspace.resolve("rules").resolve(name));
        }
    }

    JsonNode audit(String out, String... options) {
        StringWriter err = new StringWriter();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "audit",
                                workspace.toString(),
                                "--period",
                                "2026-Q3",
                                "--out",
                                dir.resolve(out).toString(),
                                "--standard-rules",
                                "rules",
                                "-q",
                                "--fail-on",
                                "none",
                                "--format",
                                "json"));
        args.addAll(List.of(options));
        int code =
                Vigie.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        args.toArray(String[]::new));
        assertThat(code).as("stderr: %s", err).isEqualTo(ExitCodes.OK);
        return JsonMapper.builder().build().readTree(dir.resolve(out + "/findings.json").toFile());
    }

    @Test
    void should_give_the_same_findings_with_the_workspace_rules_in_a_worker_as_in_process() {
        // WHEN the sample is audited with its own rules in this process, then in a worker
        JsonNode inProcess = audit("in-process", "--rules-in-process");
        JsonNode inWorker = audit("in-worker");

        // THEN the findings are the same, and each of the workspace's rules found something
        assertThat(inWorker.get("findings")).isEqualTo(inProcess.get("findings"));
        List<String> rules = new ArrayList<>();
        inWorker.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertThat(rules)
                .contains("ACME-BIG-BUYER", "ACME-LONG-STAY", "ACME-BACK", "ACME-EXCLUDED");
        assertThat(inWorker.get("summary").get("coverage").get("notAssessable")).isEmpty();
    }
}
