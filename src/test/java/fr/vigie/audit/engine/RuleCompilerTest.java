package fr.vigie.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.model.Lever;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.common.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {

    @TempDir Path pack;

    static final String GOOD =
            """
            package acme;

            import fr.vigie.deals.model.Deal;
            import fr.vigie.audit.facts.Violation;

            rule "A big deal names its economic buyer"
                @id("ACME-BIG-BUYER") @severity("major") @lever("process") @version("2") @params("amount=100000")
            when
                $deal : Deal( amount != null, amount > 100000, !hasField("decideur-economique") )
            then
                insert(Violation.on($deal));
            end
            """;

    void write(String name, String text) throws IOException {
        Files.writeString(pack.resolve(name), text);
    }

    void messages() throws IOException {
        write(
                "messages_fr.properties",
                "ACME-BIG-BUYER.title=Grosse affaire\nACME-BIG-BUYER.message=L'affaire {deal}\n");
        write(
                "messages_en.properties",
                "ACME-BIG-BUYER.title=Big deal\nACME-BIG-BUYER.message=Deal {deal}\n");
    }

    List<String> problems() {
        return problems(false);
    }

    List<String> problems(boolean trusted) {
        Problems problems = new Problems();
        RuleCompiler.compile(List.of(new RuleSource("workspace", pack, trusted)), problems);
        return problems.all().stream().map(Problem::toString).toList();
    }

    @Test
    void should_read_the_metadata_of_every_rule() throws IOException {
        // GIVEN
        write("big.drl", GOOD);
        messages();
        // WHEN
        RuleBase base = RuleCompiler.compile(List.of(new RuleSource("workspace", pack)));
        // THEN
        RuleInfo rule = base.rule("ACME-BIG-BUYER").orElseThrow();
        assertThat(rule.severity()).isEqualTo(Severity.MAJOR);
        assertThat(rule.lever()).isEqualTo(Lever.PROCESS);
        assertThat(rule.version()).isEqualTo("2");
        assertThat(rule.params()).containsEntry("amount", "100000");
        assertThat(rule.location().toString())
                .isEqualTo(DisplayPath.of(pack.resolve("big.drl")) + ":6:1");
    }

    @Test
    void should_read_what_a_rule_needs_from_an_export() throws IOException {
        // GIVEN
        write(
                "big.drl",
                GOOD.replace(
                        "@params(\"amount=100000\")",
                        "@params(\"amount=100000\") @needs(\"stage-history, activities\")"));
        messages();
        // WHEN
        RuleInfo rule =
                RuleCompiler.compile(List.of(new RuleSource("workspace", pack)))
                        .rule("ACME-BIG-BUYER")
                        .orElseThrow();
        // THEN
        assertThat(rule.needs())
                .containsExactlyInAnyOrder(
                        fr.vigie.common.Evidence.STAGE_HISTORY,
                        fr.vigie.common.Evidence.ACTIVITIES);
        assertThat(rule.missing(java.util.EnumSet.of(fr.vigie.common.Evidence.ACTIVITIES)))
                .containsExactly(fr.vigie.common.Evidence.STAGE_HISTORY);
        assertThat(rule.missing(fr.vigie.common.Evidence.all())).isEmpty();
    }

    @Test
    void should_refuse_a_need_that_is_not_evidence_an_export_carries() throws IOException {
        // GIVEN
        write(
                "big.drl",
                GOOD.replace(
                        "@params(\"amount=100000\")",
                        "@params(\"amount=100000\") @needs(\"stage-histroy\")"));
        messages();
        // WHEN / THEN
        assertThat(problems())
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":6:1: rule ACME-BIG-BUYER: @needs names 'stage-histroy', which"
                                + " is not evidence an export carries; write some of stage-history,"
                                + " activities, approvals, line-items, field-history, documents,"
                                + " loss-reason (did you mean 'stage-history'?)");
    }

    @Test
    void should_locate_a_syntax_error_at_its_line_and_column() throws IOException {
        // GIVEN
        write("big.drl", GOOD.replace("amount > 100000,", "amount > ,"));
        messages();
        // WHEN / THEN
        assertThat(problems())
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":9:44: no viable alternative at input ',' in rule \"A big deal"
                                + " names its economic buyer\"");
    }

    @Test
    void should_locate_an_unknown_type_at_its_rule() throws IOException {
        // GIVEN
        write("big.drl", GOOD.replace("$deal : Deal(", "$deal : Dael("));
        messages();
        // WHEN / THEN a trusted pack gets the compiler's message, a workspace the check's
        assertThat(problems(true))
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":9: Unable to resolve ObjectType 'Dael'");
        assertThat(problems())
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":9:5: the fact type 'Dael' is not allowed in a workspace rule:"
                                + " match one of Vigie's facts or a type the file declares"
                                + " (docs/writing-rules.md#the-rule-api) (did you mean 'Deal'?)");
    }

    @Test
    void should_refuse_a_rule_without_id_severity_or_lever() throws IOException {
        // GIVEN
        write(
                "big.drl",
                GOOD.replace(
                        "@id(\"ACME-BIG-BUYER\") @severity(\"major\") @lever(\"process\")",
                        "@severity(\"huge\")"));
        messages();
        // WHEN / THEN
        assertThat(problems())
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":6:1: rule 'A big deal names its economic buyer' has no"
                                + " @id(\"...\"): every rule needs a stable id such as"
                                + " @id(\"ACME-DISCOUNT-MEMO\")");
    }

    @Test
    void should_locate_a_query_without_id_at_its_line() throws IOException {
        // GIVEN a query after the rule, without metadata, in a trusted pack (a workspace may not
        // write queries)
        write(
                "big.drl",
                GOOD + "\nquery \"big deals\"\n    $deal : Deal( amount > 100000 )\nend\n");
        messages();
        // WHEN / THEN
        assertThat(problems(true))
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":14:1: query 'big deals' has no @id(\"...\"): every rule needs a"
                                + " stable id such as @id(\"ACME-DISCOUNT-MEMO\")");
    }

    @Test
    void should_refuse_a_rule_without_its_messages_in_both_languages() throws IOException {
        // GIVEN
        write("big.drl", GOOD);
        write(
                "messages_fr.properties",
                "ACME-BIG-BUYER.title=Grosse affaire\nACME-BIG-BUYER.message=L'affaire {deal}\n");
        // WHEN / THEN
        assertThat(problems())
                .containsExactly(
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":6:1: rule ACME-BIG-BUYER has no title in messages_en.properties"
                                + " beside its rules: add ACME-BIG-BUYER.title=...",
                        DisplayPath.of(pack.resolve("big.drl"))
                                + ":6:1: rule ACME-BIG-BUYER has no message in"
                                + " messages_en.properties beside its rules: add"
                                + " ACME-BIG-BUYER.message=...");
    }

    @Test
    void should_refuse_two_rules_with_the_same_id() throws IOException {
        // GIVEN
        write("big.drl", GOOD);
        write("copy.drl", GOOD.replace("package acme;", "package acme2;"));
        messages();
        // WHEN / THEN
        assertThat(problems())
                .singleElement()
                .asString()
                .contains("rule id ACME-BIG-BUYER is already used by rule");
    }

    @Test
    void should_refuse_an_explaining_rule_that_does_not_exist_and_name_the_closest()
            throws IOException {
        // GIVEN a rule explained by a misspelt rule id
        write(
                "big.drl",
                GOOD.replace("@version(\"2\")", "@version(\"2\") @explainedBy(\"ACME-BIG-BUYR\")"));
        messages();
        // WHEN / THEN
        assertThat(problems())
                .singleElement()
                .asString()
                .endsWith(
                        "big.drl:6:1: rule ACME-BIG-BUYER: @explainedBy must name another rule"
                                + " judging deals, not 'ACME-BIG-BUYR' (did you mean"
                                + " 'ACME-BIG-BUYER'?)");
    }

    @Test
    void should_refuse_causes_that_explain_each_other() throws IOException {
        // GIVEN two rules, each explained by the other
        write(
                "big.drl",
                GOOD.replace("@version(\"2\")", "@version(\"2\") @explainedBy(\"ACME-OTHER\")")
                        + GOOD.substring(GOOD.indexOf("rule "))
                                .replace("A big deal names", "Another deal names")
                                .replace("ACME-BIG-BUYER", "ACME-OTHER")
                                .replace(
                                        "@version(\"2\")",
                                        "@version(\"2\") @explainedBy(\"ACME-BIG-BUYER\")"));
        write(
                "messages_fr.properties",
                "ACME-BIG-BUYER.title=A\n"
                        + "ACME-BIG-BUYER.message=A\n"
                        + "ACME-OTHER.title=B\n"
                        + "ACME-OTHER.message=B\n");
        write(
                "messages_en.properties",
                "ACME-BIG-BUYER.title=A\n"
                        + "ACME-BIG-BUYER.message=A\n"
                        + "ACME-OTHER.title=B\n"
                        + "ACME-OTHER.message=B\n");
        // WHEN / THEN
        assertThat(problems())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("@explainedBy goes round in a circle"));
    }
}
