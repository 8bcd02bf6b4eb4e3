package fr.vigie.deals.csv;

import fr.vigie.deals.input.InvalidValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells of one row read as values, from left to right, so that the problem reported is the
 * first one in the row. Every problem is a {@link RowRefusal} at the cell it is about.
 */
final class RowValues {

    private final Header header;
    private final CsvRow row;
    private final Object[] values;
    private final Map<String, String> fields;

    private RowValues(Header header, CsvRow row, Object[] values, Map<String, String> fields) {
        this.header = header;
        this.row = row;
        this.values = values;
        this.fields = fields;
    }

    /**
     * Reads every cell of a row that has one cell per column; texts go through {@code strings} when
     * given.
     */
    static RowValues read(Header header, CsvRow row, SharedStrings strings) {
        Object[] values = new Object[header.columns().size()];
        Map<String, String> fields = null;
        for (int i = 0; i < header.columns().size(); i++) {
            Header.Column column = header.columns().get(i);
            CsvRow.Cell cell = row.cells().get(i);
            Object value;
            try {
                value = column.kind().read(column.name(), cell.text());
            } catch (InvalidValue invalid) {
                throw new RowRefusal(
                        new CsvRow.Problem(cell.line(), cell.column(), invalid.getMessage()));
            }
            if (value instanceof String text
                    && strings != null
                    && !"deal_id".equals(column.name())) {
                // Deal ids are held once, as keys; sharing them would only crowd out the texts that
                // repeat.
                value = strings.of(text);
            }
            if (column.field() != null && value != null) {
                if (fields == null) {
                    fields = new LinkedHashMap<>();
                }
                fields.put(column.field(), (String) value);
            }
            values[i] = value;
        }
        return new RowValues(header, row, values, fields);
    }

    /** The value of a column, or null when the cell is empty or the file has no such column. */
    @SuppressWarnings("unchecked")
    <T> T get(String column) {
        int position = header.position(column);
        return position < 0 ? null : (T) values[position];
    }

    /**
     * The value of a column the row cannot go without; {@code noun} names the row in the message.
     */
    <T> T required(String column, String noun) {
        T value = get(column);
        if (value == null) {
            throw new RowRefusal(at(column, "the " + noun + " has no '" + column + "'"));
        }
        return value;
    }

    /**
     * The deal's own fields, from the {@code field:<name>} columns that are not empty (only
     * deals.csv has them).
     */
    Map<String, String> fields() {
        return fields == null ? Map.of() : fields;
    }

    /** A problem about a column: at its cell, or at the row when the file has no such column. */
    CsvRow.Problem at(String column, String message) {
        int position = header.position(column);
        if (position < 0) {
            return new CsvRow.Problem(row.line(), 0, message);
        }
        CsvRow.Cell cell = row.cells().get(position);
        return new CsvRow.Problem(cell.line(), cell.column(), message);
    }
}
