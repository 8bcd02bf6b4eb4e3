package fr.vigie.deals.csv;

import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of the child files that name one deal, in file order: the events read, where each row is
 * (to report it if the deal never comes), and the first row that could not be read. Filled while
 * the bundle is opened, then only read, from any thread. Lists are made on first use, as most deals
 * have no rows in some files.
 */
final class ChildRows {

    /**
     * A row of this deal that could not be read: which ("activity at activities.csv:12:5") and why.
     */
    record Unreadable(String row, String reason) {}

    private List<StageChange> stages;
    private List<Activity> activities;
    private List<Decision> decisions;
    private List<LineItem> lines;
    private List<CloseDateChange> closeDateChanges;
    private List<Document> documents;
    private long[] places = new long[2];
    private int events;
    private Unreadable firstUnreadable;
    private int unreadable;
    private boolean claimed;

    void add(BundleFile file, Object event, int line, int column) {
        switch (file) {
            case STAGE_CHANGES -> stages = append(stages, (StageChange) event);
            case ACTIVITIES -> activities = append(activities, (Activity) event);
            case DECISIONS -> decisions = append(decisions, (Decision) event);
            case LINE_ITEMS -> lines = append(lines, (LineItem) event);
            case CLOSE_DATE_CHANGES ->
                    closeDateChanges = append(closeDateChanges, (CloseDateChange) event);
            case DOCUMENTS -> documents = append(documents, (Document) event);
            case DEALS -> throw new IllegalArgumentException("deals.csv has no child rows");
        }
        if (events == places.length) {
            places = Arrays.copyOf(places, events * 2);
        }
        places[events++] = Place.pack(file, line, column);
    }

    void unreadable(String row, String reason) {
        if (firstUnreadable == null) {
            firstUnreadable = new Unreadable(row, reason);
        }
        unreadable++;
    }

    /** Rows read into events; the unreadable ones are reported on their own. */
    int events() {
        return events;
    }

    /** The first row that could not be read, or null. */
    Unreadable firstUnreadable() {
        return firstUnreadable;
    }

    int unreadableCount() {
        return unreadable;
    }

    /**
     * Marks the rows as taken by a deal; true the first time only, so that they are counted once.
     */
    boolean claim() {
        boolean first = !claimed;
        claimed = true;
        return first;
    }

    boolean claimed() {
        return claimed;
    }

    /** Where the events were read, packed by {@link Place}. */
    long place(int event) {
        return places[event];
    }

    List<StageChange> stages() {
        return orEmpty(stages);
    }

    List<Activity> activities() {
        return orEmpty(activities);
    }

    List<Decision> decisions() {
        return orEmpty(decisions);
    }

    List<LineItem> lines() {
        return orEmpty(lines);
    }

    List<CloseDateChange> closeDateChanges() {
        return orEmpty(closeDateChanges);
    }

    List<Document> documents() {
        return orEmpty(documents);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> target = list == null ? new ArrayList<>(2) : list;
        target.add(item);
        return target;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A file, line and column in one long, as millions of them may be held. */
    static final class Place {

        private Place() {}

        static long pack(BundleFile file, int line, int column) {
            return ((long) file.ordinal() << 56)
                    | ((long) Math.min(column, 0xFF_FFFF) << 32)
                    | (line & 0xFFFF_FFFFL);
        }

        static BundleFile file(long place) {
            return BundleFile.values()[(int) (place >>> 56)];
        }

        static int line(long place) {
            return (int) place;
        }

        static int column(long place) {
            return (int) ((place >>> 32) & 0xFF_FFFF);
        }
    }
}
