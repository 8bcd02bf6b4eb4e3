package fr.vigie.audit.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.prepare.EffectiveRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan and report rules are fired as deal rules are (one firing helper): a rule that throws or
 * re-triggers itself stops the run named with its file and line and what it judged, never as a bug
 * in Vigie.
 */
class PlanAuditorTest {

    @TempDir Path pack;

    PlanAuditor auditor(String when, String then) throws IOException {
        Files.writeString(
                pack.resolve("report.drl"),
                """
                package acme;
                rule "Judges the figures"
                    @id("ACME-FIGURES") @severity("minor") @lever("process") @scope("report")
                when %s then %s
                end
                """
                        .formatted(when, then));
        String messages = "ACME-FIGURES.title=t\nACME-FIGURES.message=m\n";
        Files.writeString(pack.resolve("messages_fr.properties"), messages);
        Files.writeString(pack.resolve("messages_en.properties"), messages);
        RuleBase rules = RuleCompiler.compile(List.of(new RuleSource("test", pack, true)));
        return new PlanAuditor(
                rules,
                new FindingFactory(
                        rules.messages(), Locale.FRENCH, DealAuditorTest.WORKSPACE.settings()));
    }

    static EffectiveRules none() {
        return EffectiveRules.resolve(List.of(), Map.of(), null);
    }

    @Test
    void should_name_the_report_rule_that_throws() throws IOException {
        PlanAuditor auditor = auditor("$s : String()", "Object o = null; o.hashCode();");
        assertThatThrownBy(() -> auditor.recommend(List.of("figures"), none()))
                .isInstanceOf(RuleFailedException.class)
                .hasMessage(
                        "rule ACME-FIGURES ("
                                + pack.resolve("report.drl")
                                + ":2:1) failed on the run's figures: NullPointerException; the"
                                + " rule's author must fix it (a value it did not expect, such as a"
                                + " missing amount?)");
    }

    @Test
    void should_stop_the_report_rule_that_re_triggers_itself() throws IOException {
        PlanAuditor auditor = auditor("$s : String()", "insert($s + \"x\");");
        assertThatThrownBy(() -> auditor.recommend(List.of("figures"), none()))
                .isInstanceOf(RuleLoopException.class)
                .hasMessageStartingWith(
                        "rule ACME-FIGURES ("
                                + pack.resolve("report.drl")
                                + ":2:1) fired more than 10000 times on the run's figures: it"
                                + " probably re-triggers itself");
    }
}
