package fr.vigie.workspace;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period audited: a quarter ({@code 2026-Q3}), a month ({@code 2026-07}) or a year ({@code
 * 2026}), from {@code start} included to {@code end} excluded. Open deals are judged as of the end
 * of the period.
 */
public record Period(String label, LocalDate start, LocalDate end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public static Optional<Period> parse(String text) {
        String value = text.strip();
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            int year = Integer.parseInt(quarter.group(1));
            int q = Integer.parseInt(quarter.group(2));
            LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
            return Optional.of(new Period(year + "-Q" + q, start, start.plusMonths(3)));
        }
        Matcher month = MONTH.matcher(value);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(2));
            if (m < 1 || m > 12) {
                return Optional.empty();
            }
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), m);
            return Optional.of(new Period(ym.toString(), ym.atDay(1), ym.plusMonths(1).atDay(1)));
        }
        if (YEAR.matcher(value).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
            return Optional.of(new Period(value, start, start.plusYears(1)));
        }
        return Optional.empty();
    }

    /** The quarter {@code day} falls in. */
    public static Period quarterOf(LocalDate day) {
        return parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1)).orElseThrow();
    }

    /**
     * The period of the same kind just before: 2026-Q2 for 2026-Q3, 2026-06 for 2026-07, 2025 for
     * 2026.
     */
    public Optional<Period> previous() {
        if (label.contains("-Q")) {
            LocalDate before = start.minusMonths(3);
            return parse(before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1));
        }
        if (label.length() == 7) {
            return parse(YearMonth.from(start).minusMonths(1).toString());
        }
        return parse(String.valueOf(start.getYear() - 1));
    }

    /** The instant the period ends (midnight starting its day after), in the client's zone. */
    public ZonedDateTime endAt(ZoneId zone) {
        return end.atStartOfDay(zone);
    }

    public ZonedDateTime startAt(ZoneId zone) {
        return start.atStartOfDay(zone);
    }

    /** The last day inside the period. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    @Override
    public String toString() {
        return label;
    }
}
