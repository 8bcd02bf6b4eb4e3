package fr.vigie.audit.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleCompiler;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.common.Location;
import fr.vigie.common.RuleProblemException;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The pipeline waits for no deal without a deadline: a judge that never returns stops the run,
 * naming the deal.
 */
class AuditRunDeadlineTest {

    @Test
    void should_stop_the_run_naming_the_deal_whose_judging_never_returns() {
        // GIVEN a judge that never returns on the second record, and a deadline of 300 ms a deal
        Workspace workspace = WorkspaceLoader.load(Path.of("rules/testing"));
        RuleBase rules =
                RuleCompiler.compile(List.of(new RuleSource("standard", Path.of("rules"))));
        CountDownLatch never = new CountDownLatch(1);
        RecordJudge stuck =
                outcome -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("unreachable");
                };
        DealInput input =
                new DealInput() {
                    int next;

                    @Override
                    public InputRecord next() {
                        if (next++ > 0) {
                            return null;
                        }
                        return new InputRecord() {
                            @Override
                            public Location location() {
                                return new Location("deals.jsonl", 2, 0);
                            }

                            @Override
                            public RecordOutcome read() {
                                return null;
                            }
                        };
                    }

                    @Override
                    public List<FileCount> files() {
                        return List.of();
                    }

                    @Override
                    public void close() {}
                };
        AuditRun run = new AuditRun(stuck, rules, new AuditRun.Options(1, 256, p -> {}, 300));
        AuditScope scope =
                new AuditScope(
                        workspace,
                        Period.parse("2026-Q3").orElseThrow(),
                        Locale.FRENCH,
                        Plan.NONE,
                        List.of(),
                        List.of());
        // WHEN / THEN
        assertThatThrownBy(
                        () ->
                                run.run(
                                        input,
                                        scope,
                                        new Waivers(List.of(), java.time.LocalDate.of(2026, 9, 30)),
                                        List.of()))
                .isInstanceOf(RuleProblemException.class)
                .hasMessage(
                        "the rules have not come back from the deal at deals.jsonl:2 after 300 ms:"
                            + " a rule's code does not return (the limit on one deal stops rules"
                            + " between firings only); the run stops");
    }
}
