package fr.vigie.deals.imports;

import fr.vigie.deals.input.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * The named values of one record of an export (a CSV row, an XES trace's attributes), read with the
 * export's {@link ValueFormats}; a value that cannot be read is a {@link RowProblem} at its place.
 */
public interface Cells {

    /** The value named {@code name}, trimmed; null when empty or absent. */
    String text(String name);

    /** The name as the export writes it, for messages. */
    String header(String name);

    ValueFormats formats();

    /**
     * Reads a value of {@code name}, turning an {@link fr.vigie.deals.input.InvalidValue} into a
     * problem at its place.
     */
    <T> T read(String name, Supplier<T> reading);

    default BigDecimal nonNegative(String name) {
        return read(
                name,
                () -> Values.nonNegative(header(name), formats().number(header(name), text(name))));
    }

    default BigDecimal percent(String name) {
        return read(name, () -> formats().percent(header(name), text(name)));
    }

    default OffsetDateTime instant(String name) {
        return read(name, () -> formats().instant(header(name), text(name)));
    }

    default LocalDate date(String name) {
        return read(name, () -> formats().date(header(name), text(name)));
    }

    default Boolean bool(String name) {
        return read(name, () -> formats().bool(header(name), text(name)));
    }
}
