package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files of the report renderers: compared line by line, the first difference shown with
 * its neighbours. After a deliberate change of a renderer, the rules or the sample, rewrite them
 * with {@code -Dvigie.updateGolden=true} and review the diff.
 */
public final class Golden {

  public static final Path SAMPLE = Path.of("src", "test", "resources", "golden", "durand-industrie-2026-Q3");

  private Golden() {}

  public static void assertMatches(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("vigie.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      System.out.println("vigie.updateGolden: rewrote " + golden);
    }
    assertThat(golden).as("golden file; write it with -Dvigie.updateGolden=true").exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (expected.equals(actual)) {
      return;
    }
    List<String> a = actual.lines().toList();
    List<String> e = expected.lines().toList();
    int line = 0;
    while (line < a.size() && line < e.size() && a.get(line).equals(e.get(line))) {
      line++;
    }
    StringBuilder message = new StringBuilder(golden + " differs from the output at line " + (line + 1)
        + " (after a deliberate change: -Dvigie.updateGolden=true, then review the diff)\n");
    for (int i = Math.max(0, line - 2); i < Math.min(Math.max(a.size(), e.size()), line + 3); i++) {
      message.append(String.format("%5d  expected: %s%n       actual:   %s%n", i + 1, i < e.size() ? e.get(i) : "(end)", i < a.size() ? a.get(i) : "(end)"));
    }
    throw new AssertionError(message.toString());
  }
}
