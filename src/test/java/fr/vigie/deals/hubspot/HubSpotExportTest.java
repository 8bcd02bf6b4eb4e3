package fr.vigie.deals.hubspot;

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
 * A HubSpot export of the six deals of the CSV bundle sample: the deals file re-saved in Excel
 * (Windows-1252, ';', 184 000,00, 02/06/2026 09:15, Oui/Non), the property history (UTF-8 with a
 * byte-order mark, internal stage ids), owners, line items and the pipelines' stages.
 */
class HubSpotExportTest {

    static final Path SAMPLE = Path.of("src/test/resources/importers/hubspot/export");
    static final Path CANONICAL = Path.of("src/test/resources/importers/hubspot/expected.jsonl");

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
    void should_tell_the_files_by_their_columns_and_say_which_encoding_it_detected() {
        // GIVEN
        DealInput input = Imported.open(SAMPLE, "hubspot", null);

        // WHEN
        Imported.read(input);

        // THEN
        assertThat(input.files())
                .extracting(f -> Path.of(f.file()).getFileName() + " " + f.kind() + " " + f.rows())
                .containsExactly(
                        "hubspot-crm-exports-all-deals-2026-10-01.csv deals 6",
                        "deal-property-history.csv history 32",
                        "line-items.csv lines 4",
                        "owners.csv owners 7",
                        "pipeline-stages.csv stages 11");
        assertThat(input.notes())
                .containsExactly(
                        SAMPLE.resolve("hubspot-crm-exports-all-deals-2026-10-01.csv")
                                + ": not UTF-8: read as Windows-1252 (Excel's CSV on a French"
                                + " Windows); state formats: encoding: in the mapping if it is"
                                + " another",
                        SAMPLE.resolve("line-items.csv")
                                + ": not UTF-8: read as Windows-1252 (Excel's CSV on a French"
                                + " Windows); state formats: encoding: in the mapping if it is"
                                + " another");
    }

    @Test
    void
            should_tell_a_deal_that_entered_a_stage_more_than_once_from_one_that_did_not_by_the_stage_times() {
        // GIVEN deals whose stage history is only the date-entered columns, with the dates exited
        // and the times in stage
        Path export = Path.of("src/test/resources/importers/hubspot/stage-times");

        // WHEN
        DealInput input = Imported.open(export, "hubspot", null);
        List<RecordOutcome> outcomes = Imported.read(input);

        // THEN all are read, and the two that came back to qualification are named with what shows
        // it
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        String deals = export.resolve("deals.csv").toString();
        assertThat(input.warnings())
                .extracting(Object::toString)
                .containsExactly(
                        deals
                                + ":3:99: warning: deal 202 entered qualifiedtobuy more than once:"
                                + " it last exited it on 2026-07-15, before it last entered it on"
                                + " 2026-07-20; the date-entered columns keep its last entry only,"
                                + " so its earlier stays and moves back are not audited: export the"
                                + " property history of dealstage with the deals"
                                + " (docs/importers.md#hubspot)",
                        deals
                                + ":4:139: warning: deal 203 entered qualifiedtobuy more than once:"
                                + " its cumulative time there (24 days) is longer than its last"
                                + " stay (19 days); the date-entered columns keep its last entry"
                                + " only, so its earlier stays and moves back are not audited:"
                                + " export the property history of dealstage with the deals"
                                + " (docs/importers.md#hubspot)");
    }

    @Test
    void should_warn_when_a_deal_reaches_the_20_changes_hubspot_keeps_of_a_property()
            throws IOException {
        // GIVEN a deal whose close date was changed 20 times
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        StringBuilder changes = new StringBuilder();
        for (int day = 1; day <= 19; day++) {
            changes.append(
                    String.format(
                            "10102,closedate,2026-10-%02d,2026-07-%02dT08:00:00.000Z,CRM_UI,102%n",
                            day + 1, day + 1));
        }
        changes.append("10102,closedate,2026-10-15,2026-07-21T08:00:00.000Z,CRM_UI,102\n");
        Files.writeString(
                export.resolve("deal-property-history.csv"),
                changes,
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        // WHEN
        DealInput input = Imported.open(export, null, null);
        List<RecordOutcome> outcomes = Imported.read(input);

        // THEN
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(input.warnings())
                .extracting(Object::toString)
                .containsExactly(
                        export.resolve("deal-property-history.csv")
                                + ":53: warning: deal 10102 has 20 changes of closedate, the most"
                                + " HubSpot's property history keeps: its earliest close dates may"
                                + " be missing; check the deal in HubSpot");
    }

    @Test
    void should_reject_a_deal_whose_history_names_a_stage_the_mapping_does_not_have_at_the_change()
            throws IOException {
        // GIVEN
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Files.writeString(
                export.resolve("deal-property-history.csv"),
                "10104,dealstage,Negotiation,2026-09-01T08:00:00.000Z,CRM_UI,104\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN
        assertThat(run.out())
                .contains("  6 records read = 5 audited + 1 rejected (see rejected.csv)\n")
                .contains("  37 events read = 29 attached to deals + 8 rejected\n");
        String rejected =
                Files.readString(dir.resolve("out/rejected.csv"), StandardCharsets.UTF_8)
                        .replace(export + "/", "");
        assertThat(rejected)
                .contains(
                        "hubspot-crm-exports-all-deals-2026-10-01.csv,5,,10104,its property change"
                            + " at deal-property-history.csv:34:17 could not be read: unknown stage"
                            + " 'Negotiation': not in stages: of sources/hubspot.yaml (did you mean"
                            + " 'Négociation'?); add it there with the value Vigie should read")
                .contains(
                        "deal-property-history.csv,34,17,10104,unknown stage 'Negotiation': not in"
                            + " stages: of sources/hubspot.yaml (did you mean 'Négociation'?); add"
                            + " it there with the value Vigie should read");
    }

    @Test
    void should_refuse_an_ambiguous_date_when_the_mapping_does_not_state_the_order()
            throws IOException {
        // GIVEN
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Path mapping = export.resolve("sources/hubspot.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, StandardCharsets.UTF_8)
                        .replace("  dates: day-first\n", ""),
                StandardCharsets.UTF_8);

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(export, null, null));

        // THEN the deals with a date whose day is 12 or less are refused, at the date
        RecordOutcome.Rejected first = (RecordOutcome.Rejected) outcomes.get(0);
        assertThat(first.rejection().location().toString())
                .endsWith("hubspot-crm-exports-all-deals-2026-10-01.csv:2:77");
        assertThat(first.rejection().reason())
                .isEqualTo(
                        "ambiguous date: Create Date '02/06/2026 09:15': 02/06/2026 could be"
                                + " day/month or month/day; state the order in "
                                + mapping
                                + " (formats: dates: day-first, or month-first)");
    }
}
