package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    static String write(char separator, Object... cells) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, separator)) {
            csv.row(Arrays.asList(cells));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_start_with_a_byte_order_mark_so_that_excel_reads_utf8() {
        assertThat(write(';', "Métallerie")).isEqualTo("\uFEFFMétallerie\r\n");
    }

    @Test
    void should_neutralise_cells_that_excel_would_run_as_formulas() {
        assertThat(write(';', "=HYPERLINK(\"x\")", "+33", "-2", "@SUM(A1)", "\tx", "\rx", "ok"))
                .isEqualTo(
                        "\uFEFF\"'=HYPERLINK(\"\"x\"\")\";'+33;'-2;'@SUM(A1);'\tx;\"'\rx\";ok\r\n");
    }

    @Test
    void should_quote_separators_quotes_and_newlines() {
        assertThat(write(',', "a,b", "say \"hi\"", "two\nlines", null))
                .isEqualTo("\uFEFF\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
