package fr.vigie.common;

import com.ibm.icu.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** Vigie's message catalogue, French and English, with ICU plurals. Thread-safe. */
public final class Messages {

    static final String BUNDLE = "fr.vigie.common.messages";

    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private Messages() {}

    static String text(Message message, Locale language) {
        Locale locale = language == null ? Locale.FRENCH : language;
        String pattern = bundle(locale).getString(message.key());
        Object[] args = message.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Message nested) {
                args[i] = nested.in(locale);
            }
        }
        // A lone apostrophe is a letter in our sentences ("l'affaire"), not ICU's quote.
        return new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /** The catalogue in {@code language}: messages_fr.properties, else messages.properties. */
    public static ResourceBundle bundle(Locale language) {
        return BUNDLES.computeIfAbsent(
                Locale.forLanguageTag(language.getLanguage()),
                locale ->
                        ResourceBundle.getBundle(
                                BUNDLE,
                                locale,
                                ResourceBundle.Control.getNoFallbackControl(
                                        ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
