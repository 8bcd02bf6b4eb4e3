package fr.vigie.deals.imports;

import fr.vigie.common.InvalidInputException;
import fr.vigie.deals.input.DealInput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reference file of an export (users, accounts, products, stages...), read whole when the export
 * is opened and looked up by id. Only the columns asked for are kept. A row that cannot be read
 * stops the import: every deal may depend on it, and none could be trusted.
 */
public final class LookupTable {

    private final String shown;
    private final java.util.function.UnaryOperator<String> key;
    private final List<String> columns;
    private final java.util.Set<String> present;
    private final Map<String, String[]> rows;
    private final DealInput.FileCount count;

    private LookupTable(
            String shown,
            java.util.function.UnaryOperator<String> key,
            List<String> columns,
            Map<String, String[]> rows,
            DealInput.FileCount count,
            java.util.Set<String> present) {
        this.shown = shown;
        this.key = key;
        this.present = present;
        this.columns = columns;
        this.rows = rows;
        this.count = count;
    }

    /** A table with no rows, for a reference file the export does not have. */
    public static LookupTable empty(String name) {
        return new LookupTable(name, id -> id, List.of(), Map.of(), null, java.util.Set.of());
    }

    /**
     * Opens the reference file at {@code path} (an empty table when the export has none), notes its
     * encoding, checks it has {@code idColumn} and reads it whole, keeping {@code columns} (those
     * the file has) and matching ids by {@code key}; an empty table when {@code problems} has
     * errors.
     */
    public static LookupTable open(
            java.nio.file.Path path,
            String kind,
            ExportFile.Reading reading,
            long maxRows,
            List<String> notes,
            fr.vigie.common.Problems problems,
            String idColumn,
            java.util.function.UnaryOperator<String> key,
            List<String> columns) {
        if (path == null) {
            return empty(kind);
        }
        ExportFile file = ExportFile.open(path, reading);
        file.noteTo(notes);
        file.require(problems, "Vigie looks its rows up by " + idColumn, idColumn);
        if (problems.hasErrors()) {
            file.close();
            return empty(kind);
        }
        return load(file, kind, idColumn, key, maxRows, columns);
    }

    /**
     * Reads {@code file} whole, keeping the columns of {@code byName} (name → the file's column,
     * null when it has none) under their names; closes it.
     */
    public static LookupTable loadAs(
            ExportFile file,
            String kind,
            String idColumn,
            long maxRows,
            Map<String, String> byName) {
        List<String> names = List.copyOf(byName.keySet());
        List<String> columns =
                names.stream().map(n -> byName.get(n) == null ? "\u0000" : byName.get(n)).toList();
        LookupTable read = load(file, kind, idColumn, id -> id, maxRows, columns);
        java.util.Set<String> present = new java.util.HashSet<>();
        names.forEach(
                n -> {
                    if (byName.get(n) != null && read.present.contains(byName.get(n))) {
                        present.add(n);
                    }
                });
        return new LookupTable(
                read.shown, read.key, names, read.rows, read.count, java.util.Set.copyOf(present));
    }

    /**
     * Reads {@code file} whole, by {@code idColumn}, keeping {@code columns} (those the file has),
     * matching ids by {@code key} (an id's comparable form); closes it.
     */
    private static LookupTable load(
            ExportFile file,
            String kind,
            String idColumn,
            java.util.function.UnaryOperator<String> key,
            long maxRows,
            List<String> columns) {
        Map<String, String[]> rows = new HashMap<>();
        try (file) {
            ExportRow row;
            while ((row = file.next()) != null) {
                if (rows.size() >= maxRows) {
                    throw InvalidInputException.at(
                            row.location(),
                            String.format(
                                    Locale.ROOT,
                                    "more than %,d rows in this reference file (limits:"
                                            + " max-held-rows in the mapping)",
                                    maxRows));
                }
                RowProblem problem = row.problem();
                if (problem != null) {
                    throw InvalidInputException.at(
                            problem.location(),
                            problem.getMessage()
                                    + "; every deal may look this file up: fix this row");
                }
                String id = row.text(idColumn);
                if (id == null) {
                    continue;
                }
                String[] values = new String[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    values[i] = row.text(columns.get(i));
                }
                String[] previous = rows.putIfAbsent(key.apply(id), values);
                if (previous != null) {
                    throw InvalidInputException.at(
                            row.at(idColumn),
                            "duplicate id '"
                                    + id
                                    + "' in this reference file: each row must have its own "
                                    + file.header(idColumn));
                }
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        columns.stream().filter(file::has).forEach(present::add);
        return new LookupTable(
                file.shown(),
                key,
                List.copyOf(columns),
                Map.copyOf(rows),
                new DealInput.FileCount(
                        file.shown(), kind, file.rows(), file.rows(), "looked up by id"),
                java.util.Set.copyOf(present));
    }

    public String shown() {
        return shown;
    }

    public boolean contains(String id) {
        return id != null && rows.containsKey(key.apply(id));
    }

    /** Whether the file had {@code column} among those asked for. */
    public boolean has(String column) {
        return present.contains(column);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The value of {@code column} in the row of {@code id}; null when there is no such row or
     * value.
     */
    public String get(String id, String column) {
        String[] values = id == null ? null : rows.get(key.apply(id));
        int at = columns.indexOf(column);
        return values == null || at < 0 ? null : values[at];
    }

    /**
     * What was read from each of {@code tables} the export has, in that order, for the
     * reconciliation.
     */
    public static List<DealInput.FileCount> counts(LookupTable... tables) {
        List<DealInput.FileCount> counts = new java.util.ArrayList<>();
        for (LookupTable table : tables) {
            if (table.count() != null) {
                counts.add(table.count());
            }
        }
        return counts;
    }

    /** What was read, for the reconciliation; null for a file the export does not have. */
    public DealInput.FileCount count() {
        return count;
    }
}
