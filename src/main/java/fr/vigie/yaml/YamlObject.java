package fr.vigie.yaml;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one YAML mapping into typed values, reporting every mistake (unknown key, wrong type, value
 * out of range) with its location into {@link Problems}. Accessors return null when the value is
 * absent or wrong, so that reading goes on and all problems are reported together.
 */
public final class YamlObject {

    private final YamlMap map;
    private final String what;
    private final Problems problems;

    private YamlObject(YamlMap map, String what, Problems problems) {
        this.map = map;
        this.what = what;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping describing {@code what} (for messages, e.g. "stage
     * 'proposition'"), accepting only {@code knownKeys}; returns null after reporting when it is
     * not a mapping.
     */
    public static YamlObject of(
            YamlNode node, String what, Problems problems, String... knownKeys) {
        if (!(node instanceof YamlMap yamlMap)) {
            problems.error(
                    node.location(), what + " must be a mapping (key: value), not " + node.kind());
            return null;
        }
        YamlObject object = new YamlObject(yamlMap, what, problems);
        object.rejectUnknownKeys(Set.of(knownKeys));
        return object;
    }

    private void rejectUnknownKeys(Set<String> known) {
        for (YamlMap.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                List<String> sorted = known.stream().sorted().toList();
                String hint = DidYouMean.hint(entry.key(), sorted);
                problems.error(
                        entry.keyLocation(),
                        "unknown key '"
                                + entry.key()
                                + "' in "
                                + what
                                + (hint.isEmpty()
                                        ? "; expected one of: " + String.join(", ", sorted)
                                        : hint));
            }
        }
    }

    public Location location() {
        return map.location();
    }

    public String what() {
        return what;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        YamlNode node = map.get(key);
        return node != null && !(node instanceof YamlScalar s && s.isNull());
    }

    public YamlNode node(String key) {
        return map.get(key);
    }

    /** Where {@code key} is written, or where the mapping starts when it is absent. */
    public Location locationOf(String key) {
        YamlMap.Entry entry = map.entries().get(key);
        return entry == null ? map.location() : entry.keyLocation();
    }

    public Location valueLocation(String key) {
        YamlNode node = map.get(key);
        return node == null ? map.location() : node.location();
    }

    public String text(String key) {
        YamlNode node = map.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlScalar scalar) {
            return scalar.isNull() ? null : scalar.value().strip();
        }
        problems.error(
                node.location(),
                "'" + key + "' in " + what + " must be a value, not " + node.kind());
        return null;
    }

    public String requiredText(String key) {
        String value = text(key);
        if (value == null && !problemAlreadyAt(key)) {
            problems.error(map.location(), what + " needs '" + key + "'");
        }
        return value;
    }

    private boolean problemAlreadyAt(String key) {
        YamlNode node = map.get(key);
        return node != null && !(node instanceof YamlScalar);
    }

    public Integer integer(String key, int min, int max) {
        return convert(
                key,
                raw -> {
                    int value = Integer.parseInt(raw);
                    if (value < min || value > max) {
                        throw new IllegalArgumentException("between " + min + " and " + max);
                    }
                    return value;
                },
                "a whole number");
    }

    public BigDecimal decimal(String key, BigDecimal min, BigDecimal max) {
        return convert(
                key,
                raw -> {
                    BigDecimal value = new BigDecimal(raw.replace(',', '.'));
                    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                        throw new IllegalArgumentException(
                                "between " + min.toPlainString() + " and " + max.toPlainString());
                    }
                    return value;
                },
                "a number");
    }

    public LocalDate date(String key) {
        return convert(key, LocalDate::parse, "a date written YYYY-MM-DD");
    }

    public Boolean bool(String key) {
        return convert(
                key,
                raw ->
                        switch (raw.toLowerCase(Locale.ROOT)) {
                            case "true", "yes", "oui" -> Boolean.TRUE;
                            case "false", "no", "non" -> Boolean.FALSE;
                            default -> throw new IllegalArgumentException("true or false");
                        },
                "true or false");
    }

    /** One of {@code allowed}, compared without case. */
    public String choice(String key, String... allowed) {
        String raw = text(key);
        if (raw == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(raw)) {
                return candidate;
            }
        }
        problems.error(
                valueLocation(key),
                "'"
                        + key
                        + "' in "
                        + what
                        + " is '"
                        + raw
                        + "'; expected one of: "
                        + String.join(", ", allowed)
                        + DidYouMean.hint(raw, Arrays.asList(allowed)));
        return null;
    }

    private <T> T convert(String key, Function<String, T> parser, String expected) {
        String raw = text(key);
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            String range =
                    e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)
                            ? " " + e.getMessage()
                            : "";
            problems.error(
                    valueLocation(key),
                    "'"
                            + key
                            + "' in "
                            + what
                            + " must be "
                            + expected
                            + range
                            + ", not '"
                            + raw
                            + "'");
            return null;
        }
    }

    /** A list of values; a single value is read as a list of one. */
    public List<Located<String>> texts(String key) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return List.of();
        }
        List<YamlNode> items = node instanceof YamlList list ? list.items() : List.of(node);
        List<Located<String>> values = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                values.add(new Located<>(scalar.value().strip(), scalar.location()));
            } else {
                problems.error(
                        item.location(),
                        "items of '"
                                + key
                                + "' in "
                                + what
                                + " must be values, not "
                                + item.kind());
            }
        }
        return values;
    }

    /** The items of a list under {@code key} (empty when absent). */
    public List<YamlNode> list(String key) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return List.of();
        }
        if (node instanceof YamlList list) {
            return list.items();
        }
        problems.error(
                node.location(),
                "'" + key + "' in " + what + " must be a list, not " + node.kind());
        return List.of();
    }

    /** The nested mapping under {@code key}, or null when absent. */
    public YamlObject object(String key, String nestedWhat, String... knownKeys) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return null;
        }
        return of(node, nestedWhat, problems, knownKeys);
    }

    /** The entries of a nested mapping whose keys are names chosen by the user. */
    public List<YamlMap.Entry> entries(String key) {
        YamlNode node = map.get(key);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return List.of();
        }
        if (node instanceof YamlMap nested) {
            return List.copyOf(nested.entries().values());
        }
        problems.error(
                node.location(),
                "'" + key + "' in " + what + " must be a mapping, not " + node.kind());
        return List.of();
    }

    /** A value with the place it was written. */
    public record Located<T>(T value, Location location) {}
}
