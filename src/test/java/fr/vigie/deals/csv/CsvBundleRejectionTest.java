package fr.vigie.deals.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rows that cannot be audited: each is rejected with its exact place and a reason that says how to
 * fix it.
 */
class CsvBundleRejectionTest {

    private static final String AT = "2026-07-01T10:00:00Z";

    @TempDir Path dir;

    Bundle bundle;

    @BeforeEach
    void a_bundle() {
        bundle = new Bundle(dir);
    }

    @Test
    void should_reject_a_deal_row_with_more_cells_than_columns_at_the_first_extra_cell() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT + ",Dupont, Fils");

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 26)
                                + " D-1: this row has 4 cells but the header has 2 columns: a cell"
                                + " holding ',' must be in double quotes");
    }

    @Test
    void should_reject_a_deal_row_with_fewer_cells_than_columns_where_it_ends() {
        // GIVEN
        bundle.file("deals.csv", "id;created_at;name", "D-1;" + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 25)
                                + " D-1: this row has 2 cells but the header has 3 columns: a cell"
                                + " is missing");
    }

    @Test
    void should_reject_the_deal_with_an_unclosed_quote_and_read_the_next_ones() {
        // GIVEN
        bundle.file("deals.csv", "id,name,created_at", "D-1,\"Acme," + AT, "D-2,Beta," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT, "D-2,a," + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 5)
                                + " D-1: unclosed quote: this cell runs to the end of the file; end"
                                + " it with \" (a quote inside a quoted cell is written twice:"
                                + " \"\")");
        assertThat(read.accepted()).containsExactly("D-2");
    }

    @Test
    void should_reject_a_value_that_cannot_be_read_at_its_cell() {
        // GIVEN
        bundle.file(
                        "deals.csv",
                        "id,amount,created_at",
                        "D-1,\"12,50\"," + AT,
                        "D-2,10,2026-07-01T10:00")
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT, "D-2,a," + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 5) + " D-1: amount must be a number, not '12,50'",
                        bundle.at("deals.csv", 3, 8)
                                + " D-2: bad date: created_at '2026-07-01T10:00' has no offset: add"
                                + " Z for UTC or the local offset, e.g. 2026-07-01T10:00+02:00");
        assertThat(read.events()).containsExactly(1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    not a date-time  | id;created_at;closed_at;outcome | D-1;2026-07-01T10:00:00Z;soon;won      | 26 | bad date: closed_at 'soon' is not a date-time; write ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00
                    not a date       | id;created_at;expected_close_date | D-1;2026-07-01T10:00:00Z;31/08/2026 | 26 | bad date: expected_close_date '31/08/2026' is not a date written YYYY-MM-DD
                    unknown outcome  | id;created_at;outcome             | D-1;2026-07-01T10:00:00Z;gagne      | 26 | outcome must be open, won or lost, not 'gagne'
                    negative amount  | id;amount;created_at              | D-1;-5;2026-07-01T10:00:00Z         | 5  | amount is negative (-5): amounts and prices must be 0 or more
                    no created_at    | id;created_at                     | D-1;                                | 5  | the deal has no 'created_at' (when it was created, with its offset)
                    open but closed  | id;created_at;closed_at           | D-1;2026-07-01T10:00:00Z;2026-07-02T10:00:00Z | 26 | the deal has a 'closed_at' but its outcome is open: set 'outcome' to won or lost, or remove 'closed_at'
                    """)
    void should_reject_a_deal_value_at_its_cell_with_the_json_lines_wording(
            String title, String header, String row, int column, String reason) {
        // GIVEN
        bundle.file("deals.csv", header, row)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(bundle.at("deals.csv", 2, column) + " D-1: " + reason);
    }

    @Test
    void should_reject_a_line_item_with_no_quantity_at_its_cell() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT)
                .file("line-items.csv", "deal_id,quantity,list_price", "D-1,0,100");

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.orphans())
                .containsExactly(
                        bundle.at("line-items.csv", 2, 5)
                                + " D-1: quantity must be above 0, not 0");
    }

    @Test
    void should_reject_a_deal_that_fails_the_deal_checks_at_the_cell_concerned() {
        // GIVEN
        bundle.file(
                        "deals.csv",
                        "id,created_at,outcome,closed_at",
                        "D-1," + AT + ",won,",
                        "D-2," + AT + ",open,",
                        ",2026-07-01T10:00:00Z,,")
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 30)
                                + " D-1: the deal is won but has no 'closed_at'",
                        bundle.at("deals.csv", 3, 0)
                                + " D-2: the deal has no stage history (no row in"
                                + " stage-changes.csv): nothing can be audited",
                        bundle.at("deals.csv", 4, 1) + " null: the deal has no 'id'");
    }

    @Test
    void should_reject_a_child_row_that_cannot_be_read_and_its_deal_with_a_reason_pointing_at_it() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT, "D-2," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT, "D-2,a," + AT)
                .file(
                        "activities.csv",
                        "deal_id,type,at",
                        "D-2,appel," + AT,
                        "D-1,appel,2026-07-02",
                        "D-1,,2026-07-03T10:00:00Z");

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 0)
                                + " D-1: its activity at activities.csv:3:11 could not be read: bad"
                                + " date: at '2026-07-02' is not a date-time; write ISO 8601 with"
                                + " an offset, e.g. 2026-07-01T09:30:00+02:00; 1 more of its rows"
                                + " could not be read either");
        assertThat(read.events()).containsExactly(1, 2);
        assertThat(read.orphans())
                .containsExactly(
                        bundle.at("activities.csv", 3, 11)
                                + " D-1: bad date: at '2026-07-02' is not a date-time; write ISO"
                                + " 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00",
                        bundle.at("activities.csv", 4, 5) + " D-1: the activity has no 'type'");
    }

    @Test
    void should_reject_a_child_row_with_the_wrong_number_of_cells_and_its_deal() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT)
                .file("stage-changes.csv", "deal_id,stage,at,by", "D-1,a," + AT + ",Durand, Paul");

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 0)
                                + " D-1: its stage change at stage-changes.csv:2:35 could not be"
                                + " read: this row has 5 cells but the header has 4 columns: a cell"
                                + " holding ',' must be in double quotes");
        assertThat(read.orphans())
                .containsExactly(
                        bundle.at("stage-changes.csv", 2, 35)
                                + " D-1: this row has 5 cells but the header has 4 columns: a cell"
                                + " holding ',' must be in double quotes");
    }

    @Test
    void should_reject_child_rows_whose_deal_is_not_in_deals_csv_as_orphans() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT, "D-9,a," + AT)
                .file("documents.csv", "type,deal_id,at", "devis, D-9 ," + AT, "devis,," + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.accepted()).containsExactly("D-1");
        assertThat(read.orphans())
                .containsExactly(
                        bundle.at("stage-changes.csv", 3, 1) + " D-9: no deal 'D-9' in deals.csv",
                        bundle.at("documents.csv", 2, 7) + " D-9: no deal 'D-9' in deals.csv",
                        bundle.at("documents.csv", 3, 7) + " null: the document has no 'deal_id'");
    }

    @Test
    void should_count_the_child_rows_of_a_rejected_deal_as_its_events() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at,currency", "D-1," + AT + ",euro")
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT, "D-1,b," + AT)
                .file("line-items.csv", "deal_id,list_price,discount", "D-1,100,5");

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.rejections())
                .containsExactly(
                        bundle.at("deals.csv", 2, 26)
                                + " D-1: currency must be an ISO 4217 code such as EUR, not"
                                + " 'euro'");
        assertThat(read.events()).containsExactly(3);
        assertThat(read.orphans()).isEmpty();
    }

    @Test
    void should_reject_a_line_item_with_a_discount_above_100_at_its_cell() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT)
                .file(
                        "line-items.csv",
                        "deal_id,product,list_price,discount",
                        "D-1,LA-400,100,120",
                        "D-1,LA-400,-1,0");

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.orphans())
                .containsExactly(
                        bundle.at("line-items.csv", 2, 16)
                                + " D-1: discount is a percentage between 0 and 100, not 120",
                        bundle.at("line-items.csv", 3, 12)
                                + " D-1: list_price is negative (-1): amounts and prices must be 0"
                                + " or more");
    }

    @Test
    void should_attach_child_rows_to_the_first_deal_of_an_id_and_count_them_once() {
        // GIVEN the duplicate itself is rejected by the audit, which knows every id already seen
        bundle.file("deals.csv", "id,created_at", "D-1," + AT, "D-1," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT);

        // WHEN
        Read read = read();

        // THEN
        assertThat(read.accepted()).containsExactly("D-1", "D-1");
        assertThat(read.events()).containsExactly(1, 0);
    }

    private Read read() {
        try (CsvBundleInput input = new CsvBundleInput(dir, 100)) {
            return new Read(bundle.read(input), input.orphans());
        }
    }

    /** What reading the bundle gave, as text to compare. */
    private record Read(List<RecordOutcome> outcomes, List<Rejection> orphanRows) {

        List<String> rejections() {
            return outcomes.stream()
                    .filter(o -> o instanceof RecordOutcome.Rejected)
                    .map(o -> shown(((RecordOutcome.Rejected) o).rejection()))
                    .toList();
        }

        List<String> accepted() {
            return outcomes.stream()
                    .filter(o -> o instanceof RecordOutcome.Accepted)
                    .map(o -> ((RecordOutcome.Accepted) o).deal().id())
                    .toList();
        }

        List<Integer> events() {
            return outcomes.stream()
                    .map(
                            o ->
                                    o instanceof RecordOutcome.Accepted a
                                            ? a.events()
                                            : ((RecordOutcome.Rejected) o).events())
                    .toList();
        }

        List<String> orphans() {
            return orphanRows.stream().map(Read::shown).toList();
        }

        private static String shown(Rejection rejection) {
            return rejection.location() + " " + rejection.dealId() + ": " + rejection.reason();
        }
    }
}
