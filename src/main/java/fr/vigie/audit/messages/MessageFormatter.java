package fr.vigie.audit.messages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills a message template's {@code {name}} placeholders with values written the reader's way:
 * dates in the client's zone and the locale's format ("18 sept. 2026"), numbers with the locale's
 * separators ("12 500"), lists joined with commas; a number may choose its words with ICU's plural
 * forms: {@code {days, plural, one {# jour} other {# jours}}}. An unknown placeholder stays as it
 * is, so that a test sees it. Not thread-safe: one per thread.
 */
public final class MessageFormatter {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final NumberFormat numbers;

    public MessageFormatter(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.numbers = NumberFormat.getNumberInstance(locale);
        this.numbers.setMaximumFractionDigits(2);
    }

    public Locale locale() {
        return locale;
    }

    public String render(String template, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? matching(template, i) : -1;
            if (close > i) {
                String inside = template.substring(i + 1, close);
                int comma = inside.indexOf(',');
                String name = comma < 0 ? inside : inside.substring(0, comma).strip();
                if (values.containsKey(name)) {
                    Object value = values.get(name);
                    out.append(
                            comma >= 0 && value instanceof Number number
                                    ? new com.ibm.icu.text.MessageFormat(
                                                    "{0" + inside.substring(comma) + "}", locale)
                                            .format(new Object[] {number})
                                    : format(value));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The brace that closes the one at {@code open}, nested braces counted; -1 when none. */
    private static int matching(String template, int open) {
        int depth = 0;
        for (int j = open; j < template.length(); j++) {
            char c = template.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    public String format(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof OffsetDateTime time) {
            return dates.format(time.atZoneSameInstant(zone).toLocalDate());
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return numbers.format(value);
        }
        if (value instanceof Number number) {
            return numbers.format(number.longValue());
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::format).collect(Collectors.joining(", "));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }
}
