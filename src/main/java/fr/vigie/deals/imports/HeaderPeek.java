package fr.vigie.deals.imports;

import fr.vigie.deals.csv.CsvReader;
import fr.vigie.deals.csv.CsvRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The column names of a CSV file's header, lower-cased, to tell which export a file comes from. */
public final class HeaderPeek {

    private HeaderPeek() {}

    /** The header's names, trimmed and lower-cased; empty when the file cannot be read as CSV. */
    public static List<String> columns(Path file) {
        try {
            TextEncoding.Opened text = TextEncoding.open(file, null);
            try (CsvReader reader =
                    new CsvReader(
                            text.reader(), CsvReader.DEFAULT_MAX_ROW_CHARS, text.encoding())) {
                CsvRow header = reader.header();
                if (header == null || header.problem() != null) {
                    return List.of();
                }
                return header.cells().stream()
                        .map(c -> c.text().strip().toLowerCase(Locale.ROOT))
                        .toList();
            }
        } catch (IOException e) {
            return List.of();
        }
    }
}
