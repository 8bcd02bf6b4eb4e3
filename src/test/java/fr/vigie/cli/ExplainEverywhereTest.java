package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigie explain reads every source vigie audit reads, with the same options, in the language asked
 * for.
 */
class ExplainEverywhereTest {

    static final String WORKSPACE = "fixtures/durand-industrie";
    @TempDir Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int vigie(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--standard-rules";
        all[args.length + 1] = "rules";
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), all);
    }

    /** The explanation without its first line, which names where the deal was read. */
    String explanation() {
        String text = out.toString();
        return text.substring(text.indexOf('\n') + 1);
    }

    @Test
    void should_explain_a_deal_of_a_salesforce_export_found_by_its_files() {
        // WHEN
        int code =
                vigie(
                        "explain",
                        WORKSPACE,
                        "--deals",
                        "fixtures/durand-industrie-salesforce",
                        "--period",
                        "2026-Q3",
                        "--deal",
                        "0065g0000Opp002IAQ",
                        "--lang",
                        "en");
        // THEN
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .startsWith(
                        "Deal 0065g0000Opp002IAQ"
                                + " (fixtures/durand-industrie-salesforce/Opportunity.csv:3)")
                .contains(
                        "2026-07-20  stage   Négociation [negociation] — 73 days (max 60), still"
                                + " there by t.bernard")
                .contains("2026-07-20          ↳ skipped Découverte du besoin, Proposition")
                .contains("FIRED  PROC-SKIP-STAGE — Stage skipped (2 times)");
    }

    @Test
    void
            should_explain_a_deal_of_a_salesforce_export_with_the_source_and_mapping_given_as_for_an_audit() {
        int code =
                vigie(
                        "explain",
                        WORKSPACE,
                        "--deals",
                        "fixtures/durand-industrie-salesforce",
                        "--period",
                        "2026-Q3",
                        "--source",
                        "salesforce",
                        "--mapping",
                        "fixtures/durand-industrie-salesforce/sources/salesforce.yaml",
                        "--deal",
                        "0065g0000Opp002IAQ",
                        "--lang",
                        "en");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("FIRED  PROC-SKIP-STAGE — Stage skipped (2 times)");
    }

    @Test
    void
            should_explain_a_deal_of_vigies_own_xes_export_as_it_explains_the_deal_it_was_written_from() {
        // GIVEN the period exported by vigie export --xes, and the deal explained from its own file
        Path log = dir.resolve("2026-Q3.xes");
        assertThat(
                        vigie(
                                "export",
                                WORKSPACE,
                                "--xes",
                                "--period",
                                "2026-Q3",
                                "--out",
                                log.toString(),
                                "-q"))
                .as(err.toString())
                .isZero();
        assertThat(
                        vigie(
                                "explain",
                                WORKSPACE,
                                "--period",
                                "2026-Q3",
                                "--deal",
                                "DI-26-00001",
                                "--lang",
                                "en"))
                .isZero();
        String fromJsonLines = explanation();
        // WHEN
        int code =
                vigie(
                        "explain",
                        WORKSPACE,
                        "--deals",
                        log.toString(),
                        "--deal",
                        "DI-26-00001",
                        "--lang",
                        "en");
        // THEN
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Deal DI-26-00001 (" + log + ":");
        assertThat(explanation())
                .isEqualTo(fromJsonLines)
                .contains(
                        "2026-09-27  stage   Négociation [negociation] — 4 days (max 60), still"
                                + " there");
    }

    @Test
    void should_explain_in_the_workspaces_language_unless_another_is_asked_for() {
        assertThat(vigie("explain", WORKSPACE, "--period", "2026-Q3", "--deal", "DI-26-00001"))
                .isZero();
        assertThat(out.toString())
                .startsWith("Affaire DI-26-00001 (")
                .contains("Chronologie")
                .contains(
                        "2026-08-14  étape   Prospection [prospection] — 9 jours (max 30) par"
                                + " c.martin")
                .contains("autres règles en vigueur ne se sont pas déclenchées");
        assertThat(
                        vigie(
                                "explain",
                                WORKSPACE,
                                "--period",
                                "2026-Q3",
                                "--deal",
                                "DI-26-00001",
                                "--lang",
                                "en"))
                .isZero();
        assertThat(out.toString())
                .startsWith("Deal DI-26-00001 (")
                .contains("Timeline")
                .contains("2026-08-14  stage   Prospection [prospection] — 9 days");
        assertThat(
                        vigie(
                                "explain",
                                WORKSPACE,
                                "--period",
                                "2026-Q3",
                                "--deal",
                                "DI-26-00001",
                                "--lang",
                                "de"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--lang must be fr or en, not 'de'");
    }

    @Test
    void should_say_that_a_deal_outside_the_period_is_not_audited_and_judge_one_inside_it() {
        // GIVEN a one-row-per-deal export of 2017-Q1 holding a deal won on 2016-12-20
        String[] asked = snapshot2017Q1("--deal");
        // WHEN
        int outside = vigie(concat(asked, "TWJSJRQC"));
        String outsideText = out.toString();
        int inside = vigie(concat(asked, "MV1LWRNH"));
        // THEN the deal of 2016 is named outside the period, as vigie audit counts it, not judged
        assertThat(outside).as(err.toString()).isZero();
        assertThat(outsideText)
                .contains("Not audited: the deal is outside the period 2017-Q1 (open during)")
                .doesNotContain("Rules");
        // AND a deal of the quarter is judged
        assertThat(inside).as(err.toString()).isZero();
        assertThat(out.toString()).doesNotContain("Not audited").contains("2017-Q1");
    }

    @Test
    void should_choose_the_period_s_deals_as_deals_in_period_on_the_command_line_says() {
        // GIVEN a deal of 2017-Q1 still open at its end
        String[] asked = snapshot2017Q1("--deals-in-period", "closed-during", "--deal");
        // WHEN it is explained with the period's deals being those closed during it
        int code = vigie(concat(asked, "9ME3374G"));
        // THEN it is outside the period, as vigie audit --deals-in-period closed-during counts it
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Not audited: the deal is outside the period 2017-Q1 (closed during)");
    }

    /** vigie explain of the one-row-per-deal export of 2017-Q1, in English, then {@code more}. */
    private static String[] snapshot2017Q1(String... more) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "explain",
                                "fixtures/crm-snapshot",
                                "--deals",
                                "fixtures/crm-snapshot/deals/2017-Q1",
                                "--period",
                                "2017-Q1",
                                "--lang",
                                "en"),
                        java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }
}
