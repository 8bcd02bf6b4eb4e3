package fr.vigie.common;

import java.math.BigDecimal;

/**
 * The numbers Vigie reads from the data: at most {@link #MAX_DIGITS} digits before the decimal
 * point and as many after. Beyond, a number such as {@code 1e999999999} is short to write but has a
 * billion digits to print or add up: it is refused where it is read, with its record.
 */
public final class Numbers {

    public static final int MAX_DIGITS = 18;

    private Numbers() {}

    /**
     * Whether {@code value} is within {@link #MAX_DIGITS} digits on both sides of the decimal
     * point.
     */
    public static boolean readable(BigDecimal value) {
        return value.precision() - value.scale() <= MAX_DIGITS
                && value.stripTrailingZeros().scale() <= MAX_DIGITS;
    }

    /** Why the number {@code name} is not readable, or null when it is. */
    public static Message whyNotReadable(String name, BigDecimal value) {
        if (value.precision() - value.scale() > MAX_DIGITS) {
            return Message.of("value.tooManyDigitsBefore", name, MAX_DIGITS);
        }
        if (value.stripTrailingZeros().scale() > MAX_DIGITS) {
            return Message.of("value.tooManyDigitsAfter", name, MAX_DIGITS);
        }
        return null;
    }
}
