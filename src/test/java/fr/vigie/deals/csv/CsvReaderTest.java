package fr.vigie.deals.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV tokenizer: separators, quotes, line breaks, and the exact place of every cell and
 * problem.
 */
class CsvReaderTest {

    @Test
    void should_take_the_separator_from_the_header_line() throws IOException {
        // GIVEN
        String commas = "a,b\n1;2,3\n";
        String semicolons = "a;b\n1,2;3\n";

        // WHEN
        List<CsvRow> byComma = read(commas);
        List<CsvRow> bySemicolon = read(semicolons);

        // THEN
        assertThat(texts(byComma.get(1))).containsExactly("1;2", "3");
        assertThat(texts(bySemicolon.get(1))).containsExactly("1,2", "3");
    }

    @Test
    void should_refuse_a_header_line_with_both_separators_or_none() throws IOException {
        // WHEN
        CsvRow both = new CsvReader(new StringReader("a,b;c\n"), 100).header();
        CsvRow none = new CsvReader(new StringReader("abc\n"), 100).header();

        // THEN
        assertThat(both.problem())
                .isEqualTo(
                        new CsvRow.Problem(
                                1,
                                1,
                                "the header line holds both ',' and ';': separate the columns with"
                                        + " one of them only"));
        assertThat(none.problem())
                .isEqualTo(
                        new CsvRow.Problem(
                                1,
                                1,
                                "the header line holds neither ',' nor ';': separate the column"
                                        + " names with one of them"));
    }

    @Test
    void should_skip_a_byte_order_mark_without_counting_it_as_a_column() throws IOException {
        // WHEN
        List<CsvRow> rows = read("\uFEFFid,name\nD-1,x\n");

        // THEN
        assertThat(rows.get(0).cells())
                .containsExactly(new CsvRow.Cell("id", 1, 1), new CsvRow.Cell("name", 1, 4));
    }

    @Test
    void should_read_quoted_cells_holding_separators_quotes_and_line_breaks_with_their_places()
            throws IOException {
        // GIVEN
        String text = "id,comment,n\r\nD-1,\"a, \"\"b\"\"\r\nc\",7\r\nD-2,x,8\r\n";

        // WHEN
        List<CsvRow> rows = read(text);

        // THEN
        assertThat(rows.get(1).cells())
                .containsExactly(
                        new CsvRow.Cell("D-1", 2, 1),
                        new CsvRow.Cell("a, \"b\"\nc", 2, 5),
                        new CsvRow.Cell("7", 3, 4));
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).cells())
                .containsExactly(
                        new CsvRow.Cell("D-2", 4, 1),
                        new CsvRow.Cell("x", 4, 5),
                        new CsvRow.Cell("8", 4, 7));
    }

    @Test
    void should_skip_blank_lines_and_read_the_last_line_without_a_line_break() throws IOException {
        // WHEN
        List<CsvRow> rows = read("a,b\n\n1,2\n\n\n3,4");

        // THEN
        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 3, 6);
        assertThat(texts(rows.get(2))).containsExactly("3", "4");
    }

    @Test
    void should_count_a_character_outside_the_basic_plane_as_one_column() throws IOException {
        // WHEN
        List<CsvRow> rows = read("a,b\n\uD83D\uDE80,x\n");

        // THEN
        assertThat(rows.get(1).cells().get(1)).isEqualTo(new CsvRow.Cell("x", 2, 3));
    }

    @Test
    void should_report_an_unclosed_quote_where_it_opens_and_read_on_from_the_next_line()
            throws IOException {
        // GIVEN
        String text = "id,name\nD-1,\"Acme\nD-2,Beta\nD-3,Gamma\n";

        // WHEN
        List<CsvRow> rows = read(text);

        // THEN
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).problem())
                .isEqualTo(
                        new CsvRow.Problem(
                                2,
                                5,
                                "unclosed quote: this cell runs to the end of the file; end it with"
                                    + " \" (a quote inside a quoted cell is written twice: \"\")"));
        assertThat(texts(rows.get(1))).containsExactly("D-1");
        assertThat(rows.get(2).cells())
                .containsExactly(new CsvRow.Cell("D-2", 3, 1), new CsvRow.Cell("Beta", 3, 5));
        assertThat(rows.get(3).cells())
                .containsExactly(new CsvRow.Cell("D-3", 4, 1), new CsvRow.Cell("Gamma", 4, 5));
    }

    @Test
    void should_treat_a_quoted_cell_longer_than_the_limit_as_an_unclosed_quote()
            throws IOException {
        // GIVEN a quote that a later quote "closes" far below: the rows in between must not be lost
        String text = "id,name\nD-1,\"Acme\nD-2,Beta\nD-3,\"Gamma\"\n";

        // WHEN
        List<CsvRow> rows = read(text, 12);

        // THEN
        assertThat(rows.get(1).problem().line()).isEqualTo(2);
        assertThat(rows.get(1).problem().column()).isEqualTo(5);
        assertThat(rows.get(1).problem().message())
                .startsWith("unclosed quote: this cell runs on for more than 12 characters");
        assertThat(texts(rows.get(2))).containsExactly("D-2", "Beta");
        assertThat(texts(rows.get(3))).containsExactly("D-3", "Gamma");
    }

    @Test
    void should_report_text_after_a_closing_quote_at_its_column() throws IOException {
        // WHEN
        List<CsvRow> rows = read("a,b\n\"x\"y,z\n");

        // THEN
        assertThat(rows.get(1).problem())
                .isEqualTo(
                        new CsvRow.Problem(
                                2,
                                4,
                                "unexpected 'y' after the closing quote of the cell; a quote inside"
                                        + " a quoted cell is written twice (\"\")"));
        assertThat(texts(rows.get(1))).containsExactly("xy", "z");
    }

    @Test
    void should_report_bytes_that_are_not_utf8_at_their_column() throws IOException {
        // GIVEN what a decoder set to replace malformed input gives
        String text = "a,b\nD-1,M\uFFFDtallerie\n";

        // WHEN
        List<CsvRow> rows = read(text);

        // THEN
        assertThat(rows.get(1).problem())
                .isEqualTo(new CsvRow.Problem(2, 6, "not valid UTF-8: save the file as UTF-8"));
    }

    @Test
    void should_cut_a_row_longer_than_the_limit_and_read_on_at_the_next_line() throws IOException {
        // WHEN
        List<CsvRow> rows = read("a,b\n1234567890,x\n1,2\n", 5);

        // THEN
        assertThat(rows.get(1).problem())
                .isEqualTo(new CsvRow.Problem(2, 6, "row longer than 5 characters"));
        assertThat(texts(rows.get(2))).containsExactly("1", "2");
    }

    @Test
    void should_end_a_row_where_its_last_cell_ends() throws IOException {
        // WHEN
        List<CsvRow> rows = read("a,b,c\nx,yy\n");

        // THEN
        assertThat(rows.get(1).endLine()).isEqualTo(2);
        assertThat(rows.get(1).endColumn()).isEqualTo(5);
    }

    private static List<CsvRow> read(String text) throws IOException {
        return read(text, 1000);
    }

    private static List<CsvRow> read(String text, int maxRowChars) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text), maxRowChars)) {
            rows.add(reader.header());
            CsvRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> texts(CsvRow row) {
        return row.cells().stream().map(CsvRow.Cell::text).toList();
    }
}
