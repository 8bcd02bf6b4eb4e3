package fr.vigie.audit.run;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The period is a filter: a deal of another period is counted as outside it, never judged, never
 * dropped (read = audited + rejected + outside the period), in the console, findings.json and the
 * report.
 */
class DealsInPeriodTest {

    /** Open at the end of 2026-Q2, created in it. */
    static final String CREATED_IN_JUNE =
            deal(
                    "D-JUNE",
                    "2026-06-20",
                    null,
                    "{\"stage\":\"prospection\",\"at\":\"2026-06-20T09:00:00+02:00\"}");

    /** Created and won in 2026-Q2. */
    static final String WON_IN_JUNE =
            "{\"id\":\"D-WON\",\"createdAt\":\"2026-06-01T09:00:00+02:00\",\"stages\":["
                + "{\"stage\":\"proposition\",\"at\":\"2026-06-01T09:00:00+02:00\"},{\"stage\":\"gagne\",\"at\":\"2026-06-10T09:00:00+02:00\"}],"
                + "\"outcome\":\"won\",\"closedAt\":\"2026-06-10T09:00:00+02:00\",\"documents\":[{\"type\":\"devis\",\"at\":\"2026-06-02T09:00:00+02:00\"},"
                + "{\"type\":\"bon-de-commande\",\"at\":\"2026-06-10T09:00:00+02:00\"}]}";

    /** Created in 2026-Q1, still open through 2026-Q2 (and stuck in prospection). */
    static final String OPEN_SINCE_FEBRUARY =
            deal(
                    "D-FEB",
                    "2026-02-04",
                    null,
                    "{\"stage\":\"prospection\",\"at\":\"2026-02-04T09:00:00+01:00\"}");

    /** Created and lost in 2026-Q1. */
    static final String LOST_IN_MARCH =
            "{\"id\":\"D-MARCH\",\"createdAt\":\"2026-01-05T09:00:00+01:00\",\"stages\":["
                + "{\"stage\":\"prospection\",\"at\":\"2026-01-05T09:00:00+01:00\"},{\"stage\":\"perdu\",\"at\":\"2026-03-20T09:00:00+01:00\"}],"
                + "\"outcome\":\"lost\",\"closedAt\":\"2026-03-20T09:00:00+01:00\"}";

    /** Created in 2026-Q3, after the period. */
    static final String CREATED_IN_JULY =
            deal(
                    "D-JULY",
                    "2026-07-05",
                    null,
                    "{\"stage\":\"prospection\",\"at\":\"2026-07-05T09:00:00+02:00\"}");

    @TempDir Path dir;
    Path workspace;

    @BeforeEach
    void a_small_workspace_with_deals_of_three_quarters() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("deals/2026-Q2.jsonl"),
                String.join(
                                "\n",
                                CREATED_IN_JUNE,
                                WON_IN_JUNE,
                                OPEN_SINCE_FEBRUARY,
                                LOST_IN_MARCH,
                                CREATED_IN_JULY)
                        + "\n");
    }

    private static String deal(String id, String created, String closed, String stages) {
        return "{\"id\":\""
                + id
                + "\",\"createdAt\":\""
                + created
                + "T09:00:00+02:00\",\"stages\":["
                + stages
                + "]"
                + (closed == null ? "" : ",\"closedAt\":\"" + closed + "\"")
                + "}";
    }

    record Run(int code, String out, String err, String json, String markdown) {

        Set<String> dealsWithFindings() {
            Set<String> deals = new TreeSet<>();
            Matcher m = Pattern.compile("\"deal\":\"([^\"]+)\"").matcher(json);
            while (m.find()) {
                deals.add(m.group(1));
            }
            return deals;
        }
    }

    Run audit(String dealsInPeriod) throws IOException {
        if (dealsInPeriod != null) {
            Files.writeString(
                    workspace.resolve("vigie.yaml"),
                    "deals-in-period: " + dealsInPeriod + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Path outDir = dir.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q2",
                        "-q",
                        "--format",
                        "json,md",
                        "--lang",
                        "en",
                        "--out",
                        outDir.toString(),
                        "--standard-rules",
                        "rules");
        if (code == 2) {
            return new Run(code, out.toString(), err.toString(), "", "");
        }
        return new Run(
                code,
                out.toString(),
                err.toString(),
                Files.readString(outDir.resolve("findings.json")),
                Files.readString(outDir.resolve("report.md")));
    }

    @Test
    void should_audit_the_deals_open_during_the_period_and_count_the_others_as_outside_it()
            throws IOException {
        // GIVEN deals created and closed before the quarter, during it, across it and after it
        // (default: open-during)
        // WHEN
        Run run = audit(null);

        // THEN the three deals open at some point in 2026-Q2 are audited, the lost one of Q1 and
        // the one of Q3 are counted outside
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("  5 records read = 3 audited + 0 rejected + 2 outside the period\n")
                .contains(
                        "  the period's deals are those open during it (deals-in-period:"
                                + " open-during in vigie.yaml)\n");
        assertThat(run.json())
                .contains(
                        "\"reconciliation\":{\"read\":5,\"audited\":3,\"rejected\":0,\"outsidePeriod\":2,\"reconciles\":true,");
        assertThat(run.markdown())
                .contains(
                        "Reconciliation: 5 records read = 3 audited + 0 rejected (see rejected.csv)"
                            + " + 2 outside the period (the period's deals are those open at some"
                            + " point during it)\n");
        assertThat(run.dealsWithFindings()).containsExactly("D-FEB", "D-WON");
    }

    @Test
    void should_audit_only_the_deals_closed_during_the_period_when_vigie_yaml_says_closed_during()
            throws IOException {
        // GIVEN
        // WHEN
        Run run = audit("closed-during");

        // THEN only the deal won in June is audited
        assertThat(run.out())
                .contains("  5 records read = 1 audited + 0 rejected + 4 outside the period\n");
        assertThat(run.json())
                .contains(
                        "\"reconciliation\":{\"read\":5,\"audited\":1,\"rejected\":0,\"outsidePeriod\":4,\"reconciles\":true,");
        assertThat(run.markdown())
                .contains(
                        "+ 4 outside the period (the period's deals are those closed during it)\n");
        assertThat(run.dealsWithFindings()).containsExactly("D-WON");
    }

    @Test
    void should_audit_only_the_deals_created_during_the_period_when_vigie_yaml_says_created_during()
            throws IOException {
        // GIVEN
        // WHEN
        Run run = audit("created-during");

        // THEN the deals created in June are audited; the one open since February is outside
        assertThat(run.out())
                .contains("  5 records read = 2 audited + 0 rejected + 3 outside the period\n");
        assertThat(run.json()).contains("\"outsidePeriod\":3,\"reconciles\":true,");
        assertThat(run.dealsWithFindings()).containsExactly("D-WON");
    }

    @Test
    void should_say_where_and_what_to_write_when_deals_in_period_is_misspelt() throws IOException {
        // GIVEN
        // WHEN
        Run run = audit("open-durring");

        // THEN
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "vigie.yaml:6:18: 'deals-in-period' in vigie.yaml is 'open-durring';"
                            + " expected one of: open-during, closed-during, created-during (did"
                            + " you mean 'open-during'?)");
    }
}
