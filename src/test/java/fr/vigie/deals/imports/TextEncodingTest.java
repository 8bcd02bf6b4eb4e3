package fr.vigie.deals.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telling the encoding of an export: what a byte-order mark or the bytes say, and what the mapping
 * states.
 */
class TextEncodingTest {

    @TempDir Path dir;

    @Test
    void should_read_utf8_with_or_without_a_byte_order_mark_and_say_nothing() throws IOException {
        // GIVEN
        Path bom = write("bom.csv", bytes("\uFEFFNom;Montant\nMétallerie;12 500,00\n", "UTF-8"));
        Path plain = write("plain.csv", bytes("Nom;Montant\nMétallerie;12 500,00\n", "UTF-8"));

        // WHEN
        TextEncoding.Opened withBom = TextEncoding.open(bom, null);
        TextEncoding.Opened without = TextEncoding.open(plain, null);

        // THEN
        assertThat(text(withBom)).startsWith("Nom;Montant\nMétallerie");
        assertThat(text(without)).startsWith("Nom;Montant\nMétallerie");
        assertThat(withBom.note()).isNull();
        assertThat(without.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void should_read_a_file_that_is_not_utf8_as_windows_1252_and_say_so() throws IOException {
        // GIVEN Excel's "CSV (séparateur: point-virgule)" on a French Windows
        Path ansi =
                write(
                        "ansi.csv",
                        bytes("Nom;Montant\nMétallerie Rhône;12 500,00 €\n", "windows-1252"));

        // WHEN
        TextEncoding.Opened opened = TextEncoding.open(ansi, null);

        // THEN
        assertThat(text(opened)).isEqualTo("Nom;Montant\nMétallerie Rhône;12 500,00 €\n");
        assertThat(opened.encoding()).isEqualTo("Windows-1252");
        assertThat(opened.note()).startsWith("not UTF-8: read as Windows-1252");
    }

    @Test
    void should_read_the_encoding_the_mapping_states_without_looking() throws IOException {
        // GIVEN
        Path latin9 = write("latin9.csv", bytes("Nom\nŒuvre €\n", "ISO-8859-15"));

        // WHEN
        TextEncoding.Opened opened = TextEncoding.open(latin9, TextEncoding.named("iso-8859-15"));

        // THEN
        assertThat(text(opened)).isEqualTo("Nom\nŒuvre €\n");
        assertThat(opened.note()).isNull();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(java.nio.charset.Charset.forName(charset));
    }

    private static String text(TextEncoding.Opened opened) throws IOException {
        try (Reader reader = opened.reader()) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[1024];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }
}
