package fr.vigie.audit.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleFailure;
import fr.vigie.audit.engine.RuleLoopException;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.engine.UncheckedRuleWorker;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.jsonl.DealJsonParser;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspace rules the safety check would refuse (compiled here without it, in the test classes
 * only), run in the worker process: one loops for ever inside its consequence, one allocates until
 * the worker's heap is exhausted. The JVM under test lives on, each deal is not assessable for the
 * rule that was running, named, the next deals are judged by the well-behaved rule, and no worker
 * process is left behind.
 */
class HostileWorkspaceRulesTest {

    static final Period PERIOD = Period.parse("2026-Q3").orElseThrow();
    static final long TIME_LIMIT_MILLIS = 1_000;

    @TempDir Path dir;
    Path workspace;

    static String drl(String id, String when, String then) {
        return "rule \""
                + id
                + "\"\n    @id(\""
                + id
                + "\") @severity(\"minor\") @lever(\"process\")\nwhen\n    "
                + when
                + "\nthen\n    "
                + then
                + "\nend\n";
    }

    @BeforeEach
    void a_workspace_with_a_looping_a_greedy_and_a_well_behaved_rule() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(
                workspace.resolve("rules/hostile.drl"),
                "package acme;\nimport fr.vigie.deals.model.Deal;\n"
                        + "import fr.vigie.audit.facts.Violation;\n"
                        + drl(
                                "ACME-HANG",
                                "$deal : Deal(id == \"D-2\")",
                                "long n = 0; while ($deal.id().length() > 0) { n++; }")
                        + drl(
                                "ACME-OOM",
                                "$deal : Deal(id == \"D-3\")",
                                "java.util.List<long[]> all = new java.util.ArrayList<>();"
                                        + " while ($deal.id().length() > 0) {"
                                        + " all.add(new long[1_000_000]); }")
                        + drl(
                                "ACME-OK",
                                "$deal : Deal()",
                                "insert(Violation.on($deal).with(\"amount\","
                                        + " new java.math.BigDecimal(\"12.50\")));"));
        StringBuilder messages = new StringBuilder();
        for (String id : List.of("ACME-HANG", "ACME-OOM", "ACME-OK")) {
            messages.append(id).append(".title=").append(id).append('\n');
            messages.append(id).append(".message=").append(id).append(" {amount}\n");
        }
        Files.writeString(workspace.resolve("rules/messages_fr.properties"), messages);
        Files.writeString(workspace.resolve("rules/messages_en.properties"), messages);
    }

    static PreparedDeal deal(Workspace workspace, RuleBase rules, String id) {
        String json =
                "{\"id\":\""
                        + id
                        + "\",\"createdAt\":\"2026-07-01T09:00:00+02:00\",\"stages\":["
                        + "{\"stage\":\"proposition\",\"at\":\"2026-07-01T09:00:00+02:00\"}]}";
        return ((DealPreparer.Ready)
                        new DealPreparer(workspace, PERIOD, rules.catalog())
                                .prepare(new DealJsonParser().parse(json)))
                .deal();
    }

    @Test
    void should_stop_and_replace_the_worker_and_name_the_rule_when_it_hangs_or_exhausts_memory() {
        // GIVEN the rules compiled without the check, and a worker that does the same
        List<RuleSource> sources =
                List.of(
                        new RuleSource("standard", Path.of("rules")),
                        new RuleSource("workspace", workspace.resolve("rules")));
        RuleBase rules = UncheckedRuleWorker.compile(sources);
        Workspace loaded = WorkspaceLoader.load(workspace);
        WorkerLaunch launch =
                WorkerLaunch.of(
                        new RuleIsolation(false, RuleIsolation.Confinement.NEVER, "64m"),
                        workspace,
                        rules.sources(),
                        PERIOD,
                        Plan.NONE,
                        Locale.ENGLISH,
                        DealAuditor.DEFAULT_MAX_FIRINGS,
                        TIME_LIMIT_MILLIS,
                        UncheckedRuleWorker.class.getName());
        WorkerProcess worker = new WorkerProcess(launch);
        Map<String, DealAuditor.Judgement> judged = new LinkedHashMap<>();
        List<ProcessHandle> workers = new ArrayList<>();

        // WHEN four deals are judged: D-2 hangs ACME-HANG, D-3 exhausts memory in ACME-OOM
        try (DealAuditor auditor =
                new DealAuditor(
                        rules,
                        new FindingFactory(rules.messages(), Locale.ENGLISH, loaded.settings()),
                        DealAuditor.DEFAULT_MAX_FIRINGS,
                        List.of(PERIOD),
                        TIME_LIMIT_MILLIS,
                        RuleBase.Parts.STANDARD,
                        worker,
                        null)) {
            for (String id : List.of("D-1", "D-2", "D-3", "D-4")) {
                judged.put(id, auditor.judge(deal(loaded, rules, id), "deals.jsonl:" + id));
                worker.handle().ifPresent(workers::add);
            }
        }

        // THEN this JVM is alive (it is running this line), and each hostile deal is not
        // assessable for the rule that was running, named with why
        assertThat(failures(judged.get("D-1"))).isEmpty();
        assertThat(failures(judged.get("D-2")))
                .containsExactly("ACME-HANG: took more than 1000 ms");
        assertThat(judged.get("D-2").failures().get(0).problem())
                .isInstanceOf(RuleLoopException.class)
                .hasMessageContaining("rule ACME-HANG (")
                .hasMessageContaining("on the deal at deals.jsonl:D-2");
        assertThat(failures(judged.get("D-3")))
                .containsExactly("ACME-OOM: exhausted the worker's memory (-Xmx64m)");
        assertThat(failures(judged.get("D-4"))).isEmpty();
        // the well-behaved rule judged every deal, the hostile ones included (sent again without
        // the rule that killed the worker), with its evidence as in-process
        for (DealAuditor.Judgement judgement : judged.values()) {
            List<Finding> ok =
                    judgement.findings().stream().filter(f -> f.rule().equals("ACME-OK")).toList();
            assertThat(ok).hasSize(1);
            assertThat(ok.get(0).evidence().get("amount"))
                    .isEqualTo(new java.math.BigDecimal("12.50"));
        }
        // the standard pack judged them in this process
        assertThat(judged.get("D-4").findings()).anyMatch(f -> !f.rule().startsWith("ACME-"));
        // a worker for the first deal, one after the hang, one after the exhaustion
        assertThat(worker.started()).isEqualTo(3);
        // no worker left behind, nor anything it started
        assertThat(workers).isNotEmpty().allSatisfy(p -> assertThat(p.isAlive()).isFalse());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .noneMatch(
                        p ->
                                p.info()
                                        .arguments()
                                        .map(
                                                a ->
                                                        String.join(" ", a)
                                                                .contains("UncheckedRuleWorker"))
                                        .orElse(false));
    }

    static List<String> failures(DealAuditor.Judgement judgement) {
        return judgement.failures().stream()
                .map((RuleFailure f) -> f.rule() + ": " + f.reason())
                .toList();
    }
}
