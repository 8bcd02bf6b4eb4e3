package fr.vigie.workspace;

import java.math.BigDecimal;

/**
 * A percentage as a consultant writes it: {@code 5%}, {@code 5 %}, {@code 2.5} or {@code 2,5 %},
 * from 0 to 100.
 */
public final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {}

    /** The percentage {@code text} says, or null when it is not one from 0 to 100. */
    public static BigDecimal parse(String text) {
        String number = text.strip().replace(',', '.');
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        if (!number.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(number);
        return value.compareTo(HUNDRED) > 0 ? null : value;
    }
}
