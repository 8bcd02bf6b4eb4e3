package fr.vigie.deals.imports;

import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.IsoTimestamps;
import fr.vigie.deals.input.Values;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers, dates and date-times as CRMs and spreadsheets export them: ISO 8601 with an offset
 * or in UTC ({@code 2026-07-03T09:12:45.000Z}), dates alone, French spreadsheet habits ({@code 12
 * 500,00}, {@code 31/07/2026 14:05}). What a value says by itself is read; what it does not say
 * (which of {@code 03/07/2026} is the day, in which zone {@code 14:05} is) comes from the mapping
 * or is refused, never guessed. Instants come back at the workspace's offset.
 *
 * @param decimal the decimal separator the mapping states, or null to tell it from each value
 * @param dateOrder the order of day and month the mapping states, or null
 * @param localTimes the zone of date-times written without offset, or null to refuse them
 * @param zone the workspace's time zone: dates alone start their day there
 * @param mapping the mapping file as shown, to say where to state what is missing
 */
public record ValueFormats(
        Character decimal, DateOrder dateOrder, ZoneId localTimes, ZoneId zone, String mapping) {

    /** How a date written with slashes orders its day and month. */
    public enum DateOrder {
        DAY_FIRST("day-first"),
        MONTH_FIRST("month-first");

        private final String code;

        DateOrder(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static final Pattern SLASHED =
            Pattern.compile(
                    "(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})(?:["
                            + " T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern ISO_LOCAL =
            Pattern.compile(
                    "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[ \u00A0\u202F\u2009.,]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter COMPACT_OFFSET =
            DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd['T'][' ']HH:mm[:ss][.SSS][.SS][.S]xx", Locale.ROOT);

    /** Formats stating nothing: ISO values and unambiguous numbers only. */
    public static ValueFormats detecting(ZoneId zone, String mapping) {
        return new ValueFormats(null, null, null, zone, mapping);
    }

    /**
     * A number with a decimal point or comma and, optionally, spaces (also non-breaking), points or
     * commas between groups of three digits, and a euro sign. {@code 1,500} alone could be either:
     * refused unless the mapping states the decimal separator.
     */
    public BigDecimal number(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.endsWith("€")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        String plain = plainNumber(name, raw, text);
        BigDecimal value;
        try {
            value = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw notANumber(name, raw);
        }
        return Values.readable(name, value);
    }

    /** A percentage, with or without its sign: {@code 12,5 %} is 12.5. */
    public BigDecimal percent(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
        }
        return number(name, text);
    }

    private String plainNumber(String name, String raw, String text) {
        StringBuilder digits = new StringBuilder(text.length());
        int start = 0;
        if (!text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            digits.append(text.charAt(0));
            start = 1;
        }
        boolean spaced = false;
        int commas = 0;
        int points = 0;
        int lastComma = -1;
        int lastPoint = -1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',') {
                commas++;
                lastComma = i;
            } else if (c == '.') {
                points++;
                lastPoint = i;
            } else if (isSpace(c)) {
                spaced = true;
            } else if (c < '0' || c > '9') {
                throw notANumber(name, raw);
            }
        }
        char decimalMark =
                decimalMark(name, raw, text, start, spaced, commas, points, lastComma, lastPoint);
        int decimalAt = decimalMark == ',' ? lastComma : decimalMark == '.' ? lastPoint : -1;
        String integer = text.substring(start, decimalAt < 0 ? text.length() : decimalAt);
        checkGroups(name, raw, integer);
        for (int i = 0; i < integer.length(); i++) {
            char c = integer.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (decimalAt >= 0) {
            String fraction = text.substring(decimalAt + 1);
            if (fraction.isEmpty() || !fraction.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notANumber(name, raw);
            }
            digits.append('.').append(fraction);
        }
        if (digits.isEmpty() || digits.length() == start) {
            throw notANumber(name, raw);
        }
        return digits.toString();
    }

    /**
     * The decimal mark of this value (0 for none): stated, or told by the value itself, or refused.
     */
    private char decimalMark(
            String name,
            String raw,
            String text,
            int start,
            boolean spaced,
            int commas,
            int points,
            int lastComma,
            int lastPoint) {
        if (decimal != null) {
            int stated = decimal == ',' ? commas : points;
            if (stated > 1) {
                throw notANumber(name, raw);
            }
            return stated == 1 ? decimal : 0;
        }
        if (commas > 0 && points > 0) {
            return lastComma > lastPoint ? ',' : '.';
        }
        int count = commas + points;
        if (count == 0) {
            return 0;
        }
        char mark = commas > 0 ? ',' : '.';
        if (count > 1) {
            return 0;
        }
        int at = mark == ',' ? lastComma : lastPoint;
        String before = text.substring(start, at);
        int after = text.length() - at - 1;
        boolean couldGroup =
                !spaced
                        && after == 3
                        && before.length() <= 3
                        && !before.equals("0")
                        && !before.isEmpty();
        if (couldGroup) {
            String fraction = text.substring(at + 1);
            String asDecimal =
                    new BigDecimal(before + "." + fraction).stripTrailingZeros().toPlainString();
            throw new InvalidValue(
                    name,
                    name
                            + " '"
                            + raw
                            + "' could be "
                            + asDecimal
                            + " or "
                            + before
                            + fraction
                            + ": state the decimal separator in "
                            + mapping
                            + " (formats: decimal: \""
                            + mark
                            + "\" if it is the decimal mark)");
        }
        return mark;
    }

    /** The spaces that group thousands: plain, no-break, narrow no-break and thin. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    /**
     * Thousands separators, when there are any, must part groups of three digits: "12 50" is no
     * number.
     */
    private void checkGroups(String name, String raw, String integer) {
        String[] groups = GROUP_SEPARATOR.split(integer, -1);
        if (groups.length == 1) {
            return;
        }
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            throw notANumber(name, raw);
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                throw notANumber(name, raw);
            }
        }
    }

    private InvalidValue notANumber(String name, String raw) {
        return new InvalidValue(name, name + " must be a number, not '" + Values.quoted(raw) + "'");
    }

    /**
     * An instant: ISO 8601 with an offset or Z; a local date-time (ISO or {@code 31/07/2026 14:05})
     * in the zone the mapping states for local times; a date alone at the start of its day in the
     * workspace's zone.
     */
    public OffsetDateTime instant(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        OffsetDateTime withOffset = withOffset(text);
        if (withOffset != null) {
            return withOffset.atZoneSameInstant(zone).toOffsetDateTime();
        }
        Matcher iso = ISO_LOCAL.matcher(text);
        if (iso.matches()) {
            try {
                return local(
                        name,
                        raw,
                        LocalDateTime.of(
                                LocalDate.parse(iso.group(1)), LocalTime.parse(iso.group(2))));
            } catch (DateTimeParseException e) {
                throw notADate(name, raw);
            }
        }
        if (ISO_DATE.matcher(text).matches()) {
            return startOfDay(date(name, raw));
        }
        Matcher slashed = SLASHED.matcher(text);
        if (slashed.matches()) {
            LocalDate day = slashedDate(name, raw, slashed);
            if (slashed.group(4) == null) {
                return startOfDay(day);
            }
            try {
                LocalTime time =
                        LocalTime.of(
                                Integer.parseInt(slashed.group(4)),
                                Integer.parseInt(slashed.group(5)),
                                slashed.group(6) == null ? 0 : Integer.parseInt(slashed.group(6)));
                return local(name, raw, LocalDateTime.of(day, time));
            } catch (DateTimeException e) {
                throw notADate(name, raw);
            }
        }
        throw notADate(name, raw);
    }

    /**
     * A calendar day: ISO ({@code 2026-07-31}), or with slashes in the order the value or the
     * mapping tells.
     */
    public LocalDate date(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw notADate(name, raw);
            }
        }
        Matcher slashed = SLASHED.matcher(text);
        if (slashed.matches() && slashed.group(4) == null) {
            return slashedDate(name, raw, slashed);
        }
        OffsetDateTime withOffset = withOffset(text);
        if (withOffset != null) {
            return withOffset.atZoneSameInstant(zone).toLocalDate();
        }
        Matcher iso = ISO_LOCAL.matcher(text);
        if (iso.matches() && iso.group(2).startsWith("00:00")) {
            return date(name, iso.group(1));
        }
        throw new InvalidValue(
                name,
                "bad date: " + name + " '" + raw + "' is not a date (2026-07-31 or 31/07/2026)");
    }

    /** true or false, as exports write them: true/false, 1/0, yes/no, oui/non, vrai/faux. */
    public Boolean bool(String name, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "oui", "vrai" -> Boolean.TRUE;
            case "false", "0", "no", "non", "faux" -> Boolean.FALSE;
            default ->
                    throw new InvalidValue(
                            name, name + " must be true or false, not '" + raw + "'");
        };
    }

    private OffsetDateTime startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static OffsetDateTime withOffset(String text) {
        if (text.length() < 17 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        String iso =
                text.length() > 10 && text.charAt(10) == ' '
                        ? text.substring(0, 10) + "T" + text.substring(11)
                        : text;
        try {
            return IsoTimestamps.read(iso);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, COMPACT_OFFSET);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private OffsetDateTime local(String name, String raw, LocalDateTime local) {
        if (localTimes == null) {
            throw new InvalidValue(
                    name,
                    "bad date: "
                            + name
                            + " '"
                            + raw
                            + "' has no offset: state the zone of local times in "
                            + mapping
                            + " (formats: local-times: workspace, to read it in "
                            + zone
                            + "), or export with offsets");
        }
        List<ZoneOffset> offsets = localTimes.getRules().getValidOffsets(local);
        if (offsets.size() != 1) {
            throw new InvalidValue(
                    name,
                    "bad date: "
                            + name
                            + " '"
                            + raw
                            + "' "
                            + (offsets.isEmpty()
                                    ? "does not exist in "
                                            + localTimes
                                            + " (the clocks went forward)"
                                    : "happened twice in "
                                            + localTimes
                                            + " (the clocks went back): its instant cannot be"
                                            + " told"));
        }
        return local.atOffset(offsets.get(0)).atZoneSameInstant(zone).toOffsetDateTime();
    }

    private LocalDate slashedDate(String name, String raw, Matcher slashed) {
        int first = Integer.parseInt(slashed.group(1));
        int second = Integer.parseInt(slashed.group(2));
        int year = Integer.parseInt(slashed.group(3));
        DateOrder order = dateOrder;
        if (order == null) {
            if (first > 12 && second <= 12) {
                order = DateOrder.DAY_FIRST;
            } else if (second > 12 && first <= 12) {
                order = DateOrder.MONTH_FIRST;
            } else if (first == second) {
                order = DateOrder.DAY_FIRST;
            } else {
                String date = slashed.group(1) + "/" + slashed.group(2) + "/" + slashed.group(3);
                throw new InvalidValue(
                        name,
                        "ambiguous date: "
                                + name
                                + " '"
                                + raw
                                + "': "
                                + date
                                + " could be day/month or month/day;"
                                + " state the order in "
                                + mapping
                                + " (formats: dates: day-first, or month-first)");
            }
        }
        try {
            return order == DateOrder.DAY_FIRST
                    ? LocalDate.of(year, second, first)
                    : LocalDate.of(year, first, second);
        } catch (DateTimeException e) {
            throw notADate(name, raw);
        }
    }

    private static InvalidValue notADate(String name, String raw) {
        return new InvalidValue(
                name,
                "bad date: "
                        + name
                        + " '"
                        + raw
                        + "' is not a date-time (2026-07-31T14:05:00+02:00, "
                        + "2026-07-31T12:05:00.000Z or 31/07/2026 14:05)");
    }
}
