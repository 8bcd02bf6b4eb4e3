package fr.vigie.deals.imports;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.Rejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of an export's child files (stage history, activities, approvals...), read when the
 * export is opened and held by deal id until the deals file, streamed, reaches their deal. Each row
 * is attached to its deal, skipped (it is about something else: a task on an account), or kept as a
 * rejection when it cannot be read; rows of ids no deal claims become orphans.
 */
public final class HeldRows {

    /** What a child file's rows are about and how each is read. */
    public interface ChildReader {

        /**
         * The deal the row is about, where its id is; null when the row is about something else (it
         * is skipped).
         */
        Owner ownerOf(ExportRow row);

        /**
         * What the row gives its deal (null: nothing, though it is the deal's); a {@link
         * RowProblem} when it cannot be read.
         */
        Object item(ExportRow row, String dealId);

        /** Why skipped rows are skipped, for the count of the file ("not about an opportunity"). */
        default String skipped() {
            return "not about a deal";
        }
    }

    /**
     * A row's deal: its id as deals are matched ({@code key}), where it is written, and as written
     * (Salesforce ids may be written in 15 or 18 characters).
     */
    public record Owner(String dealId, Location at, String written) {

        public Owner(String dealId, Location at) {
            this(dealId, at, dealId);
        }
    }

    /** Something a row gave its deal, and where the row is. */
    record Item(int file, Object value, Location at, String written) {}

    /** The rows that name one deal, in file order. */
    static final class Rows {
        final List<Item> items = new ArrayList<>(4);
        String firstUnreadable;
        int unreadable;
        boolean claimed;
    }

    private record Unreadable(int file, Location at, Rejection rejection) {}

    private record ChildFile(String shown, String kind, long rows, long skipped, String why) {}

    private final Map<String, Rows> byDeal = new HashMap<>();
    private final List<Unreadable> unreadable = new ArrayList<>();
    private final List<ChildFile> files = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final long maxHeld;
    private final String orphanWords;
    private long held;

    /**
     * @param maxHeld the most rows held in all
     * @param orphanWords how an id no deal has is said, {@code %s} standing for the id: "no
     *     opportunity '%s' in Opportunity.csv"
     */
    public HeldRows(long maxHeld, String orphanWords) {
        this.maxHeld = maxHeld;
        this.orphanWords = orphanWords;
    }

    /**
     * Opens {@code path} (nothing when null), checks it has the {@code required} columns (every
     * problem is thrown), notes its encoding and reads it as {@link #load(ExportFile, String,
     * String, ChildReader)}.
     */
    public void load(
            Path path,
            ExportFile.Reading reading,
            String kind,
            String noun,
            ChildReader reader,
            List<String> notes,
            Problems problems,
            String... required) {
        if (path == null) {
            return;
        }
        ExportFile file = ExportFile.open(path, reading);
        file.noteTo(notes);
        file.require(
                problems,
                "Vigie reads " + String.join(", ", required) + " of every row of " + file.name(),
                required);
        if (problems.hasErrors()) {
            file.close();
            problems.throwIfErrors();
        }
        load(file, kind, noun, reader);
    }

    /**
     * Reads every row of {@code file}, holding what {@code reader} makes of them under {@code
     * kind}; closes the file.
     */
    public void load(ExportFile file, String kind, String noun, ChildReader reader) {
        int index = files.size();
        kinds.add(kind);
        long skipped = 0;
        try (file) {
            ExportRow row;
            while ((row = file.next()) != null) {
                if (++held > maxHeld) {
                    throw InvalidInputException.at(
                            row.location(),
                            String.format(
                                    Locale.ROOT,
                                    "more than %,d rows of the export's files held in memory until"
                                            + " their deals are read (limits: max-held-rows in the"
                                            + " mapping): split the export into smaller periods",
                                    maxHeld));
                }
                if (!add(index, file, noun, reader, row)) {
                    skipped++;
                }
            }
        }
        files.add(new ChildFile(file.shown(), kind, file.rows(), skipped, reader.skipped()));
    }

    /**
     * Attaches, keeps as unreadable, or skips one row; false when skipped. A row that cannot be
     * read as a whole still names its deal when its id can be read, so that the deal is rejected
     * with it.
     */
    private boolean add(
            int index, ExportFile file, String noun, ChildReader reader, ExportRow row) {
        Owner owner = null;
        RowProblem problem = row.problem();
        try {
            owner = reader.ownerOf(row);
            if (owner == null && problem == null) {
                return false;
            }
            if (problem == null) {
                Object item = reader.item(row, owner.dealId());
                byDeal.computeIfAbsent(owner.dealId(), id -> new Rows())
                        .items
                        .add(new Item(index, item, owner.at(), owner.written()));
                return true;
            }
        } catch (RowProblem refused) {
            problem = problem == null ? refused : problem;
        }
        String dealId = owner == null ? null : owner.dealId();
        unreadable.add(
                new Unreadable(
                        index,
                        problem.location(),
                        new Rejection(
                                problem.location(),
                                owner == null ? null : owner.written(),
                                problem.getMessage())));
        if (dealId != null) {
            Rows rows = byDeal.computeIfAbsent(dealId, id -> new Rows());
            if (rows.firstUnreadable == null) {
                Location at = problem.location();
                rows.firstUnreadable =
                        noun
                                + " at "
                                + new Location(file.name(), at.line(), at.column())
                                + " could not be read: "
                                + problem.getMessage();
            }
            rows.unreadable++;
        }
        return true;
    }

    /**
     * The rows of {@code dealId}, or null; {@code first} tells whether this deal is the first to
     * claim them.
     */
    DealItems claim(String dealId) {
        Rows rows = byDeal.get(dealId);
        if (rows == null) {
            return null;
        }
        boolean first = !rows.claimed;
        rows.claimed = true;
        return new DealItems(rows, kinds, first);
    }

    /**
     * Rows not attached to any deal, in file order: those that could not be read, and those whose
     * deal never came.
     */
    List<Rejection> orphans() {
        List<Unreadable> all = new ArrayList<>(unreadable);
        byDeal.forEach(
                (dealId, rows) -> {
                    if (!rows.claimed) {
                        for (Item item : rows.items) {
                            all.add(
                                    new Unreadable(
                                            item.file(),
                                            item.at(),
                                            new Rejection(
                                                    item.at(),
                                                    item.written(),
                                                    String.format(orphanWords, item.written()))));
                        }
                    }
                });
        all.sort(
                Comparator.comparingInt(Unreadable::file)
                        .thenComparingInt(u -> u.at().line())
                        .thenComparingInt(u -> u.at().column()));
        return all.stream().map(Unreadable::rejection).toList();
    }

    /** What was read from each child file. */
    List<DealInput.FileCount> counts() {
        return files.stream()
                .map(
                        f ->
                                new DealInput.FileCount(
                                        f.shown(), f.kind(), f.rows(), f.skipped(), f.why()))
                .toList();
    }
}
