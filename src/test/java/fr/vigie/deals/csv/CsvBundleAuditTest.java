package fr.vigie.deals.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample bundle (fixtures/durand-industrie-csv) audited against the Durand Industrie workspace,
 * as is and with defects added: every deal row and every event row is accounted for.
 */
class CsvBundleAuditTest {

    private static final Path SAMPLE = Path.of("fixtures/durand-industrie-csv/deals/2026-Q3");

    @TempDir Path dir;

    @Test
    void should_audit_every_deal_and_attach_every_event_of_the_sample_bundle() {
        // WHEN
        Run run = audit(SAMPLE);

        // THEN the sample has major findings on purpose, hence exit code 1
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("  6 enregistrements lus = 6 audités + 0 rejeté\n")
                .contains("  44 événements lus = 44 rattachés aux affaires + 0 rejeté\n");
    }

    @Test
    void should_reconcile_deals_and_events_when_a_child_row_is_bad_and_another_is_an_orphan()
            throws IOException {
        // GIVEN D-2026-105 has 7 events; one more of its activities has a date without a time
        Path bundle = copyOfSample();
        Files.writeString(
                bundle.resolve("activities.csv"),
                "D-2026-105;appel;2026-07-12;m.fournier;\n"
                        + "D-2026-999;appel;2026-07-12T10:00:00+02:00;a.petit;\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        // WHEN
        Run run = audit(bundle);

        // THEN
        assertThat(run.out())
                .contains("  6 enregistrements lus = 5 audités + 1 rejeté (voir rejected.csv)\n")
                .contains("  46 événements lus = 37 rattachés aux affaires + 9 rejetés\n");
        List<String> rejected =
                Files.readAllLines(dir.resolve("out/rejected.csv"), StandardCharsets.UTF_8);
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(1))
                .contains(
                        "deals.csv;6;;D-2026-105;\"its activity at activities.csv:11:18 could not"
                                + " be read: bad date");
        assertThat(rejected.get(2))
                .contains(
                        "activities.csv;11;18;D-2026-105;\"bad date: at '2026-07-12' is not a"
                                + " date-time");
        assertThat(rejected.get(3))
                .contains("activities.csv;12;1;D-2026-999;no deal 'D-2026-999' in deals.csv");
    }

    private Path copyOfSample() throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("2026-Q3"));
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, bundle.resolve(file.getFileName()));
            }
        }
        return bundle;
    }

    private Run audit(Path bundle) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "audit",
                        "fixtures/durand-industrie",
                        "--deals",
                        bundle.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        dir.resolve("out").toString(),
                        "--standard-rules",
                        "rules",
                        "-q");
        return new Run(code, out.toString().replace("\r\n", "\n"), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
