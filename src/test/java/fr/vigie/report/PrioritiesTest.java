package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deals worth a look are ranked by the money at stake in their findings and the findings'
 * severity, not by how many findings they have.
 */
class PrioritiesTest {

    private static final String AT = "T09:00:00+02:00";

    @TempDir Path dir;

    private static String deal(
            String id, long amount, String created, String closed, String stages, String extra) {
        return "{\"id\":\""
                + id
                + "\",\"name\":\"Affaire "
                + id
                + "\",\"account\":{\"name\":\"Client "
                + id
                + "\"},\"owner\":\"a.martin\",\"team\":\"Nord\","
                + "\"amount\":"
                + amount
                + ",\"currency\":\"EUR\",\"createdAt\":\""
                + created
                + AT
                + "\""
                + (closed == null ? "" : ",\"closedAt\":\"" + closed + AT + "\"")
                + ",\"stages\":["
                + stages
                + "]"
                + extra
                + "}\n";
    }

    private static String stage(String stage, String day) {
        return "{\"stage\":\"" + stage + "\",\"at\":\"2026-" + day + AT + "\"}";
    }

    @Test
    void should_put_first_the_deal_with_the_most_money_at_stake_and_leave_out_a_date_typo()
            throws IOException {
        // GIVEN a small deal that skipped two stages (two major findings), a big one that skipped
        // one,
        // and a bigger deal whose only problem is a close date typed a year early
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                deal(
                                "D-SMALL",
                                1000,
                                "2026-07-01",
                                null,
                                stage("prospection", "07-01") + "," + stage("negociation", "07-10"),
                                ",\"outcome\":\"open\"")
                        + deal(
                                "D-BIG",
                                500000,
                                "2026-07-01",
                                null,
                                stage("prospection", "07-01") + "," + stage("proposition", "07-10"),
                                ",\"outcome\":\"open\"")
                        + deal(
                                "D-TYPO",
                                900000,
                                "2026-07-10",
                                "2025-07-25",
                                stage("prospection", "07-10")
                                        + ","
                                        + stage("qualification", "07-12")
                                        + ","
                                        + stage("proposition", "07-15")
                                        + ","
                                        + stage("negociation", "07-20")
                                        + ","
                                        + stage("gagne", "07-25"),
                                ",\"outcome\":\"won\",\"fields\":{\"budget\":\"oui\",\"decideur\":\"oui\"},"
                                    + "\"activities\":[{\"type\":\"rendez-vous\",\"at\":\"2026-07-11"
                                        + AT
                                        + "\",\"by\":\"a.martin\"}],"
                                        + "\"documents\":[{\"type\":\"devis\",\"at\":\"2026-07-14"
                                        + AT
                                        + "\"},{\"type\":\"bon-de-commande\",\"at\":\"2026-07-24"
                                        + AT
                                        + "\"}]"));

        // WHEN the quarter is audited
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "--format",
                        "md",
                        "--standard-rules",
                        "rules",
                        "-q");
        String md =
                Files.readString(
                        workspace.resolve("out/2026-Q3/report.md"), StandardCharsets.UTF_8);

        // THEN the big deal comes first, with its money at stake, the small one second, the date
        // typo not at all
        assertThat(code).as("stderr: %s", err).isEqualTo(1);
        String spotlights =
                md.substring(
                                md.indexOf("## Les affaires à regarder en priorité"),
                                md.indexOf("## Recommandations, par levier"))
                        .replace('\u202f', ' ')
                        .replace('\u00a0', ' ');
        assertThat(spotlights)
                .contains(
                        "### D-BIG",
                        "En jeu : 500 000 € (écart majeur)",
                        "### D-SMALL",
                        "En jeu : 1 000 € (écart majeur)")
                .doesNotContain("D-TYPO");
        assertThat(spotlights.indexOf("### D-BIG")).isLessThan(spotlights.indexOf("### D-SMALL"));
    }
}
