package fr.vigie.deals.csv;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.deals.input.Rejection;
import fr.vigie.deals.input.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The child files of a bundle (stage changes, activities...), read once when it is opened and held
 * by deal id until deals.csv is read: deals.csv is streamed, so each deal must find its events
 * without another pass over the files. Rows that cannot be read are kept as rejections; the events
 * of ids that no deal claims become orphans.
 */
final class ChildIndex {

    /** The rows of one deal, and whether this claim is the first (the one whose events count). */
    record Claim(ChildRows rows, boolean first) {}

    /** A rejected row and its file and line, to report rejections in file order. */
    private record Rejected(BundleFile file, int line, Rejection rejection) {}

    private final Map<String, ChildRows> byDeal = new HashMap<>();
    private final List<Rejected> unreadable = new ArrayList<>();
    private final Map<BundleFile, Long> rows = new EnumMap<>(BundleFile.class);
    private final Map<BundleFile, String> shown = new EnumMap<>(BundleFile.class);
    private final SharedStrings strings = new SharedStrings();
    private final long maxRows;
    private long total;

    private ChildIndex(long maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * Reads every child file, in order; more than {@code maxRows} rows in all is an input error.
     */
    static ChildIndex load(List<OpenedFile> files, long maxRows) {
        ChildIndex index = new ChildIndex(maxRows);
        for (OpenedFile file : files) {
            index.shown.put(file.file(), file.shown());
            index.rows.put(file.file(), 0L);
            try {
                CsvRow row;
                while ((row = file.reader().next()) != null) {
                    if (!row.isBlank()) {
                        index.add(file, row);
                    }
                }
            } catch (IOException e) {
                throw InvalidInputException.at(
                        Location.of(file.shown()), "cannot read: " + e.getMessage());
            }
        }
        return index;
    }

    private void add(OpenedFile file, CsvRow row) {
        rows.merge(file.file(), 1L, Long::sum);
        if (++total > maxRows) {
            throw InvalidInputException.at(
                    Location.of(file.shown(), row.line()),
                    String.format(
                            Locale.ROOT,
                            "more than %,d rows in the bundle's event files (stage-changes.csv,"
                                + " activities.csv...): they are held in memory until their deals"
                                + " are read; split the export into smaller periods",
                            maxRows));
        }
        Header header = file.header();
        int idAt = header.position("deal_id");
        CsvRow.Cell idCell = idAt < row.cells().size() ? row.cells().get(idAt) : null;
        String dealId = idCell == null ? null : Values.text(idCell.text());
        CsvRow.Problem problem = row.problem() != null ? row.problem() : header.shapeProblem(row);
        Object event = null;
        if (problem == null) {
            try {
                RowValues values = RowValues.read(header, row, strings);
                values.required("deal_id", file.file().noun());
                event = ChildEvents.read(file.file(), values);
            } catch (RowRefusal refusal) {
                problem = refusal.problem();
            }
        }
        if (problem == null) {
            byDeal.computeIfAbsent(dealId, id -> new ChildRows())
                    .add(file.file(), event, idCell.line(), idCell.column());
            return;
        }
        Location where = new Location(file.shown(), problem.line(), problem.column());
        unreadable.add(
                new Rejected(
                        file.file(), row.line(), new Rejection(where, dealId, problem.message())));
        if (dealId != null) {
            String place =
                    new Location(file.file().fileName(), problem.line(), problem.column())
                            .toString();
            byDeal.computeIfAbsent(dealId, id -> new ChildRows())
                    .unreadable(file.file().noun() + " at " + place, problem.message());
        }
    }

    /** The rows naming {@code dealId}, or null when there are none. */
    Claim claim(String dealId) {
        ChildRows found = byDeal.get(dealId);
        return found == null ? null : new Claim(found, found.claim());
    }

    /** Rows read from a child file, or null when the bundle does not have it. */
    Long rows(BundleFile file) {
        return rows.get(file);
    }

    /**
     * Every child row not attached to a deal, in file order: rows that could not be read, and rows
     * of ids that no deal claimed. Call after deals.csv has been read to the end.
     */
    List<Rejection> orphans() {
        List<Rejected> all = new ArrayList<>(unreadable);
        byDeal.forEach(
                (dealId, children) -> {
                    if (!children.claimed()) {
                        for (int i = 0; i < children.events(); i++) {
                            long place = children.place(i);
                            BundleFile file = ChildRows.Place.file(place);
                            Location where =
                                    new Location(
                                            shown.get(file),
                                            ChildRows.Place.line(place),
                                            ChildRows.Place.column(place));
                            all.add(
                                    new Rejected(
                                            file,
                                            where.line(),
                                            new Rejection(
                                                    where,
                                                    dealId,
                                                    "no deal '" + dealId + "' in deals.csv")));
                        }
                    }
                });
        all.sort(Comparator.comparing(Rejected::file).thenComparingInt(Rejected::line));
        return all.stream().map(Rejected::rejection).toList();
    }
}
