package fr.vigie.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sentence for the user held as the key of Vigie's message catalogue ({@code
 * fr/vigie/common/messages*.properties}) and its arguments, put in words in the run's language only
 * where it is shown: a reader says why it refused a record once, and rejected.csv, the report and
 * the console each say it in their language. An argument that is itself a message is put in words
 * in the same language.
 */
public record Message(String key, List<Object> args) {

    /** The key of words not yet in the catalogue, shown as they are whatever the language. */
    public static final String AS_WRITTEN = "as-written";

    public Message {
        args = List.copyOf(Arrays.asList(args.toArray()));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** Words shown as they are in every language. */
    public static Message asWritten(String words) {
        return of(AS_WRITTEN, words);
    }

    /** The sentence in {@code language}. */
    public String in(Locale language) {
        return Messages.text(this, language);
    }

    /** The sentence in English, for logs and exception messages. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }
}
