package fr.vigie.deals.salesforce;

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
 * The sample Salesforce export (fixtures/durand-industrie-salesforce): the six deals of the CSV
 * bundle sample as a Salesforce org exports them, with what real exports hold besides (rows
 * deleted, tasks about accounts, approvals of quotes, ids in 15 characters, dates without time).
 */
class SalesforceExportTest {

    static final Path SAMPLE = Path.of("fixtures/durand-industrie-salesforce");
    static final Path CANONICAL = Path.of("src/test/resources/importers/salesforce/expected.jsonl");

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
    void should_count_the_rows_of_every_file_and_say_which_were_skipped_and_why() {
        // GIVEN
        DealInput input = Imported.open(SAMPLE, "salesforce", null);

        // WHEN
        Imported.read(input);

        // THEN
        assertThat(input.files())
                .extracting(
                        f ->
                                Path.of(f.file()).getFileName()
                                        + " "
                                        + f.rows()
                                        + " "
                                        + f.skipped()
                                        + " "
                                        + f.skippedWhy())
                .containsExactly(
                        "Opportunity.csv 6 0 null",
                        "OpportunityHistory.csv 26 1 deleted in Salesforce (IsDeleted)",
                        "OpportunityLineItem.csv 4 0 not about an opportunity",
                        "Task.csv 4 1 not about an opportunity (WhatId)",
                        "Event.csv 7 0 not about an opportunity (WhatId)",
                        "ProcessInstanceStep.csv 3 1 approvals of other objects than opportunities",
                        "User.csv 8 8 looked up by id",
                        "Account.csv 6 6 looked up by id",
                        "Product2.csv 4 4 looked up by id",
                        "ProcessInstance.csv 2 2 looked up by id");
        assertThat(input.notes())
                .containsExactly(
                        "fixtures/durand-industrie-salesforce: not read (Vigie does not use them):"
                                + " Contact.csv");
    }

    @Test
    void should_audit_the_export_in_one_command_and_say_what_it_detected() {
        // WHEN
        Imported.Run run = Imported.audit(SAMPLE, dir.resolve("out"));

        // THEN the same findings as the CSV bundle sample, hence exit code 1
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .startsWith(
                        "Reading fixtures/durand-industrie-salesforce as a Salesforce data export"
                                + " (found Opportunity.csv), mapping"
                                + " fixtures/durand-industrie-salesforce/sources/salesforce.yaml\n")
                .contains(
                        "  fixtures/durand-industrie-salesforce/Task.csv: 4 rows (activities), of"
                                + " which 1 skipped: not about an opportunity (WhatId)\n")
                .contains("  6 records read = 6 audited + 0 rejected\n")
                .contains("  41 events read = 41 attached to deals + 0 rejected\n")
                .contains("17 findings (0 critical, 11 major, 6 minor, 0 info)");
    }

    @Test
    void should_reject_each_bad_row_at_its_place_and_reconcile_every_row() throws IOException {
        // GIVEN an export with a stage no mapping names, a line of an opportunity not exported, an
        // opportunity twice, an amount in French, a row with a cell too many and a quote never
        // closed
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        append(
                export,
                "OpportunityHistory.csv",
                "\"0085g0000His099IAQ\",\"0065g0000Opp002IAQ\",\"Negociation\",\"96500.00\",\"\",\"2026-10-15\",\"\",\"\",\"\",\"\","
                    + "\"0055g0000Usr002IAQ\",\"2026-09-01T08:00:00.000Z\",\"EUR\",\"false\",\"2026-09-01T08:00:00.000Z\"");
        append(
                export,
                "OpportunityLineItem.csv",
                "\"00k5g0000Oli099IAQ\",\"0065g0000Opp099IAQ\",\"01t5g0000Prd002IAQ\",\"\",\"\",\"1.00\",\"1500.00\",\"1500.00\",\"\",\"\",\"\"");
        List<String> opportunities =
                Files.readAllLines(export.resolve("Opportunity.csv"), StandardCharsets.UTF_8);
        append(export, "Opportunity.csv", opportunities.get(4));
        replace(export, "Opportunity.csv", "\"62000.00\"", "\"62 000,00\"");
        append(
                export,
                "Event.csv",
                "\"00U5g0000Evt099IAQ\",\"0065g0000Opp006IAQ\",\"\",\"Visite\",\"Site"
                    + " Visit\",\"2026-09-02T08:00:00.000Z\",\"2026-09-02\",\"2026-09-02T08:00:00.000Z\",\"60\",\"0055g0000Usr006IAQ\",\"2026-09-02T08:00:00.000Z\",\"en"
                    + " trop\"");
        append(export, "Task.csv", "\"00T5g0000Tsk099IAQ\",\"0065g0000Opp001IAQ\",\"\",\"Appel");

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN every row is read once, and is a deal audited, an event attached, or a rejection at
        // its place
        assertThat(run.out())
                .contains("  7 records read = 2 audited + 5 rejected (see rejected.csv)\n")
                .contains("  45 events read = 14 attached to deals + 31 rejected\n");
        List<String> rejected =
                Files.readAllLines(dir.resolve("out/rejected.csv"), StandardCharsets.UTF_8).stream()
                        .map(line -> line.replace(export + "/", ""))
                        .toList();
        assertThat(rejected)
                .contains(
                        "Opportunity.csv,2,,0065g0000Opp001IAQ,\"its task at Task.csv:6:46 could"
                            + " not be read: unclosed quote: this cell runs to the end of the file;"
                            + " end it with \"\" (a quote inside a quoted cell is written twice:"
                            + " \"\"\"\")\"",
                        "Opportunity.csv,3,,0065g0000Opp002IAQ,its stage history row at"
                            + " OpportunityHistory.csv:28:43 could not be read: unknown stage"
                            + " 'Negociation': not in stages: of sources/salesforce.yaml (did you"
                            + " mean 'Négociation'?); add it there with the value Vigie should"
                            + " read",
                        "Opportunity.csv,4,124,0065g0000Opp003IAQ,\"Amount must be a number, not"
                                + " '62 000,00'\"",
                        "Opportunity.csv,7,,0065g0000Opp006IAQ,\"its event at Event.csv:9:188 could"
                            + " not be read: this row has 12 cells but the header has 11 columns: a"
                            + " cell holding ',' must be in double quotes\"",
                        "Opportunity.csv,8,,0065g0000Opp004IAQ,duplicate id '0065g0000Opp004IAQ':"
                                + " already used at line 5; each deal must appear once",
                        "OpportunityLineItem.csv,6,22,0065g0000Opp099IAQ,no opportunity"
                                + " '0065g0000Opp099IAQ' in Opportunity.csv",
                        "Task.csv,6,46,0065g0000Opp001IAQ,\"unclosed quote: this cell runs to the"
                            + " end of the file; end it with \"\" (a quote inside a quoted cell is"
                            + " written twice: \"\"\"\")\"",
                        "Event.csv,9,188,0065g0000Opp006IAQ,\"this row has 12 cells but the header"
                                + " has 11 columns: a cell holding ',' must be in double"
                                + " quotes\"");
    }

    @Test
    void should_refuse_a_mapping_that_maps_a_stage_to_one_no_process_has() throws IOException {
        // GIVEN
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        replace(
                export,
                "sources/salesforce.yaml",
                "Négociation: negociation",
                "Négociation: negotiation");

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "sources/salesforce.yaml:13:16: 'Négociation' maps to 'negotiation', which"
                                + " no process of the workspace has (did you mean 'negociation'?)");
    }

    @Test
    void
            should_read_lines_whose_total_price_agrees_as_they_are_and_name_a_line_whose_total_price_means_otherwise()
                    throws IOException {
        // GIVEN TotalPrice filled: right for the 8 % line (180000 × 0.92), and for the 18 % line a
        // total
        // that is Quantity × UnitPrice, as an org that puts the discount elsewhere exports it
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        replace(
                export,
                "OpportunityLineItem.csv",
                "\"180000.00\",\"180000.00\",\"8\",\"\"",
                "\"180000.00\",\"180000.00\",\"8\",\"165600.00\"");
        replace(
                export,
                "OpportunityLineItem.csv",
                "\"2500.00\",\"2500.00\",\"18\",\"\"",
                "\"2500.00\",\"2500.00\",\"18\",\"50000.00\"");

        // WHEN
        DealInput input = Imported.open(export, "salesforce", null);
        List<fr.vigie.deals.model.Deal> deals = Imported.deals(Imported.read(input));

        // THEN the line that agrees is read as before; the other at its total, named in a warning
        fr.vigie.deals.model.Deal first =
                deals.stream()
                        .filter(d -> d.id().equals("0065g0000Opp001IAQ"))
                        .findFirst()
                        .orElseThrow();
        assertThat(first.lines().get(0).discount()).isEqualByComparingTo("8");
        fr.vigie.deals.model.Deal fourth =
                deals.stream()
                        .filter(d -> d.id().equals("0065g0000Opp004IAQ"))
                        .findFirst()
                        .orElseThrow();
        assertThat(fourth.lines())
                .singleElement()
                .satisfies(
                        line -> {
                            assertThat(line.unitPrice()).isEqualByComparingTo("2500");
                            assertThat(line.discount()).isEqualByComparingTo("0");
                            assertThat(line.netTotal()).isEqualByComparingTo("50000");
                        });
        assertThat(input.warnings())
                .extracting(Object::toString)
                .containsExactly(
                        export.resolve("OpportunityLineItem.csv")
                                + ":4:157: warning: product line 00k5g0000Oli003IAQ has TotalPrice"
                                + " 50000.00 where Quantity × UnitPrice × (1 − Discount/100) is"
                                + " 41000.00: the export does not mean UnitPrice and Discount as"
                                + " Salesforce does; the line is read at its TotalPrice (2500 a"
                                + " unit, no line discount). Check how the org fills UnitPrice and"
                                + " Discount");
    }

    @Test
    void should_name_products_by_their_id_their_code_or_their_name_as_the_mapping_says()
            throws IOException {
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        assertThat(productsOf(export)).contains("Ligne d'assemblage LA-400", "Mise en service");
        Files.writeString(
                export.resolve("sources/salesforce.yaml"),
                "product: ProductCode\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(productsOf(export)).contains("LA-400", "MES");
        replace(export, "sources/salesforce.yaml", "product: ProductCode", "product: Id");
        assertThat(productsOf(export)).contains("01t5g0000Prd001IAQ", "01t5g0000Prd002IAQ");
    }

    @Test
    void should_read_activity_types_from_a_free_text_column_through_patterns_into_the_same_deals()
            throws IOException {
        // GIVEN the sample, its activities typed by their Subject ("Rendez-vous Métallerie Rhône")
        // instead of their Type
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        replace(
                export,
                "sources/salesforce.yaml",
                "activities:\n  Call: appel\n  Meeting: rendez-vous\n  Site Visit: visite-site\n",
                "activity-type: Subject\n"
                        + "activities:\n"
                        + "  \"Appel*\": appel\n"
                        + "  \"rendez-vous *\": rendez-vous\n"
                        + "  \"Visite*\": visite-site\n");

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(export, "salesforce", null));

        // THEN the same deals as with the Type column
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(outcomes))
                .containsExactlyElementsOf(Imported.canonical(CANONICAL));

        // and a subject no pattern matches rejects its deal, naming it
        replace(export, "Event.csv", "\"Visite Métallerie Rhône\"", "\"Démo Métallerie Rhône\"");
        List<RecordOutcome> again = Imported.read(Imported.open(export, "salesforce", null));
        assertThat(again)
                .filteredOn(RecordOutcome.Rejected.class::isInstance)
                .singleElement()
                .extracting(o -> ((RecordOutcome.Rejected) o).rejection().reason())
                .asString()
                .contains("unknown activity type 'Démo Métallerie Rhône': not in activities: of");
    }

    @Test
    void should_value_an_approval_at_what_the_tracked_column_held_when_it_was_approved()
            throws IOException {
        // GIVEN the sample, whose 18% on Opp004 was approved on Aug 12, with the field history of
        // Approved_Discount__c: 12 when approved, raised to 18 on Sep 1 (and a row of another
        // field, and a deleted one)
        Path export = Imported.copy(SAMPLE, dir.resolve("export"));
        Files.writeString(
                export.resolve("OpportunityFieldHistory.csv"),
                "\"Id\",\"IsDeleted\",\"OpportunityId\",\"CreatedById\",\"CreatedDate\","
                        + "\"Field\",\"DataType\",\"OldValue\",\"NewValue\"\r\n"
                        + "\"0175g0000Ofh001IAQ\",\"false\",\"0065g0000Opp004IAQ\","
                        + "\"0055g0000Usr004IAQ\",\"2026-08-11T07:30:00.000Z\","
                        + "\"Approved_Discount__c\",\"Percent\",\"\",\"12\"\r\n"
                        + "\"0175g0000Ofh002IAQ\",\"false\",\"0065g0000Opp004IAQ\","
                        + "\"0055g0000Usr004IAQ\",\"2026-09-01T09:00:00.000Z\","
                        + "\"Approved_Discount__c\",\"Percent\",\"12\",\"18\"\r\n"
                        + "\"0175g0000Ofh003IAQ\",\"false\",\"0065g0000Opp004IAQ\","
                        + "\"0055g0000Usr004IAQ\",\"2026-09-01T09:00:00.000Z\","
                        + "\"Amount\",\"Currency\",\"41000\",\"43000\"\r\n"
                        + "\"0175g0000Ofh004IAQ\",\"true\",\"0065g0000Opp004IAQ\","
                        + "\"0055g0000Usr004IAQ\",\"2026-08-12T17:00:00.000Z\","
                        + "\"Approved_Discount__c\",\"Percent\",\"12\",\"30\"\r\n",
                StandardCharsets.UTF_8);

        // WHEN
        DealInput input = Imported.open(export, "salesforce", null);
        List<RecordOutcome> outcomes = Imported.read(input);

        // THEN the approval approved 12%, not the 18% the opportunity holds now
        assertThat(Imported.deals(outcomes))
                .filteredOn(d -> d.id().equals("0065g0000Opp004IAQ"))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.decisions())
                                        .extracting(fr.vigie.deals.model.Decision::value)
                                        .containsExactly("12"));
        assertThat(input.files())
                .extracting(
                        f -> Path.of(f.file()).getFileName() + " " + f.rows() + " " + f.skipped())
                .contains("OpportunityFieldHistory.csv 4 1");

        // and the audit finds the 18% granted without an approval covering it
        Imported.Run run = Imported.audit(export, dir.resolve("out"));
        assertThat(run.out()).contains("18 findings");
        assertThat(Files.readString(dir.resolve("out/findings.csv")))
                .contains(",PROC-APPROVAL-MISSING,critical,");
    }

    private static List<String> productsOf(Path export) {
        return Imported.deals(Imported.read(Imported.open(export, "salesforce", null))).stream()
                .flatMap(deal -> deal.lines().stream())
                .map(fr.vigie.deals.model.LineItem::product)
                .toList();
    }

    private static void append(Path export, String file, String line) throws IOException {
        Files.writeString(
                export.resolve(file),
                line + "\r\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private static void replace(Path export, String file, String from, String to)
            throws IOException {
        Path path = export.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
