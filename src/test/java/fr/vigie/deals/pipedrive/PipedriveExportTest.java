package fr.vigie.deals.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.RecordOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pipedrive export of the six deals of the CSV bundle sample, with API field names: times in UTC
 * without offset, custom fields under their hashed keys, won and lost told by the status,
 * activities not done yet or about no deal.
 */
class PipedriveExportTest {

    static final Path SAMPLE = Path.of("src/test/resources/importers/pipedrive/export");
    static final Path CANONICAL = Path.of("src/test/resources/importers/pipedrive/expected.jsonl");

    @TempDir Path dir;

    @Test
    void should_read_the_sample_export_into_the_same_deals_as_its_canonical_equivalent() {
        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(SAMPLE, null, null));

        // THEN
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(outcomes))
                .containsExactlyElementsOf(Imported.canonical(CANONICAL));
    }

    @Test
    void should_count_the_activities_about_no_deal_as_skipped() {
        // GIVEN
        DealInput input = Imported.open(SAMPLE, "pipedrive", null);

        // WHEN
        Imported.read(input);

        // THEN
        assertThat(input.files())
                .extracting(
                        f ->
                                Path.of(f.file()).getFileName()
                                        + " "
                                        + f.kind()
                                        + " "
                                        + f.rows()
                                        + " "
                                        + f.skipped())
                .containsExactly(
                        "deals.csv deals 6 0",
                        "deal-changelog.csv changelog 24 0",
                        "activities.csv activities 11 1",
                        "stages.csv stages 7 7",
                        "users.csv users 7 7");
    }

    @Test
    void should_refuse_local_times_when_the_mapping_does_not_say_they_are_in_utc()
            throws IOException {
        // GIVEN
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Path mapping = export.resolve("sources/pipedrive.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, StandardCharsets.UTF_8)
                        .replace("  local-times: utc\n", "  decimal: \".\"\n"),
                StandardCharsets.UTF_8);

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(export, null, null));

        // THEN
        RecordOutcome.Rejected first = (RecordOutcome.Rejected) outcomes.get(0);
        assertThat(first.rejection().reason())
                .startsWith("its change at deal-changelog.csv:")
                .contains(
                        "bad date: log_time '2026-06-16 08:00:00' has no offset: state the zone of"
                                + " local times in "
                                + mapping);
    }

    @Test
    void should_reject_a_change_of_a_deal_not_exported_and_reconcile_every_row()
            throws IOException {
        // GIVEN
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Files.writeString(
                export.resolve("deal-changelog.csv"),
                "9999,399,11,stage_id,2,3,2026-08-01 08:00:00,app\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN
        assertThat(run.out())
                .contains("  6 records read = 6 audited + 0 rejected\n")
                .contains("  35 events read = 34 attached to deals + 1 rejected\n");
        assertThat(Files.readString(dir.resolve("out/rejected.csv"), StandardCharsets.UTF_8))
                .contains("/export/deal-changelog.csv,26,6,399,no deal '399' in deals.csv");
    }
}
