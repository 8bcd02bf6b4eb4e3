package fr.vigie.deals.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import fr.vigie.deals.input.RecordOutcome;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any CSV through a mapping: the six deals of the CSV bundle sample as a French SME keeps them in
 * Excel (Windows-1252, ';', 184 000,00 with non-breaking spaces, 02/06/2026 09:15, 8 %, a column
 * per stage), and the stage history as a file of its own.
 */
class MappedCsvTest {

    static final Path SAMPLE = Path.of("src/test/resources/importers/csv/export");
    static final Path CANONICAL = Path.of("src/test/resources/importers/csv/expected.jsonl");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir Path dir;

    @Test
    void should_read_the_sample_spreadsheet_into_the_same_deals_as_its_canonical_equivalent() {
        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(SAMPLE, "csv", null));

        // THEN
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(outcomes))
                .containsExactlyElementsOf(Imported.canonical(CANONICAL));
    }

    @Test
    void should_read_the_deals_file_given_alone_with_its_mapping() {
        // WHEN
        List<RecordOutcome> outcomes =
                Imported.read(
                        Imported.open(
                                SAMPLE.resolve("affaires.csv"),
                                null,
                                SAMPLE.resolve("sources/csv.yaml")));

        // THEN
        assertThat(Imported.deals(outcomes))
                .containsExactlyElementsOf(Imported.canonical(CANONICAL));
    }

    @Test
    void should_join_the_accounts_file_by_the_deals_account_id_into_the_same_deals()
            throws IOException {
        // GIVEN the segment, industry and region in an accounts file of their own (one row per
        // account,
        // an account no deal has among them), looked up by the deals' "Code client"
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Files.writeString(
                export.resolve("comptes.csv"),
                String.join(
                        "\r\n",
                        "N° client;Raison sociale;Segment client;Secteur;Région",
                        "A-310;Métallerie Rhône;PME;métallurgie;Auvergne-Rhône-Alpes",
                        "A-322;Dupont, Fils & Cie;PME;mécanique;Auvergne-Rhône-Alpes",
                        "A-347;Plasturgie de l'Ain;ETI;plasturgie;Auvergne-Rhône-Alpes",
                        "A-355;Aciéries du Forez;GE;sidérurgie;Auvergne-Rhône-Alpes",
                        "A-361;Coopérative laitière du"
                                + " Velay;ETI;agroalimentaire;Auvergne-Rhône-Alpes",
                        "A-999;Sans affaire;TPE;négoce;Bretagne",
                        ""),
                WINDOWS_1252);
        Path mapping = export.resolve("sources/csv.yaml");
        String text = Files.readString(mapping, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "  Segment: account.segment\n"
                                + "  Secteur: account.industry\n"
                                + "  Région: account.region\n");
        Files.writeString(
                mapping,
                text.replace(
                                "  deals: affaires.csv\n",
                                "  deals: affaires.csv\n  accounts: comptes.csv\n")
                        .replace("columns:\n", "columns:\n  accounts: { id: N° client }\n")
                        .replace(
                                "  Segment: account.segment\n"
                                        + "  Secteur: account.industry\n"
                                        + "  Région: account.region\n",
                                "  Account.Segment client: account.segment\n"
                                        + "  Account.Secteur: account.industry\n"
                                        + "  Account.Région: account.region\n"),
                StandardCharsets.UTF_8);

        // WHEN
        var input = Imported.open(export, "csv", null);
        List<RecordOutcome> outcomes = Imported.read(input);

        // THEN
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(outcomes))
                .containsExactlyElementsOf(Imported.canonical(CANONICAL));
        assertThat(input.files())
                .extracting(f -> Path.of(f.file()).getFileName() + " " + f.rows())
                .contains("comptes.csv 6");
        assertThat(input.notes()).noneMatch(note -> note.contains("not read"));
    }

    @Test
    void should_refuse_account_fields_naming_a_column_the_accounts_file_does_not_have()
            throws IOException {
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Files.writeString(
                export.resolve("comptes.csv"),
                "N° client;Segment client\r\nA-310;PME\r\n",
                WINDOWS_1252);
        Path mapping = export.resolve("sources/csv.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, StandardCharsets.UTF_8)
                        .replace(
                                "  deals: affaires.csv\n",
                                "  deals: affaires.csv\n  accounts: comptes.csv\n")
                        .replace("columns:\n", "columns:\n  accounts: { id: N° client }\n")
                        .replace(
                                "  Segment: account.segment\n",
                                "  Account.Segment: account.segment\n"),
                StandardCharsets.UTF_8);

        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("no column 'Segment' in")
                .contains("comptes.csv (fields.Account.Segment names it)");
    }

    @Test
    void
            should_normalise_values_through_their_table_and_reject_one_it_does_not_list_with_the_closest()
                    throws IOException {
        // GIVEN a deal whose "Nature" is written "Extention" (the table lists "Extension")
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        String deals = Files.readString(export.resolve("affaires.csv"), WINDOWS_1252);
        assertThat(deals).contains(";Nouvelle affaire;");
        Files.writeString(
                export.resolve("affaires.csv"),
                deals.replaceFirst(";Nouvelle affaire;", ";Extention;"),
                WINDOWS_1252);

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(export, "csv", null));

        // THEN the others are read with Vigie's values, this one is rejected naming the value and
        // the closest listed
        assertThat(outcomes)
                .filteredOn(RecordOutcome.Accepted.class::isInstance)
                .hasSize(5)
                .allSatisfy(
                        o ->
                                assertThat(((RecordOutcome.Accepted) o).deal().type())
                                        .isIn("nouvelle-affaire", "extension", "renouvellement"));
        assertThat(outcomes)
                .filteredOn(RecordOutcome.Rejected.class::isInstance)
                .singleElement()
                .extracting(o -> ((RecordOutcome.Rejected) o).rejection().reason())
                .asString()
                .startsWith("unknown type 'Extention': not in values.type: of ")
                .endsWith(
                        "(did you mean 'Extension'?); add it there with the value"
                                + " Vigie should read");
    }

    @Test
    void should_note_the_csv_files_of_the_folder_that_no_role_of_the_mapping_reads()
            throws IOException {
        // GIVEN the sample, which the mapping reads whole, and a file it names nowhere
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        var whole = Imported.open(export, "csv", null);
        Imported.read(whole);
        assertThat(whole.notes()).noneMatch(note -> note.contains("not read"));
        Files.writeString(
                export.resolve("contacts.csv"), "Nom;Email\r\nDupont;d@x.fr\r\n", WINDOWS_1252);

        // WHEN
        var input = Imported.open(export, "csv", null);
        Imported.read(input);

        // THEN
        assertThat(input.notes())
                .contains(export + ": not read (Vigie does not use them): contacts.csv");
    }

    @Test
    void should_read_a_stage_history_file_in_time_order_with_who_moved_the_deal()
            throws IOException {
        // GIVEN the history of D-2026-102 in a file of its own, rows out of order
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Files.writeString(
                export.resolve("etapes.csv"),
                "Affaire;Étape;Le;Par\r\nD-2026-102;Négociation;20/07/2026 14:00;Thomas Bernard\r\n"
                        + "D-2026-102;Qualification;01/07/2026 10:00;Thomas Bernard\r\n",
                WINDOWS_1252);
        Path mapping = export.resolve("sources/csv.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, StandardCharsets.UTF_8)
                        .replace(
                                "  deals: affaires.csv\n",
                                "  deals: affaires.csv\n  stage-history: etapes.csv\n")
                        .replace(
                                "columns:\n",
                                "columns:\n"
                                    + "  stage-history: { deal-id: Affaire, stage: Étape, at: Le,"
                                    + " by: Par }\n"),
                StandardCharsets.UTF_8);

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(export, null, null));

        // THEN
        var deal = ((RecordOutcome.Accepted) outcomes.get(1)).deal();
        assertThat(deal.stages())
                .extracting(s -> s.stage() + " " + s.at() + " " + s.by())
                .containsExactly(
                        "qualification 2026-07-01T10:00+02:00 t.bernard",
                        "negociation 2026-07-20T14:00+02:00 t.bernard");
    }

    @Test
    void should_reject_each_unreadable_value_at_its_cell() throws IOException {
        // GIVEN an amount whose comma could be a decimal or thousands mark, and a date that is no
        // date
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Path mapping = export.resolve("sources/csv.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, StandardCharsets.UTF_8).replace("  decimal: \",\"\n", ""),
                StandardCharsets.UTF_8);
        Path deals = export.resolve("affaires.csv");
        Files.writeString(
                deals,
                Files.readString(deals, WINDOWS_1252)
                        .replace("96\u00A0500,00", "1,500")
                        .replace("06/07/2026 09:00", "06/07/2026 9h"),
                WINDOWS_1252);

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(export, null, null));

        // THEN
        assertThat(((RecordOutcome.Rejected) outcomes.get(1)).rejection().reason())
                .isEqualTo(
                        "Montant HT '1,500' could be 1.5 or 1500: state the decimal separator in "
                                + mapping
                                + " (formats: decimal: \",\" if it is the decimal mark)");
        assertThat(((RecordOutcome.Rejected) outcomes.get(4)).rejection().reason())
                .startsWith("bad date: Créée le '06/07/2026 9h' is not a date-time");
    }
}
