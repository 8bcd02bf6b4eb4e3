package fr.vigie.deals.imports;

import fr.vigie.common.DidYouMean;
import fr.vigie.deals.input.InvalidValue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table of a mapping that turns a CRM's values into Vigie's: stage names into the process's
 * stages, activity types, pipeline names... A value is matched trimmed and in any case; a value the
 * table does not list is refused with the table's place and the closest name, never passed on. A
 * CRM value written with {@code *} is a pattern ({@code Démo*}: any value that starts with "Démo"),
 * for CRMs whose types are free text; values listed as they are come first, then the patterns in
 * the mapping's order.
 */
public final class Translation {

    private final String key;
    private final String mapping;
    private final Map<String, String> table = new HashMap<>();
    private final Map<java.util.regex.Pattern, String> patterns = new java.util.LinkedHashMap<>();
    private final List<String> names;

    /**
     * @param key the table's key as written in the mapping ("stages", "values.type")
     * @param mapping the mapping file as shown
     * @param entries CRM value → Vigie's value, in the mapping's order
     */
    public Translation(String key, String mapping, Map<String, String> entries) {
        this.key = key;
        this.mapping = mapping;
        entries.forEach(
                (from, to) -> {
                    if (from.contains("*")) {
                        patterns.put(pattern(normal(from)), to);
                    } else {
                        table.put(normal(from), to);
                    }
                });
        this.names = List.copyOf(entries.keySet());
    }

    private static String normal(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code *} any characters, everything else as it is. */
    private static java.util.regex.Pattern pattern(String glob) {
        String regex =
                java.util.Arrays.stream(glob.split("\\*", -1))
                        .map(java.util.regex.Pattern::quote)
                        .collect(java.util.stream.Collectors.joining(".*"));
        return java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL);
    }

    private String lookUp(String value) {
        String normal = normal(value);
        String found = table.get(normal);
        if (found != null) {
            return found;
        }
        for (Map.Entry<java.util.regex.Pattern, String> pattern : patterns.entrySet()) {
            if (pattern.getKey().matcher(normal).matches()) {
                return pattern.getValue();
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The CRM values the table lists, as written. */
    public List<String> names() {
        return names;
    }

    /** Whether the table lists {@code value}. */
    public boolean knows(String value) {
        return value != null && lookUp(value) != null;
    }

    /**
     * Vigie's value for {@code value}, null for null; {@code what} names the value in the message
     * ("stage", "activity type") and {@code field} the column it was read from.
     */
    public String apply(String field, String what, String value) {
        if (value == null) {
            return null;
        }
        String found = lookUp(value);
        if (found == null) {
            throw new InvalidValue(
                    field,
                    "unknown "
                            + what
                            + " '"
                            + value
                            + "': not in "
                            + key
                            + ": of "
                            + mapping
                            + DidYouMean.hint(value, names)
                            + "; add it there with the value Vigie should read");
        }
        return found;
    }

    /** Like {@link #apply}, but a table left empty passes values on as they are. */
    public String applyIfAny(String field, String what, String value) {
        return isEmpty() ? value : apply(field, what, value);
    }
}
