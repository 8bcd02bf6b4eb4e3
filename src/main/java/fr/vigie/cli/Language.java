package fr.vigie.cli;

import fr.vigie.report.ReportText;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The {@code --lang} option's value, and the console's words in that language. */
final class Language {

    private Language() {}

    /** {@code fr} or {@code en}; null when not given (the workspace's language then). */
    static Locale parse(CommandLine command, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fr" -> Locale.FRENCH;
            case "en" -> Locale.ENGLISH;
            default ->
                    throw new ParameterException(
                            command, "--lang must be fr or en, not '" + value + "'");
        };
    }

    /** What the commands print, in {@code language} (console.properties, console_fr.properties). */
    static ReportText console(Locale language) {
        return new ReportText(
                language,
                ResourceBundle.getBundle(
                        "fr.vigie.cli.console",
                        language,
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
