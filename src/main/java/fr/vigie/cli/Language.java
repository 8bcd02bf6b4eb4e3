package fr.vigie.cli;

import fr.vigie.report.ReportText;
import java.util.Locale;
import java.util.ResourceBundle;

/** The console's words in a language. */
final class Language {

    private Language() {}

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
