package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace rule that fails on some deals (here it negates an amount the deal does not have)
 * makes those deals not assessable for it, named with the rule and the deal's line; the other rules
 * judge them, the audit goes on, and the counts reconcile. Past --max-rule-failures (or
 * vigie.yaml's max-rule-failures) deals, the audit stops with exit 2.
 */
class RuleFailuresTest {

    @TempDir Path dir;
    Path workspace;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    static String deal(String id, String amount) {
        return "{\"id\":\""
                + id
                + "\",\"createdAt\":\"2026-09-01T09:00:00+02:00\""
                + (amount == null ? "" : ",\"amount\":" + amount)
                + ",\"stages\":[{\"stage\":\"proposition\",\"at\":\"2026-09-01T09:00:00+02:00\"},"
                + "{\"stage\":\"gagne\",\"at\":\"2026-09-10T09:00:00+02:00\"}],\"outcome\":\"won\","
                + "\"closedAt\":\"2026-09-10T09:00:00+02:00\"}";
    }

    @BeforeEach
    void a_workspace_whose_own_rule_fails_on_deals_without_an_amount() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(
                workspace.resolve("rules/acme.drl"),
                """
                package acme;
                import fr.vigie.deals.model.Deal;
                import fr.vigie.audit.facts.Violation;
                rule "Negated amount"
                    @id("ACME-NEGATE") @severity("minor") @lever("process")
                when
                    $deal : Deal()
                then
                    insert(Violation.on($deal).with("negated", $deal.amount().negate()));
                end
                """);
        String messages = "ACME-NEGATE.title=Negated\nACME-NEGATE.message=negated {negated}\n";
        Files.writeString(workspace.resolve("rules/messages_fr.properties"), messages);
        Files.writeString(workspace.resolve("rules/messages_en.properties"), messages);
        // lines 1 and 3 have an amount, 2 and 4 do not
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                String.join(
                                "\n",
                                deal("D-1", "1000"),
                                deal("D-2", null),
                                deal("D-3", "2000"),
                                deal("D-4", null))
                        + "\n");
    }

    int vigie(String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "audit",
                                workspace.toString(),
                                "--period",
                                "2026-Q3",
                                "--out",
                                dir.resolve("out").toString(),
                                "--standard-rules",
                                "rules",
                                "-q",
                                "--fail-on",
                                "none",
                                "--format",
                                "md,json"));
        args.addAll(List.of(options));
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    @Test
    void should_report_the_deals_a_rule_failed_on_as_not_assessable_for_it_and_audit_the_rest()
            throws IOException {
        // WHEN
        int code = vigie();

        // THEN the audit went on: every deal audited, the standard rules judged them all
        assertThat(code).as("stderr: %s", err).isEqualTo(ExitCodes.OK);
        JsonNode findings = new ObjectMapper().readTree(dir.resolve("out/findings.json").toFile());
        JsonNode summary = findings.get("summary");
        assertThat(summary.get("reconciliation").get("read").asLong()).isEqualTo(4);
        assertThat(summary.get("reconciliation").get("audited").asLong()).isEqualTo(4);
        assertThat(summary.get("reconciliation").get("reconciles").asBoolean()).isTrue();
        List<String> negated = new ArrayList<>();
        List<String> standard = new ArrayList<>();
        for (JsonNode finding : findings.get("findings")) {
            (finding.get("rule").asText().equals("ACME-NEGATE") ? negated : standard)
                    .add(finding.get("deal").asText());
        }
        assertThat(negated).containsExactly("D-1", "D-3");
        assertThat(standard).contains("D-2", "D-4");
        // the two others are not assessable for the rule, named with their line and why
        JsonNode gap = summary.get("coverage").get("notAssessable").get(0);
        assertThat(gap.get("rule").asText()).isEqualTo("ACME-NEGATE");
        assertThat(gap.get("deals").asLong()).isEqualTo(2);
        assertThat(gap.get("assessed").asLong()).isEqualTo(2);
        assertThat(gap.get("failed").toString())
                .isEqualTo(
                        "[{\"deal\":\"D-2\",\"source\":\""
                                + workspace.resolve("deals/2026-Q3.jsonl")
                                + ":2\",\"reason\":\"NullPointerException\"},"
                                + "{\"deal\":\"D-4\",\"source\":\""
                                + workspace.resolve("deals/2026-Q3.jsonl")
                                + ":4\",\"reason\":\"NullPointerException\"}]");
        assertThat(summary.get("coverage").get("notAssessable")).hasSize(1);
        assertThat(out.toString())
                .contains(
                        "  non évaluable (la règle a échoué) sur 2 affaires sur 4 : ACME-NEGATE ("
                                + workspace.resolve("deals/2026-Q3.jsonl")
                                + ":2: NullPointerException; "
                                + workspace.resolve("deals/2026-Q3.jsonl")
                                + ":4: NullPointerException)\n");
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains(
                        "Negated (ACME-NEGATE) : 2 affaires sur 4 non évaluables, la règle a"
                                + " échoué sur elles : D-2 (");
    }

    @Test
    void should_stop_with_exit_2_once_rules_failed_on_more_deals_than_allowed() {
        // WHEN one failing deal is allowed, and two fail
        int code = vigie("--max-rule-failures", "1");

        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR).isEqualTo(2);
        assertThat(err.toString())
                .startsWith(
                        "vigie: rules failed on 2 deals, more than the 1 allowed"
                                + " (--max-rule-failures, or max-rule-failures in vigie.yaml); the"
                                + " last: rule ACME-NEGATE ("
                                + workspace.resolve("rules/acme.drl"))
                .contains(
                        " failed on the deal at "
                                + workspace.resolve("deals/2026-Q3.jsonl")
                                + ":4: NullPointerException;")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("out/findings.json")).doesNotExist();
    }

    @Test
    void should_take_the_limit_from_vigie_yaml_and_let_the_option_override_it() throws IOException {
        // GIVEN vigie.yaml stops at the first failing deal
        Files.writeString(
                workspace.resolve("vigie.yaml"),
                "max-rule-failures: 0\n",
                java.nio.file.StandardOpenOption.APPEND);

        // WHEN / THEN
        assertThat(vigie()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).startsWith("vigie: rules failed on 1 deals, more than the 0");
        assertThat(vigie("--max-rule-failures", "2")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void should_refuse_a_limit_that_is_not_a_whole_number() throws IOException {
        Files.writeString(
                workspace.resolve("vigie.yaml"),
                "max-rule-failures: many\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(vigie()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "max-rule-failures is 'many'; write a whole number of deals, 0 or more,"
                                + " such as 10");
        assertThat(vigie("--max-rule-failures", "-1")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains("--max-rule-failures must be a whole number from 0 to 999999999");
    }
}
