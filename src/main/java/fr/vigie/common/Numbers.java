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

    /**
     * Why {@code value} is not readable, for a message that starts with the value's name, or null
     * when it is.
     */
    public static String whyNotReadable(BigDecimal value) {
        if (value.precision() - value.scale() > MAX_DIGITS) {
            return "has more than "
                    + MAX_DIGITS
                    + " digits before the decimal point: too large to be an amount, a price or a"
                    + " quantity";
        }
        if (value.stripTrailingZeros().scale() > MAX_DIGITS) {
            return "has more than "
                    + MAX_DIGITS
                    + " digits after the decimal point: Vigie cannot read it exactly";
        }
        return null;
    }
}
