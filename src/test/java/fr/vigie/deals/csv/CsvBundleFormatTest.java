package fr.vigie.deals.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.jsonl.JsonLinesInput;
import fr.vigie.deals.model.Deal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a CSV bundle means: the same deals as JSON Lines, whatever the separator, column order or
 * quoting.
 */
class CsvBundleFormatTest {

    @TempDir Path dir;

    @Test
    void should_read_the_same_deals_as_the_equivalent_json_lines_file() throws Exception {
        // GIVEN events listed out of time order, and line items relying on their defaults
        Bundle bundle =
                new Bundle(dir)
                        .file(
                                "deals.csv",
                                "id,name,account_id,account_name,segment,industry,region,owner,team,pipeline,type,amount,currency,created_at,closed_at,"
                                    + "expected_close_date,outcome,loss_reason,field:budget,field:Champion",
                                "D-1,Ligne LA-400,A-1,\"Dupont, Fils &"
                                    + " Cie\",PME,métallurgie,ARA,c.martin,Sud-Est,projets,nouvelle-affaire,184000.00,EUR,"
                                    + "2026-06-02T09:15:00+02:00,2026-08-27T16:40:00+02:00,2026-08-31,won,,oui,",
                                "D-2,,,,,,,,,maintenance,,,,2026-07-01T10:00:00Z,2026-09-01T10:00:00Z,,LOST,prix,,M."
                                    + " Roux")
                        .file(
                                "stage-changes.csv",
                                "deal_id,stage,at,by",
                                "D-1,negociation,2026-07-28T09:00:00+02:00,c.martin",
                                "D-1,qualification,2026-06-02T09:15:00+02:00,",
                                "D-2,qualification,2026-07-01T10:00:00Z,",
                                "D-1,gagne,2026-08-27T16:40:00+02:00,c.martin",
                                "D-2,perdu,2026-09-01T10:00:00Z,")
                        .file(
                                "activities.csv",
                                "deal_id,type,at,by,outcome",
                                "D-1,visite-site,2026-06-30T09:30:00+02:00,c.martin,",
                                "D-1,rendez-vous,2026-06-09T14:00:00+02:00,c.martin,besoin"
                                        + " confirmé")
                        .file(
                                "decisions.csv",
                                "deal_id,type,value,by,role,at,comment",
                                "D-1,discount-approval,8,s.morel,directeur-commercial,2026-07-20T18:00:00+02:00,\"Accordé;",
                                "à revoir\"")
                        .file(
                                "line-items.csv",
                                "deal_id,product,quantity,list_price,unit_price,discount",
                                "D-1,LA-400,,180000.00,,8",
                                "D-1,Mise en service,4,1500.00,1400.00,")
                        .file(
                                "close-date-changes.csv",
                                "deal_id,at,from,to,by",
                                "D-1,2026-07-10T09:00:00+02:00,2026-07-31,2026-08-31,c.martin")
                        .file(
                                "documents.csv",
                                "deal_id,type,at,name",
                                "D-1,bon-de-commande,2026-08-27T16:30:00+02:00,BC-7781.pdf",
                                "D-1,devis,2026-07-24T12:00:00+02:00,DEV-0412.pdf");
        Path jsonl = dir.resolve("deals.jsonl");
        Files.writeString(
                jsonl,
                String.join(
                        "\n",
                        "{\"id\":\"D-1\",\"name\":\"Ligne"
                            + " LA-400\",\"account\":{\"id\":\"A-1\",\"name\":\"Dupont, Fils &"
                            + " Cie\",\"segment\":\"PME\","
                            + "\"industry\":\"métallurgie\",\"region\":\"ARA\"},\"owner\":\"c.martin\",\"team\":\"Sud-Est\",\"pipeline\":\"projets\","
                            + "\"type\":\"nouvelle-affaire\",\"amount\":184000.00,\"currency\":\"EUR\",\"createdAt\":\"2026-06-02T09:15:00+02:00\","
                            + "\"closedAt\":\"2026-08-27T16:40:00+02:00\",\"expectedCloseDate\":\"2026-08-31\",\"outcome\":\"won\","
                            + "\"fields\":{\"budget\":\"oui\"},"
                            + "\"stages\":[{\"stage\":\"qualification\",\"at\":\"2026-06-02T09:15:00+02:00\"},"
                            + "{\"stage\":\"negociation\",\"at\":\"2026-07-28T09:00:00+02:00\",\"by\":\"c.martin\"},"
                            + "{\"stage\":\"gagne\",\"at\":\"2026-08-27T16:40:00+02:00\",\"by\":\"c.martin\"}],\"activities\":[{\"type\":\"rendez-vous\",\"at\":\"2026-06-09T14:00:00+02:00\",\"by\":\"c.martin\",\"outcome\":\"besoin"
                            + " confirmé\"},{\"type\":\"visite-site\",\"at\":\"2026-06-30T09:30:00+02:00\",\"by\":\"c.martin\"}],\"decisions\":[{\"type\":\"discount-approval\",\"value\":8,\"by\":\"s.morel\",\"role\":\"directeur-commercial\",\"at\":\"2026-07-20T18:00:00+02:00\",\"comment\":\"Accordé;\\n"
                            + "à revoir\"}],"
                            + "\"lines\":[{\"product\":\"LA-400\",\"listPrice\":180000.00,\"discount\":8},{\"product\":\"Mise"
                            + " en service\",\"quantity\":4,\"listPrice\":1500.00,\"unitPrice\":1400.00}],"
                            + "\"closeDateChanges\":[{\"at\":\"2026-07-10T09:00:00+02:00\",\"from\":\"2026-07-31\",\"to\":\"2026-08-31\",\"by\":\"c.martin\"}],"
                            + "\"documents\":[{\"type\":\"devis\",\"at\":\"2026-07-24T12:00:00+02:00\",\"name\":\"DEV-0412.pdf\"},"
                            + "{\"type\":\"bon-de-commande\",\"at\":\"2026-08-27T16:30:00+02:00\",\"name\":\"BC-7781.pdf\"}]}",
                        "{\"id\":\"D-2\",\"pipeline\":\"maintenance\",\"createdAt\":\"2026-07-01T10:00:00Z\",\"closedAt\":\"2026-09-01T10:00:00Z\",\"outcome\":\"lost\",\"lossReason\":\"prix\",\"fields\":{\"Champion\":\"M."
                            + " Roux\"},"
                            + "\"stages\":[{\"stage\":\"qualification\",\"at\":\"2026-07-01T10:00:00Z\"},{\"stage\":\"perdu\",\"at\":\"2026-09-01T10:00:00Z\"}]}"),
                StandardCharsets.UTF_8);

        // WHEN
        List<Deal> fromCsv = deals(bundle.read());
        List<Deal> fromJson;
        try (JsonLinesInput input = new JsonLinesInput(jsonl, "deals.jsonl")) {
            fromJson = deals(bundle.read(input));
        }

        // THEN
        assertThat(fromCsv).hasSize(2).isEqualTo(fromJson);
    }

    @Test
    void should_read_semicolons_a_byte_order_mark_and_columns_in_any_order_and_case() {
        // GIVEN
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text =
                String.join(
                                "\r\n",
                                " Created_At ; ID ;Name;FIELD:budget",
                                "2026-07-01T10:00:00+02:00;D-1;\"Presse; 200 t\";\"12 000\"",
                                "")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        Bundle bundle =
                new Bundle(dir)
                        .bytes("deals.csv", content)
                        .file(
                                "stage-changes.csv",
                                "at,stage,deal_id",
                                "2026-07-01T10:00:00+02:00,qualification,D-1");

        // WHEN
        Deal deal = deals(bundle.read()).get(0);

        // THEN
        assertThat(deal.id()).isEqualTo("D-1");
        assertThat(deal.name()).isEqualTo("Presse; 200 t");
        assertThat(deal.fields()).containsExactly(Map.entry("budget", "12 000"));
        assertThat(deal.stages()).extracting(s -> s.stage()).containsExactly("qualification");
    }

    @Test
    void should_order_stage_changes_by_time_keeping_file_order_for_ties() {
        // GIVEN
        Bundle bundle =
                new Bundle(dir)
                        .file("deals.csv", "id,created_at", "D-1,2026-07-01T10:00:00Z")
                        .file(
                                "stage-changes.csv",
                                "deal_id,stage,at",
                                "D-1,c,2026-07-03T10:00:00Z",
                                "D-1,a,2026-07-01T10:00:00Z",
                                "D-1,b2,2026-07-02T10:00:00Z",
                                "D-1,b1,2026-07-02T12:00:00+02:00");

        // WHEN
        Deal deal = deals(bundle.read()).get(0);

        // THEN b1 is the same instant as b2, written later in the file
        assertThat(deal.stages()).extracting(s -> s.stage()).containsExactly("a", "b2", "b1", "c");
    }

    @Test
    void should_skip_blank_lines_and_rows_with_only_separators() throws Exception {
        // GIVEN
        Bundle bundle =
                new Bundle(dir)
                        .file(
                                "deals.csv",
                                "id,created_at",
                                "",
                                "D-1,2026-07-01T10:00:00Z",
                                " , ",
                                "")
                        .file(
                                "stage-changes.csv",
                                "deal_id,stage,at",
                                "D-1,a,2026-07-01T10:00:00Z",
                                ",,");

        // WHEN
        List<RecordOutcome> outcomes;
        List<DealInput.FileCount> files;
        try (CsvBundleInput input = new CsvBundleInput(dir, 10)) {
            outcomes = bundle.read(input);
            files = input.files();
        }

        // THEN
        assertThat(outcomes).hasSize(1);
        assertThat(files)
                .extracting(f -> f.kind() + "=" + f.rows())
                .containsExactly("deals=1", "stage-changes=1");
    }

    static List<Deal> deals(List<RecordOutcome> outcomes) {
        List<Deal> deals = new ArrayList<>();
        for (RecordOutcome outcome : outcomes) {
            assertThat(outcome).as("%s", outcome).isInstanceOf(RecordOutcome.Accepted.class);
            deals.add(((RecordOutcome.Accepted) outcome).deal());
        }
        return deals;
    }
}
