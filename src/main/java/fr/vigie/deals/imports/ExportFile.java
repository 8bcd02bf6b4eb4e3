package fr.vigie.deals.imports;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.deals.csv.CsvReader;
import fr.vigie.deals.csv.CsvRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One CSV file of an export, open for reading row by row: its encoding (stated or detected), its
 * separator, and its header, whose columns are found by name (trimmed, in any case). Columns Vigie
 * does not use are left alone: exports hold many. The file's size and row count are bounded by the
 * {@link Limits}.
 */
public final class ExportFile implements AutoCloseable {

    /**
     * How a file is to be read: the encoding and separator when the mapping states them, its
     * formats and limits.
     */
    public record Reading(
            Charset encoding, Character separator, ValueFormats formats, Limits limits) {}

    private final Path path;
    private final String shown;
    private final CsvReader reader;
    private final ValueFormats formats;
    private final Limits limits;
    private final List<String> names;
    private final Map<String, Integer> positions;

    /**
     * {@link #position} of each column name asked for, as asked (rows are read on the audit's
     * workers).
     */
    private final Map<String, Integer> asked = new java.util.concurrent.ConcurrentHashMap<>();

    private final Set<String> twice;
    private final String note;
    private long rows;

    private ExportFile(
            Path path,
            String shown,
            CsvReader reader,
            Reading reading,
            List<String> names,
            Map<String, Integer> positions,
            Set<String> twice,
            String note) {
        this.path = path;
        this.shown = shown;
        this.reader = reader;
        this.formats = reading.formats();
        this.limits = reading.limits();
        this.names = names;
        this.positions = positions;
        this.twice = twice;
        this.note = note;
    }

    /**
     * Opens {@code path} and reads its header; a file that cannot be used is an {@link
     * InvalidInputException}.
     */
    public static ExportFile open(Path path, Reading reading) {
        String shown = DisplayPath.of(path);
        CsvReader reader = null;
        try {
            long size = Files.size(path);
            if (size > reading.limits().maxFileBytes()) {
                throw InvalidInputException.at(
                        Location.of(shown),
                        String.format(
                                Locale.ROOT,
                                "the file is %,d MB, more than the %,d MB allowed (limits:"
                                    + " max-file-mb in the mapping): split the export or raise the"
                                    + " limit",
                                size / (1024 * 1024),
                                reading.limits().maxFileBytes() / (1024 * 1024)));
            }
            TextEncoding.Opened text = TextEncoding.open(path, reading.encoding());
            reader = new CsvReader(text.reader(), CsvReader.DEFAULT_MAX_ROW_CHARS, text.encoding());
            CsvRow header = reader.header(reading.separator());
            if (header == null) {
                throw InvalidInputException.at(
                        Location.of(shown),
                        "the file is empty: its first line must name its columns");
            }
            if (header.problem() != null) {
                throw InvalidInputException.at(
                        new Location(shown, header.problem().line(), header.problem().column()),
                        header.problem().message()
                                + (reading.separator() == null
                                        ? " (or state formats: separator: in the mapping)"
                                        : ""));
            }
            List<String> names = new ArrayList<>();
            Map<String, Integer> positions = new HashMap<>();
            Set<String> twice = new HashSet<>();
            for (CsvRow.Cell cell : header.cells()) {
                String name = cell.text().strip();
                if (positions.putIfAbsent(key(name), names.size()) != null) {
                    twice.add(key(name));
                }
                names.add(name);
            }
            return new ExportFile(
                    path,
                    shown,
                    reader,
                    reading,
                    List.copyOf(names),
                    Map.copyOf(positions),
                    Set.copyOf(twice),
                    text.note() == null ? null : shown + ": " + text.note());
        } catch (IOException e) {
            closeQuietly(reader);
            throw InvalidInputException.at(Location.of(shown), "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** The file as shown in messages. */
    public String shown() {
        return shown;
    }

    /** The file's name, without its folder. */
    public String name() {
        return path.getFileName().toString();
    }

    public ValueFormats formats() {
        return formats;
    }

    /** What was detected about the file that the user should know (its encoding), or null. */
    public String note() {
        return note;
    }

    /** Adds {@link #note()} to {@code notes}, when there is one. */
    public void noteTo(List<String> notes) {
        if (note != null) {
            notes.add(note);
        }
    }

    char separator() {
        return reader.separator();
    }

    int columnCount() {
        return names.size();
    }

    /** The columns as the header writes them. */
    public List<String> columns() {
        return names;
    }

    public boolean has(String column) {
        return position(column) >= 0;
    }

    /** The first of {@code aliases} the file has (exports name a column differently), or null. */
    public String first(String... aliases) {
        for (String alias : aliases) {
            if (has(alias)) {
                return alias;
            }
        }
        return null;
    }

    /**
     * The column's position in the rows, or -1; a name is matched trimmed and in any case, worked
     * out once per name.
     */
    int position(String column) {
        if (column == null) {
            return -1;
        }
        Integer at = asked.get(column);
        if (at == null) {
            at = positions.getOrDefault(key(column), -1);
            asked.put(column, at);
        }
        return at;
    }

    /** The column's name as the header writes it, or {@code column} when the file has none. */
    public String header(String column) {
        int at = position(column);
        return at < 0 ? column : names.get(at);
    }

    /**
     * Adds a problem for each of {@code columns} the header lacks or writes twice; {@code needs}
     * says what for ("Vigie reads the stage history from ...").
     */
    public void require(Problems problems, String needs, String... columns) {
        for (String column : columns) {
            if (!has(column)) {
                problems.error(
                        Location.of(shown, 1),
                        "missing column '"
                                + column
                                + "'"
                                + DidYouMean.hint(column, names)
                                + ": "
                                + needs);
            } else if (twice.contains(key(column))) {
                problems.error(
                        Location.of(shown, 1),
                        "column '"
                                + column
                                + "' is written twice: Vigie cannot tell which to read");
            }
        }
    }

    /** Like {@link #require}, for a column named by the mapping (at {@code where}). */
    public void requireMapped(Problems problems, Location where, String column, String key) {
        if (!has(column)) {
            problems.error(
                    where,
                    "no column '"
                            + column
                            + "' in "
                            + shown
                            + DidYouMean.hint(column, names)
                            + " ("
                            + key
                            + " names it)");
        }
    }

    /**
     * The next row that is not blank, or null at the end; beyond the row limit, an {@link
     * InvalidInputException}.
     */
    public ExportRow next() {
        try {
            CsvRow row;
            do {
                row = reader.next();
                if (row == null) {
                    return null;
                }
            } while (row.isBlank());
            if (++rows > limits.maxRows()) {
                throw InvalidInputException.at(
                        Location.of(shown, row.line()),
                        String.format(
                                Locale.ROOT,
                                "more than %,d rows in this file (limits: max-rows in the mapping):"
                                    + " split the export into smaller periods or raise the limit",
                                limits.maxRows()));
            }
            return new ExportRow(this, row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + shown, e);
        }
    }

    /** Rows read so far (blank ones are not counted). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static void closeQuietly(CsvReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (IOException e) {
            // Only read: nothing is lost when a file cannot be closed.
        }
    }
}
