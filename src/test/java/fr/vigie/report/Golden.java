package fr.vigie.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files: compared line by line, the first difference shown with its neighbours. After a
 * deliberate change of a renderer, the rules or the sample, run the test again with {@code
 * -Dvigie.updateGolden=true}: each golden file that differs is rewritten and its test fails, naming
 * it, so that the new file is reviewed ({@code git diff}) before the test passes again without the
 * flag. A run that rewrites nothing passes.
 */
public final class Golden {

    public static final Path SAMPLE =
            Path.of("src", "test", "resources", "golden", "durand-industrie-2026-Q3");
    public static final String UPDATE = "vigie.updateGolden";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Golden() {}

    public static void assertMatches(Path golden, String actual) {
        assertMatches(golden, actual, UPDATE);
    }

    /** As {@link #assertMatches(Path, String)}, rewritten with {@code -D<update>=true}. */
    public static void assertMatches(Path golden, String actual, String update) {
        String expected = read(golden);
        if (actual.equals(expected)) {
            return;
        }
        if (Boolean.getBoolean(update)) {
            write(golden, actual);
            throw new AssertionError(
                    golden
                            + " rewritten (-D"
                            + update
                            + "=true): review it with git diff, then run the test again without the"
                            + " flag");
        }
        if (expected == null) {
            throw new AssertionError(
                    golden + " does not exist: write it with -D" + update + "=true and review it");
        }
        List<String> a = actual.lines().toList();
        List<String> e = expected.lines().toList();
        int line = 0;
        while (line < a.size() && line < e.size() && a.get(line).equals(e.get(line))) {
            line++;
        }
        StringBuilder message =
                new StringBuilder(
                        golden
                                + " differs from the output at line "
                                + (line + 1)
                                + " (after a deliberate change: -D"
                                + update
                                + "=true, then review the diff)\n");
        for (int i = Math.max(0, line - 2);
                i < Math.min(Math.max(a.size(), e.size()), line + 3);
                i++) {
            message.append(
                    String.format(
                            "%5d  expected: %s%n       actual:   %s%n",
                            i + 1,
                            i < e.size() ? e.get(i) : "(end)",
                            i < a.size() ? a.get(i) : "(end)"));
        }
        throw new AssertionError(message.toString());
    }

    /**
     * A JSON document laid out for review: the fields of the top object and of the objects in it
     * one per line, and the items of the arrays down to there (the findings of findings.json, its
     * counts by rule) one per line; deeper values on one line. Values and their order are kept,
     * numbers as written.
     */
    public static String oneItemPerLine(String json) {
        StringBuilder out = new StringBuilder();
        layOut(JSON.readTree(json), 0, out);
        return out.append('\n').toString();
    }

    private static void layOut(JsonNode node, int depth, StringBuilder out) {
        boolean broken = node.isObject() ? depth < 2 : node.isArray() && depth < 3;
        if (!broken || node.isEmpty()) {
            out.append(JSON.writeValueAsString(node));
            return;
        }
        String indent = "  ".repeat(depth + 1);
        out.append(node.isObject() ? "{\n" : "[\n");
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(indent).append(JSON.writeValueAsString(field.getKey())).append(": ");
                layOut(field.getValue(), depth + 1, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (Iterator<JsonNode> items = node.values().iterator(); items.hasNext(); ) {
                out.append(indent);
                layOut(items.next(), depth + 1, out);
                out.append(items.hasNext() ? ",\n" : "\n");
            }
        }
        out.append("  ".repeat(depth)).append(node.isObject() ? "}" : "]");
    }

    private static String read(Path golden) {
        try {
            return Files.isRegularFile(golden)
                    ? Files.readString(golden, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path golden, String actual) {
        try {
            Files.createDirectories(golden.toAbsolutePath().getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
