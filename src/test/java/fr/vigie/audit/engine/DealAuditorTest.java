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

/** One auditor judges deal after deal in the same session: nothing may carry over, and a looping rule must stop. */
class DealAuditorTest {

  @TempDir Path pack;
  static final Workspace WORKSPACE = WorkspaceLoader.load(Path.of("rules/testing"));
  static final Period PERIOD = Period.parse("2026-Q3").orElseThrow();

  static PreparedDeal deal(Workspace workspace, String id, String stages) {
    String json = "{\"id\":\"" + id + "\",\"createdAt\":\"2026-07-01T09:00:00+02:00\",\"stages\":[" + stages + "]}";
    return ((DealPreparer.Ready) new DealPreparer(workspace, PERIOD, List.of()).prepare(new DealJsonParser().parse(json))).deal();
  }

  static String stage(String id, String day) {
    return "{\"stage\":\"" + id + "\",\"at\":\"2026-07-" + day + "T09:00:00+02:00\"}";
  }

  @Test
  void should_not_carry_facts_or_findings_from_one_deal_to_the_next() {
    // GIVEN the standard rules and a deal that skips a stage, then a deal that does not
    RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("standard", Path.of("rules"))));
    DealAuditor auditor = new DealAuditor(rules, new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()), 100);
    PreparedDeal skipping = deal(WORKSPACE, "D-1", stage("qualification", "01") + "," + stage("negociation", "20"));
    PreparedDeal clean = deal(WORKSPACE, "D-2", stage("prospection", "01"));
    // WHEN
    List<Finding> first = auditor.audit(skipping, "d:1");
    List<Finding> second = auditor.audit(clean, "d:2");
    List<Finding> again = auditor.audit(skipping, "d:3");
    // THEN
    assertThat(first).extracting(Finding::rule).contains("PROC-SKIP-STAGE");
    assertThat(second).extracting(Finding::deal).doesNotContain("D-1");
    assertThat(again).extracting(Finding::id).containsExactlyElementsOf(first.stream().map(Finding::id).toList());
  }

  @Test
  void should_stop_rules_that_take_too_long_on_one_deal() throws IOException {
    // GIVEN a rule that is slow on every match (a trusted pack: workspace rules may not sleep)
    Files.writeString(pack.resolve("slow.drl"), """
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
    DealAuditor auditor = new DealAuditor(rules, new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()), 100, List.of(), 300);
    PreparedDeal deal = deal(WORKSPACE, "D-1", stage("prospection", "01") + "," + stage("qualification", "02") + "," + stage("proposition", "03"));
    // WHEN / THEN
    assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:9"))
        .isInstanceOf(RuleLoopException.class)
        .hasMessageStartingWith("the rules took more than 300 ms on deal at deals.jsonl:9");
  }

  @Test
  void should_stop_a_rule_that_re_triggers_itself_with_a_clear_message_and_go_on_with_the_next_deal() throws IOException {
    // GIVEN a rule that inserts a fact its own condition matches, forever
    Files.writeString(pack.resolve("loop.drl"), """
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
    Files.writeString(pack.resolve("messages_fr.properties"), "LOOP.title=t\nLOOP.message=m\nSEED.title=t\nSEED.message=m\n");
    Files.writeString(pack.resolve("messages_en.properties"), "LOOP.title=t\nLOOP.message=m\nSEED.title=t\nSEED.message=m\n");
    RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("workspace", pack)));
    DealAuditor auditor = new DealAuditor(rules, new FindingFactory(rules.messages(), Locale.FRENCH, WORKSPACE.settings()), 100);
    PreparedDeal deal = deal(WORKSPACE, "D-1", stage("prospection", "01"));
    // WHEN / THEN
    assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:7"))
        .isInstanceOf(RuleLoopException.class)
        .hasMessage("the rules fired more than 100 times on deal at deals.jsonl:7: a rule probably re-triggers itself (it modifies or inserts a fact its own conditions match)");
    assertThatThrownBy(() -> auditor.audit(deal, "deals.jsonl:8")).isInstanceOf(RuleLoopException.class).hasMessageContaining("deals.jsonl:8");
  }
}
