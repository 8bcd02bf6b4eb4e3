package fr.vigie.cli;

import fr.vigie.common.Severity;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The {@code --fail-on} option's value: a severity, or {@code none} (null: nothing fails). */
final class FailOn {

    private FailOn() {}

    static Severity threshold(CommandLine command, String value) {
        if ("none".equalsIgnoreCase(value)) {
            return null;
        }
        return Severity.fromCode(value)
                .orElseThrow(
                        () ->
                                new ParameterException(
                                        command,
                                        "--fail-on must be one of info, minor, major, critical,"
                                                + " none; not '"
                                                + value
                                                + "'"));
    }
}
