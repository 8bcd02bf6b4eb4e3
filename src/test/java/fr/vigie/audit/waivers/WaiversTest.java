package fr.vigie.audit.waivers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waivers as data: accepted findings leave the conformity rate, stay visible, and stale waivers are
 * reported.
 */
class WaiversTest {

    @TempDir Path dir;
    Path workspace;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    /** Skips qualification and negotiation, with what qualification requires all the same. */
    static final String SKIPPING =
            "{\"id\":\"D-2\",\"createdAt\":\"2026-09-01T09:00:00+02:00\",\"fields\":{\"budget\":\"oui\",\"decideur\":\"oui\"},"
                + "\"activities\":[{\"type\":\"rendez-vous\",\"at\":\"2026-09-01T09:00:00+02:00\"}],\"stages\":[{\"stage\":\"proposition\",\"at\":\"2026-09-01T09:00:00+02:00\"},"
                + "{\"stage\":\"gagne\",\"at\":\"2026-09-10T09:00:00+02:00\"}],\"outcome\":\"won\",\"closedAt\":\"2026-09-10T09:00:00+02:00\","
                + "\"documents\":[{\"type\":\"devis\",\"at\":\"2026-09-02T09:00:00+02:00\"},{\"type\":\"bon-de-commande\",\"at\":\"2026-09-10T09:00:00+02:00\"}]}";

    @BeforeEach
    void a_workspace_with_one_deviating_deal() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), SKIPPING + "\n");
    }

    int vigie(String... args) {
        String[] all =
                java.util.stream.Stream.concat(
                                java.util.Arrays.stream(args),
                                java.util.stream.Stream.of("--standard-rules", "rules", "-q"))
                        .toArray(String[]::new);
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), all);
    }

    /** The report as a whole: the CEO's part, then the appendix (where waivers are listed). */
    String report() throws IOException {
        return Files.readString(workspace.resolve("out/2026-Q3/report.md"))
                + Files.readString(workspace.resolve("out/2026-Q3/report-appendix.md"));
    }

    @Test
    void
            should_take_a_waived_finding_out_of_the_conformity_rate_and_show_it_with_its_justification()
                    throws IOException {
        // GIVEN
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                """
                waivers:
                  - rule: PROC-SKIP-STAGE
                    deal: D-2
                    justification: Affaire reprise d'un concurrent, négociée d'emblée.
                    accepted-by: p.durand
                    until: 2026-12-31
                """);
        // WHEN
        int code = vigie("audit", workspace.toString());
        // THEN
        assertThat(code).isZero();
        assertThat(out.toString()).contains("conformité 100,0 % (1 affaire sur 1), 0 constat");
        assertThat(report())
                .contains(
                        "Constats levés : 2 (acceptés dans waivers.yaml, hors du taux de"
                                + " conformité)")
                .contains(
                        "Levé : Affaire reprise d'un concurrent, négociée d'emblée. — accepté par"
                                + " p.durand jusqu'au 31 déc. 2026");
        assertThat(Files.readString(workspace.resolve("out/2026-Q3/findings.json")))
                .contains("\"waiver\":{\"justification\":\"Affaire reprise");
    }

    @Test
    void should_report_an_expired_waiver_and_one_that_matches_nothing() throws IOException {
        // GIVEN
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                """
                waivers:
                  - { rule: PROC-SKIP-STAGE, deal: D-2, justification: ancien accord, accepted-by: p.durand, until: 2026-06-30 }
                  - { finding: F-0000000000AB, justification: erreur de saisie, accepted-by: s.morel, until: 2026-12-31 }
                """);
        // WHEN
        int code = vigie("audit", workspace.toString());
        // THEN
        assertThat(code).isEqualTo(1);
        assertThat(report())
                .contains(
                        "waivers.yaml:2:5: la dérogation de PROC-SKIP-STAGE sur D-2 a expiré le 30"
                                + " juin 2026 ; elle n'a pas été appliquée")
                .contains(
                        "waivers.yaml:3:5: la dérogation de F-0000000000AB ne correspond à aucun"
                                + " constat de cette analyse");
    }

    @Test
    void should_refuse_a_waiver_without_justification_or_end_with_its_location()
            throws IOException {
        // GIVEN
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                """
                waivers:
                  - rule: PROC-SKIP-STAEG
                    deal: D-2
                    accepted-by: p.durand
                """);
        // WHEN
        int code = vigie("audit", workspace.toString());
        // THEN
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "waivers.yaml:2:11: unknown rule 'PROC-SKIP-STAEG' (did you mean"
                                + " 'PROC-SKIP-STAGE'?)")
                .contains("waivers.yaml:2:5: a waiver needs 'justification'")
                .contains(
                        "waivers.yaml:2:5: a waiver needs 'until': the date it ends (a waiver is"
                                + " never forever)");
    }
}
