package fr.vigie.common;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one. */
public final class DidYouMean {

    private DidYouMean() {}

    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowered = typed.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(lowered, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance < typed.length()) {
            int tolerance = Math.max(2, (int) (0.4 * Math.max(typed.length(), best.length())));
            if (bestDistance <= tolerance) {
                return Optional.of(best);
            }
        }
        return sharedPrefix(lowered, known);
    }

    /** A long typo of a long name usually keeps its start: 'propsal' for 'proposition'. */
    private static Optional<String> sharedPrefix(String lowered, Collection<String> known) {
        String best = null;
        int bestLength = 3;
        boolean tie = false;
        for (String candidate : known) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int length = 0;
            while (length < lowered.length()
                    && length < other.length()
                    && lowered.charAt(length) == other.charAt(length)) {
                length++;
            }
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
                tie = false;
            } else if (length == bestLength && best != null) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "" when nothing is close. */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
