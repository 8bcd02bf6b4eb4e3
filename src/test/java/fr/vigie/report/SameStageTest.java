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
 * "Does the process pay" compares deals that reached the same stage, with Wilson intervals, and
 * says when deviating deals win more.
 */
class SameStageTest {

    private static final String AT = "T09:00:00+02:00";

    @TempDir Path dir;

    @Test
    void
            should_compare_deals_at_the_same_stage_and_point_to_the_process_when_deviating_deals_win_more()
                    throws IOException {
        // GIVEN 20 deals that left Qualification without its meeting and information, then won,
        // and 20 deals that followed the process and were lost
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        StringBuilder deals = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            deals.append(
                    deal(
                            "D-DEV-" + i,
                            "gagne",
                            "won",
                            "",
                            ",\"documents\":[{\"type\":\"devis\",\"at\":\"2026-07-09"
                                    + AT
                                    + "\"},"
                                    + "{\"type\":\"bon-de-commande\",\"at\":\"2026-07-14"
                                    + AT
                                    + "\"}]"));
            deals.append(
                    deal(
                            "D-FOL-" + i,
                            "perdu",
                            "lost",
                            ",\"fields\":{\"budget\":\"oui\",\"decideur\":\"oui\",\"concurrent\":\"X\"},"
                                + "\"activities\":[{\"type\":\"rendez-vous\",\"at\":\"2026-07-02"
                                    + AT
                                    + "\",\"by\":\"a.martin\"}]",
                            ",\"documents\":[{\"type\":\"devis\",\"at\":\"2026-07-09"
                                    + AT
                                    + "\"}]"));
        }
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), deals.toString());

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
                Files.readString(workspace.resolve("out/2026-Q3/report.md"), StandardCharsets.UTF_8)
                        .replace('\u202f', ' ')
                        .replace('\u00a0', ' ');

        // THEN at Proposition, 0 of 20 followed deals won against 20 of 20 deviating ones, with
        // their intervals, significantly
        assertThat(code).as("stderr: %s", err).isEqualTo(1);
        assertThat(md)
                .contains(
                        "| Proposition (standard) | 0,0 % [0,0 – 16,1] (n = 20) | 100,0 % [83,9 –"
                                + " 100,0] (n = 20) | significative |");
        assertThat(md)
                .contains(
                        "À l'étape Proposition, les affaires qui s'étaient écartées du processus"
                            + " gagnent plus souvent (100,0 % contre 0,0 %), au-delà du hasard :"
                            + " c'est le processus qu'il faut revoir à cette étape (levier « Les"
                            + " bons processus »), pas les commerciaux.");
        // AND Qualification, where no deal had deviated before, is not compared
        assertThat(md).doesNotContain("| Qualification (standard) |");
    }

    private static String deal(
            String id, String end, String outcome, String qualification, String documents) {
        return "{\"id\":\""
                + id
                + "\",\"account\":{\"name\":\"Client\"},\"owner\":\"a.martin\",\"team\":\"Nord\",\"amount\":1000,\"currency\":\"EUR\","
                + "\"createdAt\":\"2026-07-01"
                + AT
                + "\",\"closedAt\":\"2026-07-15"
                + AT
                + "\",\"outcome\":\""
                + outcome
                + "\""
                + qualification
                + ",\"stages\":[{\"stage\":\"qualification\",\"at\":\"2026-07-01"
                + AT
                + "\"},{\"stage\":\"proposition\",\"at\":\"2026-07-05"
                + AT
                + "\"},"
                + "{\"stage\":\"negociation\",\"at\":\"2026-07-10"
                + AT
                + "\"},{\"stage\":\""
                + end
                + "\",\"at\":\"2026-07-15"
                + AT
                + "\"}]"
                + documents
                + "}\n";
    }
}
