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
 * Words a CEO notices: plural forms in both languages, units after numbers, the workspace currency
 * for deals without one, "sans équipe" for deals without a team, and the signature delay of won
 * deals.
 */
class ReportWordsTest {

    private static final String AT = "T09:00:00+02:00";

    @TempDir Path dir;

    private String audit(String lang) throws IOException {
        // GIVEN a deal without currency nor team, open in Prospection since July (30 days allowed),
        // a deal won in 20 days and a deal lost in 2 days
        Path workspace = fr.vigie.SmallWorkspace.in(dir.resolve(lang));
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                "{\"id\":\"D-OPEN\",\"owner\":\"a.martin\",\"amount\":122000,\"createdAt\":\"2026-07-01"
                        + AT
                        + "\",\"outcome\":\"open\","
                        + "\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-07-01"
                        + AT
                        + "\"}]}\n"
                        + "{\"id\":\"D-WON\",\"owner\":\"b.roux\",\"team\":\"Nord\",\"amount\":1000,\"currency\":\"EUR\",\"createdAt\":\"2026-07-01"
                        + AT
                        + "\","
                        + "\"closedAt\":\"2026-07-21"
                        + AT
                        + "\",\"outcome\":\"won\",\"stages\":[{\"stage\":\"negociation\",\"at\":\"2026-07-01"
                        + AT
                        + "\"},"
                        + "{\"stage\":\"gagne\",\"at\":\"2026-07-21"
                        + AT
                        + "\"}],\"documents\":[{\"type\":\"bon-de-commande\",\"at\":\"2026-07-20"
                        + AT
                        + "\"}]}\n"
                        + "{\"id\":\"D-LOST\",\"owner\":\"b.roux\",\"team\":\"Nord\",\"amount\":1000,\"currency\":\"EUR\",\"createdAt\":\"2026-07-01"
                        + AT
                        + "\","
                        + "\"closedAt\":\"2026-07-03"
                        + AT
                        + "\",\"outcome\":\"lost\",\"fields\":{\"concurrent\":\"X\"},\"stages\":[{\"stage\":\"negociation\",\"at\":\"2026-07-01"
                        + AT
                        + "\"},{\"stage\":\"perdu\",\"at\":\"2026-07-03"
                        + AT
                        + "\"}]}\n");
        // WHEN the quarter is audited in that language
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
                        "--lang",
                        lang,
                        "-q");
        assertThat(code).as("stderr: %s", err).isBetween(0, 1);
        return Files.readString(workspace.resolve("out/2026-Q3/report.md"), StandardCharsets.UTF_8)
                .replace('\u202f', ' ')
                .replace('\u00a0', ' ');
    }

    @Test
    void should_write_french_plurals_units_the_workspace_currency_and_sans_equipe()
            throws IOException {
        String md = audit("fr");
        // THEN
        assertThat(md).contains("- Affaires auditées : 3 (124 000 €)").doesNotContain("000 ?)");
        assertThat(md).contains("(0 affaire sur 3)");
        assertThat(md).contains("| sans équipe | 0 € |");
        assertThat(md)
                .contains(
                        "est restée 92 jours en Prospection (depuis le 1 juil. 2026) ; le processus"
                                + " en autorise 30 jours.");
        // AND the signature delay is the won deal's 20 days, not the average with the deal lost in
        // 2 days
        assertThat(md).contains("| Nord | 1 000 € | — | — | 2 | 50,0 % | — | 500 € | 20 j | 0 € |");
    }

    @Test
    void should_write_english_plurals_and_units() throws IOException {
        String md = audit("en");
        // THEN
        assertThat(md).contains("(0 of 3 deals)");
        assertThat(md).contains("| no team |");
        assertThat(md)
                .contains(
                        "stayed 92 days in Prospection (since Jul 1, 2026); the process allows 30"
                                + " days.");
    }
}
