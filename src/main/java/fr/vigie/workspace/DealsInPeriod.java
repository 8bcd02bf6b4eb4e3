package fr.vigie.workspace;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which deals an audit of a period judges ({@code deals-in-period} in vigie.yaml); the others are
 * counted as outside the period, never judged and never dropped silently.
 */
public enum DealsInPeriod {

    /**
     * Open at some point during the period: created before its end, not closed before its start
     * (the default).
     */
    OPEN_DURING,
    /** Closed (won or lost) during the period; open deals are outside. */
    CLOSED_DURING,
    /** Created during the period. */
    CREATED_DURING;

    /** Its name in vigie.yaml: {@code open-during}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(DealsInPeriod::code).toList();
    }

    public static DealsInPeriod of(String code) {
        return Arrays.stream(values())
                .filter(v -> v.code().equals(code))
                .findFirst()
                .orElse(OPEN_DURING);
    }

    /**
     * Whether a deal belongs to {@code period}: created on {@code created}, closed on {@code
     * closed} (null while open), its record spanning {@code first} to {@code last} (its earliest
     * and latest dates among creation, stage entries and close; {@code last} null while open).
     * Open-during reads the span, so that a deal whose dates contradict each other (closed before
     * it was created) is judged, and its dates found wrong, when any of them falls in the period.
     */
    public boolean contains(
            Period period, LocalDate created, LocalDate closed, LocalDate first, LocalDate last) {
        return switch (this) {
            case OPEN_DURING ->
                    (first == null || first.isBefore(period.end()))
                            && (last == null || !last.isBefore(period.start()));
            case CLOSED_DURING -> closed != null && within(period, closed);
            case CREATED_DURING ->
                    created == null
                            ? first == null || within(period, first)
                            : within(period, created);
        };
    }

    private static boolean within(Period period, LocalDate day) {
        return !day.isBefore(period.start()) && day.isBefore(period.end());
    }
}
