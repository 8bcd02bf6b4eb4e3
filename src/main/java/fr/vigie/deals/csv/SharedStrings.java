package fr.vigie.deals.csv;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each short text that repeats across child rows (stage ids, activity types, owners):
 * the child files are held in memory until their deals are read, and most of their cells repeat.
 * Stops learning new texts past a bound, so that unique texts (comments) cannot make it grow. Not
 * thread-safe.
 */
final class SharedStrings {

    private static final int MAX_TEXTS = 100_000;
    private static final int MAX_LENGTH = 64;

    private final Map<String, String> texts = new HashMap<>();

    String of(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        String shared = texts.get(text);
        if (shared != null) {
            return shared;
        }
        if (texts.size() < MAX_TEXTS) {
            texts.put(text, text);
        }
        return text;
    }
}
