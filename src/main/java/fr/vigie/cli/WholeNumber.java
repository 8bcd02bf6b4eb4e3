package fr.vigie.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The numeric options, each checked against its range as it is read: "--threads must be a whole
 * number from 1 to 256, not '0'".
 */
abstract class WholeNumber implements ITypeConverter<Integer> {

    private final String option;
    private final int min;
    private final int max;

    WholeNumber(String option, int min, int max) {
        this.option = option;
        this.min = min;
        this.max = max;
    }

    @Override
    public Integer convert(String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below, as for a number out of range
        }
        throw new TypeConversionException(
                option
                        + " must be a whole number from "
                        + min
                        + " to "
                        + max
                        + ", not '"
                        + value
                        + "'");
    }

    /** {@code --threads}: worker threads. */
    static final class Threads extends WholeNumber {
        Threads() {
            super("--threads", 1, 256);
        }
    }

    /** {@code --max-rule-failures}: deals rules may fail on before the audit stops. */
    static final class RuleFailures extends WholeNumber {
        RuleFailures() {
            super("--max-rule-failures", 0, 999_999_999);
        }
    }

    /** {@code --port}: a TCP port. */
    static final class Port extends WholeNumber {
        Port() {
            super("--port", 1, 65535);
        }
    }

    /** {@code --threshold}: a percentage. */
    static final class Percentage extends WholeNumber {
        Percentage() {
            super("--threshold", 0, 100);
        }
    }
}
