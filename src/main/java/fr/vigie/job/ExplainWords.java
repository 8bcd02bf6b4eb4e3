package fr.vigie.job;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of {@code vigie explain} in one language, from the {@code explain} message bundle. */
public final class ExplainWords {

    private final Locale language;
    private final ResourceBundle bundle;

    public ExplainWords(Locale language) {
        this.language = language;
        this.bundle =
                ResourceBundle.getBundle(
                        "fr.vigie.job.explain",
                        language,
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale language() {
        return language;
    }

    /** The text of {@code key} with its {@code arguments} in place. */
    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }
}
