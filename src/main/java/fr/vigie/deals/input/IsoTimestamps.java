package fr.vigie.deals.input;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the common shapes of ISO 8601 date-times with an offset ({@code 2026-07-03T09:12:45+02:00},
 * {@code 2026-07-03T07:12:45.000Z}, seconds optional) without the general-purpose formatter, which
 * is the slowest part of reading a deal. {@link #read} leaves anything else, and impossible dates,
 * to {@link OffsetDateTime#parse}, which also words the error.
 */
public final class IsoTimestamps {

    private IsoTimestamps() {}

    /**
     * An ISO 8601 date-time with its offset, the common shapes read directly, the others by {@link
     * OffsetDateTime#parse}.
     *
     * @throws java.time.format.DateTimeParseException when it is not one
     */
    public static OffsetDateTime read(String text) {
        OffsetDateTime quick = parse(text);
        return quick != null ? quick : OffsetDateTime.parse(text);
    }

    /** The common shapes only: null for anything else, or an impossible date. */
    static OffsetDateTime parse(String text) {
        int n = text.length();
        if (n < 17
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int i = 16;
        int second = 0;
        int nanos = 0;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && Character.isDigit(text.charAt(i)) && i - start < 9) {
                    nanos = nanos * 10 + (text.charAt(i) - '0');
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if ((year | month | day | hour | minute | second) < 0 || i >= n) {
            return null;
        }
        ZoneOffset offset = offset(text, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int i) {
        int rest = text.length() - i;
        char sign = text.charAt(i);
        if (sign == 'Z' && rest == 1) {
            return ZoneOffset.UTC;
        }
        if ((sign == '+' || sign == '-') && rest == 6 && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            try {
                return sign == '+'
                        ? ZoneOffset.ofHoursMinutes(hours, minutes)
                        : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The number written by {@code count} digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
