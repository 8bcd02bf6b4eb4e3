package fr.vigie.audit.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.engine.UncheckedRuleWorker;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.report.ExternalTool;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace rule that tries to write a file outside its run and to open a socket (compiled
 * without the safety check, in the test classes only): in the worker confined by bubblewrap, both
 * fail and the files and the listening socket outside see nothing; unconfined, the same payload
 * does both, which proves the payload works. Mandatory with CI=true; skipped, saying why, where
 * bubblewrap is missing or cannot make a sandbox.
 */
class ConfinedWorkerTest {

    @TempDir Path dir;
    Path workspace;
    Path canaryInTemp;
    Path canaryInBuild;
    ServerSocketChannel listening;

    @BeforeEach
    void a_rule_that_writes_files_and_opens_a_socket() throws IOException {
        ExternalTool.require("bubblewrap", "apt-get install bubblewrap", List.of("bwrap"));
        String problem = Bubblewrap.problem();
        if (problem != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(problem);
        }
        Assumptions.assumeTrue(problem == null, "SKIPPED: " + problem);
        workspace = fr.vigie.SmallWorkspace.in(dir);
        canaryInTemp = dir.resolve("canary.txt");
        canaryInBuild =
                Files.createTempDirectory(Path.of("target").toAbsolutePath(), "canary")
                        .resolve("canary.txt");
        listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        listening.configureBlocking(false);
        int port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
        Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(
                workspace.resolve("rules/escape.drl"),
                "package acme;\nimport fr.vigie.deals.model.Deal;\n"
                        + "import fr.vigie.audit.facts.Violation;\n"
                        + HostileWorkspaceRulesTest.drl(
                                "ACME-ESCAPE",
                                "$deal : Deal()",
                                "String temp = write(\""
                                        + canaryInTemp
                                        + "\"); String build = write(\""
                                        + canaryInBuild
                                        + "\"); String socket;"
                                        + " try (java.net.Socket s = new java.net.Socket("
                                        + "\"127.0.0.1\", "
                                        + port
                                        + ")) { socket = \"connected\"; }"
                                        + " catch (Exception e) { socket = e.getClass()"
                                        + ".getSimpleName(); }"
                                        + " insert(Violation.on($deal).with(\"temp\", temp)"
                                        + ".with(\"build\", build).with(\"socket\", socket));")
                        + "function String write(String file) {"
                        + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(file),"
                        + " \"escaped\"); return \"written\"; }"
                        + " catch (Exception e) { return e.getClass().getSimpleName(); } }\n");
        String messages = "ACME-ESCAPE.title=Escape\nACME-ESCAPE.message=escape {socket}\n";
        Files.writeString(workspace.resolve("rules/messages_fr.properties"), messages);
        Files.writeString(workspace.resolve("rules/messages_en.properties"), messages);
    }

    Map<String, Object> payload(RuleIsolation.Confinement confinement) {
        RuleBase rules =
                UncheckedRuleWorker.compile(
                        List.of(
                                new RuleSource("standard", Path.of("rules")),
                                new RuleSource("workspace", workspace.resolve("rules"))));
        Workspace loaded = WorkspaceLoader.load(workspace);
        WorkerLaunch launch =
                WorkerLaunch.of(
                        new RuleIsolation(false, confinement, "128m"),
                        workspace,
                        rules.sources(),
                        HostileWorkspaceRulesTest.PERIOD,
                        Plan.NONE,
                        Locale.ENGLISH,
                        DealAuditor.DEFAULT_MAX_FIRINGS,
                        DealAuditor.TIME_LIMIT_MILLIS,
                        UncheckedRuleWorker.class.getName());
        assertThat(launch.confined()).isEqualTo(confinement == RuleIsolation.Confinement.ALWAYS);
        try (DealAuditor auditor =
                new DealAuditor(
                        rules,
                        new FindingFactory(rules.messages(), Locale.ENGLISH, loaded.settings()),
                        DealAuditor.DEFAULT_MAX_FIRINGS,
                        List.of(HostileWorkspaceRulesTest.PERIOD),
                        DealAuditor.TIME_LIMIT_MILLIS,
                        RuleBase.Parts.STANDARD,
                        new WorkerProcess(launch),
                        null)) {
            DealAuditor.Judgement judged =
                    auditor.judge(
                            HostileWorkspaceRulesTest.deal(loaded, rules, "D-1"), "deals.jsonl:1");
            assertThat(judged.failures()).isEmpty();
            List<Finding> escape =
                    judged.findings().stream()
                            .filter(f -> f.rule().equals("ACME-ESCAPE"))
                            .collect(Collectors.toList());
            assertThat(escape).hasSize(1);
            return escape.get(0).evidence();
        }
    }

    @Test
    void should_neither_write_a_file_nor_open_a_socket_from_the_confined_worker()
            throws IOException {
        // WHEN the payload runs in the confined worker
        Map<String, Object> evidence = payload(RuleIsolation.Confinement.ALWAYS);

        // THEN the files outside are untouched, and no connection reached the socket
        assertThat(canaryInTemp).doesNotExist();
        assertThat(canaryInBuild).doesNotExist();
        // Refused by the read-only file system, or not even there when the build sits under /tmp
        // (the worker's /tmp is an empty one of its own): never written.
        assertThat(evidence.get("build"))
                .isIn("FileSystemException", "NoSuchFileException", "AccessDeniedException");
        assertThat(evidence.get("socket")).isNotEqualTo("connected");
        assertThat(listening.accept()).isNull();
    }

    @Test
    void should_write_and_connect_from_an_unconfined_worker_so_the_payload_is_real()
            throws IOException {
        // WHEN the same payload runs in a worker that is not confined
        Map<String, Object> evidence = payload(RuleIsolation.Confinement.NEVER);

        // THEN it escapes: the reason the confined worker exists
        assertThat(evidence.get("temp")).isEqualTo("written");
        assertThat(canaryInTemp).hasContent("escaped");
        assertThat(canaryInBuild).hasContent("escaped");
        assertThat(evidence.get("socket")).isEqualTo("connected");
    }
}
