package fr.vigie.deals.input;

import fr.vigie.common.Message;
import fr.vigie.common.Numbers;
import fr.vigie.common.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the values of the canonical deal format from text, for every input format, so that a date
 * or an amount means the same and is refused with the same words whatever the file type. Each
 * method takes the name the user wrote (a JSON path, a CSV column) to phrase its message, returns
 * null for null, and throws {@link InvalidValue} for a value it cannot read exactly.
 */
public final class Values {

    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Values() {}

    /** The text without surrounding spaces; null when nothing is left. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * A number with a decimal point (a comma is refused: it is ambiguous with thousands), within
     * {@link Numbers#MAX_DIGITS}.
     */
    public static BigDecimal decimal(String name, String raw) {
        if (raw == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue(name, Message.of("value.notNumber", name, quoted(raw)));
        }
        return readable(name, value);
    }

    /**
     * The number, when it has at most {@link Numbers#MAX_DIGITS} digits before and after its
     * decimal point.
     */
    public static BigDecimal readable(String name, BigDecimal value) {
        Message why = value == null ? null : Numbers.whyNotReadable(name, value);
        if (why != null) {
            throw new InvalidValue(name, why);
        }
        return value;
    }

    /** Amounts, prices, quantities and discounts are never negative, and {@link #readable}. */
    public static BigDecimal nonNegative(String name, BigDecimal value) {
        readable(name, value);
        if (value != null && value.signum() < 0) {
            throw new InvalidValue(name, Message.of("value.negative", name, value.toPlainString()));
        }
        return value;
    }

    /**
     * A date-time with its offset: without one, the time of day (and so days in a stage) would be a
     * guess.
     */
    public static OffsetDateTime timestamp(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return IsoTimestamps.read(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(
                    name,
                    Message.of(
                            LOCAL_DATE_TIME.matcher(raw).matches()
                                    ? "value.noOffset"
                                    : "value.notDateTime",
                            name,
                            quoted(raw)));
        }
    }

    /** A calendar day, written YYYY-MM-DD. */
    public static LocalDate date(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(name, Message.of("value.notDate", name, quoted(raw)));
        }
    }

    /**
     * A value as a message quotes it: its first 100 characters, so that a 64 MB cell is not copied
     * into every report.
     */
    public static String quoted(String raw) {
        return raw.length() <= 100 ? raw : raw.substring(0, 100) + "…";
    }

    /** open, won or lost, in any case. */
    public static Outcome outcome(String name, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "open" -> Outcome.OPEN;
            case "won" -> Outcome.WON;
            case "lost" -> Outcome.LOST;
            default -> throw new InvalidValue(name, Message.of("value.outcome", name, quoted(raw)));
        };
    }

    /** An ISO 4217 code in capitals, so that amounts in different currencies are never added up. */
    public static String currency(String name, String raw) {
        if (raw != null && !CURRENCY.matcher(raw).matches()) {
            throw new InvalidValue(name, Message.of("value.currency", name, quoted(raw)));
        }
        return raw;
    }
}
