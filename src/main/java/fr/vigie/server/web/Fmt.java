package fr.vigie.server.web;

import fr.vigie.report.ReportText;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The pages' numbers and dates in the reader's language, as the report writes them ({@code
 * ${@fmt.pct(...)}} in the templates).
 */
@Component("fmt")
public class Fmt {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The report's words and number formats, in the reader's language. */
    public static ReportText text(Locale locale) {
        return new ReportText(
                Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                        ? Locale.ENGLISH
                        : Locale.FRENCH);
    }

    private static ReportText text() {
        return text(LocaleContextHolder.getLocale());
    }

    public String pct(BigDecimal rate) {
        return rate == null ? "" : text().percent(rate);
    }

    /** The change from {@code before} to {@code after}, in signed points. */
    public String pts(BigDecimal after, BigDecimal before) {
        return after == null || before == null ? "" : text().signedPoints(after.subtract(before));
    }

    public String num(long value) {
        return text().number(value);
    }

    public String amount(BigDecimal amount, String currency) {
        return amount == null ? "" : text().amount(amount, currency == null ? "EUR" : currency);
    }

    /** A moment, in Paris time: the clients are French companies. */
    public String at(OffsetDateTime at) {
        return at == null
                ? ""
                : at.atZoneSameInstant(PARIS)
                        .format(
                                DateTimeFormatter.ofLocalizedDateTime(
                                                FormatStyle.MEDIUM, FormatStyle.SHORT)
                                        .withLocale(LocaleContextHolder.getLocale()));
    }

    /** A file's size in kilobytes or megabytes. */
    public String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return num(Math.max(1, Math.round(bytes / 1024.0))) + " KB";
        }
        return num(Math.round(bytes / (1024.0 * 1024))) + " MB";
    }
}
