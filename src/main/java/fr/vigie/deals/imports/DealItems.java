package fr.vigie.deals.imports;

import java.util.ArrayList;
import java.util.List;

/** What the child rows of one deal gave it, by kind ("history", "activities"...), in file order. */
public final class DealItems {

    static final DealItems NONE = new DealItems(new HeldRows.Rows(), List.of(), false);

    private final HeldRows.Rows rows;
    private final List<String> kinds;
    private final boolean first;

    DealItems(HeldRows.Rows rows, List<String> kinds, boolean first) {
        this.rows = rows;
        this.kinds = kinds;
        this.first = first;
    }

    /**
     * The items of {@code kind}, in the order of their files and rows; rows that gave nothing are
     * left out.
     */
    public <T> List<T> list(String kind, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (HeldRows.Item item : rows.items) {
            if (item.value() != null && kinds.get(item.file()).equals(kind)) {
                found.add(type.cast(item.value()));
            }
        }
        return found;
    }

    /** Rows attached to the deal, counted once: by the first deal that claims them. */
    int events() {
        return first ? rows.items.size() : 0;
    }

    /**
     * "its stage change at OpportunityHistory.csv:4:20 could not be read: ...; 2 more of its
     * rows..." or null.
     */
    String unreadable() {
        if (rows.firstUnreadable == null) {
            return null;
        }
        int others = rows.unreadable - 1;
        return "its "
                + rows.firstUnreadable
                + (others > 0 ? "; " + others + " more of its rows could not be read either" : "");
    }
}
