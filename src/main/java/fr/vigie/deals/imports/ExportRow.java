package fr.vigie.deals.imports;

import fr.vigie.common.Location;
import fr.vigie.deals.csv.CsvRow;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.Values;

/**
 * One row of an exported file, its cells reached by column name. Typed reads go through the file's
 * {@link ValueFormats}; every value that cannot be read is a {@link RowProblem} at its cell.
 */
public final class ExportRow implements Cells {

    private final ExportFile file;
    private final CsvRow row;

    ExportRow(ExportFile file, CsvRow row) {
        this.file = file;
        this.row = row;
    }

    public ExportFile file() {
        return file;
    }

    public int line() {
        return row.line();
    }

    public Location location() {
        return Location.of(file.shown(), row.line());
    }

    /**
     * Why the row cannot be read as a whole (a quote never closed, too many or too few cells), or
     * null.
     */
    public RowProblem problem() {
        CsvRow.Problem problem = row.problem();
        if (problem == null) {
            int cells = row.cells().size();
            int columns = file.columnCount();
            if (cells > columns) {
                CsvRow.Cell extra = row.cells().get(columns);
                return new RowProblem(
                        new Location(file.shown(), extra.line(), extra.column()),
                        "this row has "
                                + cells
                                + " cells but the header has "
                                + columns
                                + " columns: a cell holding '"
                                + file.separator()
                                + "' must be in double quotes");
            }
            if (cells < columns) {
                return new RowProblem(
                        new Location(file.shown(), row.endLine(), row.endColumn()),
                        "this row has "
                                + cells
                                + " cells but the header has "
                                + columns
                                + " columns: "
                                + (columns - cells == 1
                                        ? "a cell is"
                                        : (columns - cells) + " cells are")
                                + " missing");
            }
            return null;
        }
        return new RowProblem(
                new Location(file.shown(), problem.line(), problem.column()), problem.message());
    }

    /** The cell's text, trimmed; null when it is empty or the file has no such column. */
    @Override
    public String text(String column) {
        int at = file.position(column);
        return at < 0 || at >= row.cells().size() ? null : Values.text(row.cells().get(at).text());
    }

    /** The text of a column the row needs, or a problem naming it ("the task has no 'WhatId'"). */
    public String required(String column, String noun) {
        String value = text(column);
        if (value == null) {
            throw refuse(column, "the " + noun + " has no '" + file.header(column) + "'");
        }
        return value;
    }

    /** Where the cell of {@code column} is, or the row when the file has no such column. */
    public Location at(String column) {
        int at = file.position(column);
        if (at < 0 || at >= row.cells().size()) {
            return location();
        }
        CsvRow.Cell cell = row.cells().get(at);
        return new Location(file.shown(), cell.line(), cell.column());
    }

    public RowProblem refuse(String column, String message) {
        return new RowProblem(at(column), message);
    }

    @Override
    public String header(String column) {
        return file.header(column);
    }

    @Override
    public ValueFormats formats() {
        return file.formats();
    }

    /**
     * Reads a value of {@code column}, turning an {@link InvalidValue} into a problem at its cell.
     */
    @Override
    public <T> T read(String column, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidValue invalid) {
            throw refuse(column, invalid.getMessage());
        }
    }
}
