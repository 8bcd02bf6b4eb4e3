package fr.vigie.deals.csv;

import java.util.List;

/**
 * One record of a CSV file: its cells, each with the line and column where it starts, the place
 * where the record ends (to point at a missing cell), and the first problem met while reading it,
 * if any (then the cells are those read before or around it).
 */
public record CsvRow(int line, List<Cell> cells, Problem problem, int endLine, int endColumn) {

    public CsvRow {
        cells = List.copyOf(cells);
    }

    /** A cell's text, as written (quotes removed, "" read as "). */
    public record Cell(String text, int line, int column) {}

    /** Why the record could not be read as written, and where. */
    public record Problem(int line, int column, String message) {}

    /**
     * True when every cell is empty or blank: a row with nothing in it, as spreadsheets leave
     * behind.
     */
    public boolean isBlank() {
        if (problem != null) {
            return false;
        }
        for (Cell cell : cells) {
            if (!cell.text().isBlank()) {
                return false;
            }
        }
        return true;
    }
}
