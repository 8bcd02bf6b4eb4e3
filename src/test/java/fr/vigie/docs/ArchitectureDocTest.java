package fr.vigie.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md names every package of the code: each top-level package has its row in the
 * table of packages, and each package below it is named (in backquotes, by its last name or its
 * path below the top) in a row of its top-level package.
 */
class ArchitectureDocTest {

    static final Path SOURCES = Path.of("src", "main", "java", "fr", "vigie");
    static final Path DOC = Path.of("docs", "architecture.md");
    static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z.]+)`[^|]*\\|(.*)\\|\\s*$");
    static final Pattern NAMED = Pattern.compile("`([a-z.]+)`");

    @Test
    void should_name_every_package_of_the_code_in_the_architecture_doc() throws IOException {
        // GIVEN the packages that hold classes, and the table of packages of docs/architecture.md
        List<String> packages = packages(SOURCES);
        String doc = Files.readString(DOC);

        // WHEN each is looked up in the table
        List<String> missing = missing(packages, doc);

        // THEN none is missing
        assertThat(packages).contains("audit.engine.safety", "strategy", "server.store");
        assertThat(missing).as("packages of %s not described in %s", SOURCES, DOC).isEmpty();
    }

    @Test
    void should_fail_on_a_top_level_package_without_its_row() {
        // GIVEN a table that describes audit and its engine, but not strategy
        String doc =
                """
                | Package | Holds |
                |---|---|
                | `audit` | `engine` (the only Drools code). |
                """;

        // WHEN strategy and a package of audit that the row does not name are looked up
        List<String> missing =
                missing(
                        List.of(
                                "audit",
                                "audit.engine",
                                "audit.safety",
                                "strategy",
                                "strategy.model"),
                        doc);

        // THEN they are missing
        assertThat(missing).containsExactly("audit.safety", "strategy", "strategy.model");
    }

    /** The packages (relative to fr.vigie) that the table of {@code doc} does not name. */
    static List<String> missing(List<String> packages, String doc) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : doc.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.merge(row.group(1), line, (a, b) -> a + "\n" + b);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : packages) {
            String top = name.split("\\.")[0];
            if (!rows.containsKey(top)) {
                missing.add(name);
                continue;
            }
            if (name.equals(top)) {
                continue;
            }
            String last = name.substring(name.lastIndexOf('.') + 1);
            String below = name.substring(top.length() + 1);
            boolean named =
                    rows.entrySet().stream()
                            .filter(
                                    row ->
                                            row.getKey().equals(top)
                                                    || row.getKey().startsWith(top + "."))
                            .anyMatch(
                                    row ->
                                            names(row.getValue())
                                                    .anyMatch(
                                                            n ->
                                                                    n.equals(last)
                                                                            || n.equals(below)
                                                                            || n.equals(name)));
            if (!named) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static Stream<String> names(String row) {
        return NAMED.matcher(row).results().map(m -> m.group(1));
    }

    /** Every folder below {@code root} that holds a Java file, as a package name relative to it. */
    static List<String> packages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(dir -> !dir.equals(root))
                    .map(
                            dir ->
                                    root.relativize(dir)
                                            .toString()
                                            .replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .toList();
        }
    }
}
