package fr.vigie.deals.csv;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checked header of one bundle file: which column each cell of a row belongs to. Columns are
 * matched by name, trimmed and in any case, in any order; a name that is not a column of the file,
 * a column written twice or a required column missing is an error of the whole file.
 */
final class Header {

    /**
     * One column: its name as messages write it, how its cells are read, and the field it fills
     * ({@code field:<name>}).
     */
    record Column(String name, ValueKind kind, String field) {}

    private final char separator;
    private final List<Column> columns;
    private final Map<String, Integer> positions;

    private Header(char separator, List<Column> columns, Map<String, Integer> positions) {
        this.separator = separator;
        this.columns = List.copyOf(columns);
        this.positions = Map.copyOf(positions);
    }

    /**
     * Checks the header row of {@code file}; null, with the problems added, when it cannot be used.
     */
    static Header check(
            BundleFile file, String shownFile, CsvRow row, char separator, Problems problems) {
        if (row == null) {
            problems.error(
                    Location.of(shownFile),
                    "the file is empty: its first line must name its columns ("
                            + String.join(", ", file.required())
                            + "...)");
            return null;
        }
        if (row.problem() != null) {
            problems.error(
                    new Location(shownFile, row.problem().line(), row.problem().column()),
                    row.problem().message());
            return null;
        }
        Problems found = new Problems();
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (CsvRow.Cell cell : row.cells()) {
            Location at = new Location(shownFile, cell.line(), cell.column());
            Column column = column(file, cell.text().strip(), at, found);
            if (column != null) {
                Integer first = positions.putIfAbsent(column.name(), columns.size());
                if (first != null) {
                    found.error(
                            at,
                            "column '"
                                    + column.name()
                                    + "' is written twice (first at column "
                                    + row.cells().get(first).column()
                                    + ")");
                }
            }
            columns.add(column);
        }
        for (String required : file.required()) {
            if (!positions.containsKey(required)) {
                found.error(
                        Location.of(shownFile, row.line()),
                        "missing column '"
                                + required
                                + "': every row of "
                                + file.fileName()
                                + " needs "
                                + words(file.required()));
            }
        }
        problems.addAll(found.all());
        return found.hasErrors() ? null : new Header(separator, columns, positions);
    }

    private static Column column(BundleFile file, String name, Location at, Problems problems) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            problems.error(at, "this column has no name: name it or remove it");
            return null;
        }
        if (file.allowsFields() && lower.startsWith(BundleFile.FIELD_PREFIX)) {
            String field = name.substring(BundleFile.FIELD_PREFIX.length()).strip();
            if (field.isEmpty()) {
                problems.error(
                        at,
                        "'"
                                + name
                                + "' needs the name of the deal's field after 'field:', e.g."
                                + " field:budget");
                return null;
            }
            return new Column(BundleFile.FIELD_PREFIX + field, ValueKind.TEXT, field);
        }
        ValueKind kind = file.columns().get(lower);
        if (kind == null) {
            problems.error(at, "unknown column '" + name + "'" + hint(file, name));
            return null;
        }
        return new Column(lower, kind, null);
    }

    private static String hint(BundleFile file, String name) {
        int colon = name.indexOf(':');
        if (file.allowsFields()
                && colon > 0
                && DidYouMean.closest(name.substring(0, colon), List.of("field")).isPresent()) {
            return " (did you mean 'field:" + name.substring(colon + 1).strip() + "'?)";
        }
        String hint = DidYouMean.hint(name, file.columns().keySet());
        if (!hint.isEmpty()) {
            return hint;
        }
        return "; the columns of "
                + file.fileName()
                + " are "
                + String.join(", ", file.columns().keySet())
                + (file.allowsFields()
                        ? ", and field:<name> for each of the deal's own fields"
                        : "");
    }

    private static String words(List<String> names) {
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1))
                        + " and "
                        + names.get(names.size() - 1);
    }

    List<Column> columns() {
        return columns;
    }

    /** The position of a column in the rows, or -1 when the file does not have it. */
    int position(String column) {
        return positions.getOrDefault(column, -1);
    }

    /** Why a row does not have one cell per column, or null when it does. */
    CsvRow.Problem shapeProblem(CsvRow row) {
        int cells = row.cells().size();
        if (cells > columns.size()) {
            CsvRow.Cell extra = row.cells().get(columns.size());
            return new CsvRow.Problem(
                    extra.line(),
                    extra.column(),
                    "this row has "
                            + cells
                            + " cells but the header has "
                            + columns.size()
                            + " columns: a cell holding '"
                            + separator
                            + "' must be in double quotes");
        }
        if (cells < columns.size()) {
            return new CsvRow.Problem(
                    row.endLine(),
                    row.endColumn(),
                    "this row has "
                            + cells
                            + " cells but the header has "
                            + columns.size()
                            + " columns: "
                            + (columns.size() - cells == 1
                                    ? "a cell is"
                                    : (columns.size() - cells) + " cells are")
                            + " missing");
        }
        return null;
    }
}
