package fr.vigie.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.jsonl.DealJsonParser;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One auditor judges deal after deal in the same session: nothing may carry over, and a looping
 * rule must stop.
 */
class DealAuditorTest {

    @TempDir Path pack;
    static final Workspace WORKSPACE = WorkspaceLoader.load(Path.of("rules/testing"));
    static final Period PERIOD = Period.parse("2026-Q3").orElseThrow();

    static PreparedDeal deal(Workspace workspace, String id, String stages) {
        String json =
                "{\"id\":\""
                        + id
                        + "\",\"createdAt\":\"2026-07-01T09:00:00+02:00\",\"stages\":["
                        + stages
                        + "]}";
        return ((DealPreparer.Ready)
                        new DealPreparer(workspace, PERIOD, List.of())
                                .prepare(new DealJsonParser().parse(json)))
                .deal();
    }

    static String stage(String id, String day) {
        return "{\"stage\":\"" + id + "\",\"at\":\"2026-07-" + day + "T09:00:00+02:00\"}";
    }

    @Test
    void should_not_carry_facts_or_findings_from_one_deal_to_the_next() {
        // GIVEN the standard rules and a deal that skips a stage, then a deal that does not
        RuleBase rules =
                RuleCompiler.compile(List.of(new RuleSource("standard", Path.of("rules"))));
        DealAuditor auditor =
                new DealAuditor(
                        rules,
                        new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()),
                        100);
        PreparedDeal skipping =
                deal(
                        WORKSPACE,
                        "D-1",
                        stage("qualification", "01") + "," + stage("negociation", "20"));
        PreparedDeal clean = deal(WORKSPACE, "D-2", stage("prospection", "01"));
        // WHEN
        List<Finding> first = auditor.audit(skipping, "d:1");
        List<Finding> second = auditor.audit(clean, "d:2");
        List<Finding> again = auditor.audit(skipping, "d:3");
        // THEN
        assertThat(first).extracting(Finding::rule).contains("PROC-SKIP-STAGE");
        assertThat(second).extracting(Finding::deal).doesNotContain("D-1");
        assertThat(again)
                .extracting(Finding::id)
                .containsExactlyElementsOf(first.stream().map(Finding::id).toList());
    }

    @Test
    void should_dispose_its_sessions_when_closed_and_open_new_ones_if_used_again() {
        // GIVEN an auditor that judged a deal: one session per rule base, kept for the next deal
        RuleBase rules =
                RuleCompiler.compile(List.of(new RuleSource("standard", Path.of("rules"))));
        DealAuditor auditor =
                new DealAuditor(
                        rules,
                        new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()),
                        100);
        PreparedDeal skipping =
                deal(
                        WORKSPACE,
                        "D-1",
                        stage("qualification", "01") + "," + stage("negociation", "20"));
        List<Finding> first = auditor.audit(skipping, "d:1");
        assertThat(auditor.openSessions()).isEqualTo(1);
        // WHEN
        auditor.close();
        // THEN
        assertThat(auditor.openSessions()).isZero();
        assertThat(auditor.audit(skipping, "d:1"))
                .extracting(Finding::id)
                .containsExactlyElementsOf(first.stream().map(Finding::id).toList());
        auditor.close();
    }

    @Test
    void should_keep_the_standard_findings_when_a_workspace_rule_deletes_every_fact()
            throws IOException {
        // GIVEN a workspace rule that the safety check refuses, compiled without it: it fires first
        // (salience 1000) and deletes every stage visit, move and deal
        Files.writeString(
                pack.resolve("silence.drl"),
                """
                package acme;
                import fr.vigie.deals.model.Deal;
                import fr.vigie.audit.facts.StageVisit;
                import fr.vigie.audit.facts.Move;
                rule "Silence the visits" @id("ACME-SILENCE-VISITS") @severity("minor") @lever("process") salience 1000
                when $fact : StageVisit() then delete($fact); end
                rule "Silence the moves" @id("ACME-SILENCE-MOVES") @severity("minor") @lever("process") salience 1000
                when $fact : Move() then delete($fact); end
                rule "Silence the deal" @id("ACME-SILENCE-DEAL") @severity("minor") @lever("process") salience 999
                when $fact : Deal() then delete($fact); end
                """);
        String messages =
                "ACME-SILENCE-VISITS.title=t\n"
                        + "ACME-SILENCE-VISITS.message=m\n"
                        + "ACME-SILENCE-MOVES.title=t\n"
                        + "ACME-SILENCE-MOVES.message=m\n"
                        + "ACME-SILENCE-DEAL.title=t\n"
                        + "ACME-SILENCE-DEAL.message=m\n";
        Files.writeString(pack.resolve("messages_fr.properties"), messages);
        Files.writeString(pack.resolve("messages_en.properties"), messages);
        fr.vigie.common.Problems problems = new fr.vigie.common.Problems();
        RuleBase silenced =
                RuleCompiler.compile(
                        List.of(
                                new RuleSource("standard", Path.of("rules")),
                                new RuleSource("workspace", pack)),
                        problems,
                        false);
        assertThat(problems.all()).isEmpty();
        RuleBase standard =
                RuleCompiler.compile(List.of(new RuleSource("standard", Path.of("rules"))));
        PreparedDeal skipping =
                deal(
                        WORKSPACE,
                        "D-1",
                        stage("qualification", "01") + "," + stage("negociation", "20"));
        // WHEN
        List<Finding> alone =
                new DealAuditor(
                                standard,
                                new FindingFactory(
                                        standard.messages(), Locale.FRENCH, WORKSPACE.settings()),
                                100)
                        .audit(skipping, "d:1");
        List<Finding> beside =
                new DealAuditor(
                                silenced,
                                new FindingFactory(
                                        silenced.messages(), Locale.FRENCH, WORKSPACE.settings()),
                                100)
                        .audit(skipping, "d:1");
        // THEN the standard rules found the same, with the same ids
        assertThat(alone).extracting(Finding::rule).contains("PROC-SKIP-STAGE");
        assertThat(beside)
                .extracting(Finding::id)
                .containsExactlyElementsOf(alone.stream().map(Finding::id).toList());
    }

    static DealAuditor trusted(Path pack, String id, String then) throws IOException {
        Files.writeString(
                pack.resolve("failing.drl"),
                """
                package acme;
                import fr.vigie.deals.model.Deal;
                import fr.vigie.audit.facts.Violation;
                function int down(int n) { return down(n + 1); }
                rule "Fails" @id("%s") @severity("minor") @lever("process")
                when $deal : Deal() then %s
                end
                """
                        .formatted(id, then));
        Files.writeString(
                pack.resolve("messages_fr.properties"), id + ".title=t\n" + id + ".message=m\n");
        Files.writeString(
                pack.resolve("messages_en.properties"), id + ".title=t\n" + id + ".message=m\n");
        RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("test", pack, true)));
        return new DealAuditor(
                rules,
                new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()),
                100);
    }

    @Test
    void should_name_the_rule_and_the_deal_when_a_rule_throws() throws IOException {
        // GIVEN a rule that reads an amount the deal does not have
        DealAuditor auditor =
                trusted(
                        pack,
                        "ACME-NPE",
                        "insert(Violation.on($deal).with(\"x\", $deal.amount().negate()));");
        PreparedDeal deal = deal(WORKSPACE, "D-1", stage("qualification", "01"));
        // WHEN / THEN
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:4"))
                .isInstanceOf(RuleFailedException.class)
                .hasMessageStartingWith("rule ACME-NPE (")
                .hasMessageEndingWith(
                        " failed on the deal at deals.jsonl:4: NullPointerException; the rule's"
                            + " author must fix it (a value it did not expect, such as a missing"
                            + " amount?)");
    }

    @Test
    void should_name_the_rule_that_recurses_without_end_and_judge_the_next_deal()
            throws IOException {
        // GIVEN a rule that recurses without end, then a deal judged by the same auditor
        DealAuditor auditor =
                trusted(pack, "ACME-DEEP", "if (down(0) > 0) { insert(Violation.on($deal)); }");
        PreparedDeal deal = deal(WORKSPACE, "D-1", stage("qualification", "01"));
        // WHEN / THEN
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:5"))
                .isInstanceOf(RuleFailedException.class)
                .hasMessageContaining("rule ACME-DEEP")
                .hasMessageContaining(
                        "deals.jsonl:5: StackOverflowError (a recursion without end)");
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:6"))
                .isInstanceOf(RuleFailedException.class)
                .hasMessageContaining("deals.jsonl:6");
    }

    @Test
    void should_name_the_rule_that_allocates_too_much() throws IOException {
        DealAuditor auditor = trusted(pack, "ACME-HUGE", "long[] a = new long[Integer.MAX_VALUE];");
        PreparedDeal deal = deal(WORKSPACE, "D-1", stage("qualification", "01"));
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:7"))
                .isInstanceOf(RuleFailedException.class)
                .hasMessageContaining("rule ACME-HUGE")
                .hasMessageContaining("deals.jsonl:7: OutOfMemoryError (an allocation too large)");
    }

    @Test
    void should_stop_rules_that_take_too_long_on_one_deal() throws IOException {
        // GIVEN a rule that is slow on every match (a trusted pack: workspace rules may not sleep)
        Files.writeString(
                pack.resolve("slow.drl"),
                """
                package slow;
                import fr.vigie.deals.model.Deal;
                import fr.vigie.audit.facts.StageVisit;
                rule "Slow"
                    @id("SLOW") @severity("minor") @lever("process")
                when
                    Deal()
                    StageVisit()
                then
                    try { Thread.sleep(400); } catch (InterruptedException e) { }
                end
                """);
        Files.writeString(pack.resolve("messages_fr.properties"), "SLOW.title=t\nSLOW.message=m\n");
        Files.writeString(pack.resolve("messages_en.properties"), "SLOW.title=t\nSLOW.message=m\n");
        RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("test", pack, true)));
        DealAuditor auditor =
                new DealAuditor(
                        rules,
                        new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()),
                        100,
                        List.of(),
                        300);
        PreparedDeal deal =
                deal(
                        WORKSPACE,
                        "D-1",
                        stage("prospection", "01")
                                + ","
                                + stage("qualification", "02")
                                + ","
                                + stage("proposition", "03"));
        // WHEN / THEN
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:9"))
                .isInstanceOf(RuleLoopException.class)
                .hasMessageStartingWith("rule SLOW (" + pack.resolve("slow.drl") + ":4:1)")
                .hasMessageEndingWith(
                        " took more than 300 ms on the deal at deals.jsonl:9: its consequence is"
                                + " too slow or loops");
    }

    @Test
    void
            should_stop_a_rule_that_re_triggers_itself_with_a_clear_message_and_go_on_with_the_next_deal()
                    throws IOException {
        // GIVEN a rule that inserts a fact its own condition matches, forever
        Files.writeString(
                pack.resolve("loop.drl"),
                """
                package loop;
                import fr.vigie.deals.model.Deal;
                import fr.vigie.audit.facts.Param;
                rule "Loops"
                    @id("LOOP") @severity("minor") @lever("process")
                when
                    Deal()
                    $p : Param()
                then
                    insert(new Param("x", "n", String.valueOf(Integer.parseInt($p.value()) + 1)));
                end
                rule "Needs a first param"
                    @id("SEED") @severity("minor") @lever("process")
                when
                    Deal()
                    not Param()
                then
                    insert(new Param("x", "n", "0"));
                end
                """);
        Files.writeString(
                pack.resolve("messages_fr.properties"),
                "LOOP.title=t\nLOOP.message=m\nSEED.title=t\nSEED.message=m\n");
        Files.writeString(
                pack.resolve("messages_en.properties"),
                "LOOP.title=t\nLOOP.message=m\nSEED.title=t\nSEED.message=m\n");
        // trusted: a workspace may not create a Param, which this loop needs
        RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("test", pack, true)));
        DealAuditor auditor =
                new DealAuditor(
                        rules,
                        new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()),
                        100);
        PreparedDeal deal = deal(WORKSPACE, "D-1", stage("prospection", "01"));
        // WHEN / THEN
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:7"))
                .isInstanceOf(RuleLoopException.class)
                .hasMessage(
                        "rule LOOP ("
                                + pack.resolve("loop.drl")
                                + ":4:1) fired more than 100 times on the deal at deals.jsonl:7:"
                                + " it probably re-triggers itself (it modifies or inserts a fact"
                                + " its own conditions match)");
        assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:8"))
                .isInstanceOf(RuleLoopException.class)
                .hasMessageContaining("deals.jsonl:8");
    }

    /** Two trusted rules: one that throws with {@code then}, one that always finds. */
    static DealAuditor failingBesideFinding(Path pack, String then, long timeLimitMillis)
            throws IOException {
        Files.writeString(
                pack.resolve("two.drl"),
                """
                package acme;
                import fr.vigie.deals.model.Deal;
                import fr.vigie.audit.facts.Violation;
                function int down(int n) { return down(n + 1); }
                rule "Fails"
                    @id("ACME-FAILS") @severity("minor") @lever("process")
                when $deal : Deal() then %s
                end
                rule "Finds"
                    @id("ACME-FINDS") @severity("minor") @lever("process")
                when $deal : Deal() then insert(Violation.on($deal));
                end
                """
                        .formatted(then));
        String messages =
                "ACME-FAILS.title=t\nACME-FAILS.message=m\nACME-FINDS.title=t\n"
                        + "ACME-FINDS.message=m\n";
        Files.writeString(pack.resolve("messages_fr.properties"), messages);
        Files.writeString(pack.resolve("messages_en.properties"), messages);
        RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("test", pack, true)));
        return new DealAuditor(
                rules,
                new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()),
                100,
                List.of(),
                timeLimitMillis);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "insert(Violation.on($deal).with(\"x\", $deal.amount().negate()));"
                        + "|NullPointerException",
                "if (down(0) > 0) { insert(Violation.on($deal)); }"
                        + "|StackOverflowError (a recursion without end)",
                "long[] a = new long[Integer.MAX_VALUE];"
                        + "|OutOfMemoryError (an allocation too large)",
                "insert(Violation.on($deal)); try { Thread.sleep(2000); } catch"
                        + " (InterruptedException e) { }|took more than 300 ms"
            })
    void should_make_the_deal_not_assessable_for_the_failing_rule_only_and_judge_the_next_one(
            String then, String reason) throws IOException {
        // GIVEN a rule that fails on every deal, beside one that finds on every deal
        DealAuditor auditor = failingBesideFinding(pack, then, 300);
        PreparedDeal deal = deal(WORKSPACE, "D-1", stage("qualification", "01"));

        // WHEN it judges the deal twice
        DealAuditor.Judgement one = auditor.judge(deal, "deals.jsonl:2");
        int open = auditor.openSessions();
        DealAuditor.Judgement two = auditor.judge(deal, "deals.jsonl:3");

        // THEN the failing rule is named, with why, and gave no finding; the other rule judged
        for (DealAuditor.Judgement judged : List.of(one, two)) {
            assertThat(judged.failures())
                    .extracting(RuleFailure::rule, RuleFailure::where, RuleFailure::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "ACME-FAILS", pack.resolve("two.drl") + ":5:1", reason));
            assertThat(judged.findings()).extracting(Finding::rule).containsExactly("ACME-FINDS");
        }
        assertThat(two.failures().get(0).problem().getMessage()).contains("deals.jsonl:3");
        // the failed sessions were replaced, not piled up
        assertThat(auditor.openSessions()).isEqualTo(open);
        auditor.close();
        assertThat(auditor.openSessions()).isZero();
    }
}
