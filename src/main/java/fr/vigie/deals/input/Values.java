package fr.vigie.deals.input;

import fr.vigie.common.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the values of the canonical deal format from text, for every input format, so that a
 * date or an amount means the same and is refused with the same words whatever the file type.
 * Each method takes the name the user wrote (a JSON path, a CSV column) to phrase its message,
 * returns null for null, and throws {@link InvalidValue} for a value it cannot read exactly.
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

  /** A number with a decimal point (a comma is refused: it is ambiguous with thousands). */
  public static BigDecimal decimal(String name, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValue(name, name + " must be a number, not '" + raw + "'");
    }
  }

  /** Amounts, prices, quantities and discounts are never negative. */
  public static BigDecimal nonNegative(String name, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw new InvalidValue(name, name + " is negative (" + value.toPlainString() + "): amounts and prices must be 0 or more");
    }
    return value;
  }

  /** A date-time with its offset: without one, the time of day (and so days in a stage) would be a guess. */
  public static OffsetDateTime timestamp(String name, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return IsoTimestamps.read(raw);
    } catch (DateTimeParseException e) {
      String why =
          LOCAL_DATE_TIME.matcher(raw).matches()
              ? " has no offset: add Z for UTC or the local offset, e.g. " + raw + "+02:00"
              : " is not a date-time; write ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00";
      throw new InvalidValue(name, "bad date: " + name + " '" + raw + "'" + why);
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
      throw new InvalidValue(name, "bad date: " + name + " '" + raw + "' is not a date written YYYY-MM-DD");
    }
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
      default -> throw new InvalidValue(name, name + " must be open, won or lost, not '" + raw + "'");
    };
  }

  /** An ISO 4217 code in capitals, so that amounts in different currencies are never added up. */
  public static String currency(String name, String raw) {
    if (raw != null && !CURRENCY.matcher(raw).matches()) {
      throw new InvalidValue(name, name + " must be an ISO 4217 code such as EUR, not '" + raw + "'");
    }
    return raw;
  }
}
