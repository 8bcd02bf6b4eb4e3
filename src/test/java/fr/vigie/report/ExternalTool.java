package fr.vigie.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs from the machine (Chromium, pdftotext): found on the PATH, or the test is
 * skipped with a message naming it and how to install it; mandatory when CI=true.
 */
public final class ExternalTool {

    private ExternalTool() {}

    /**
     * The first of {@code names} found on the PATH; skips (or fails on CI) naming {@code install}
     * otherwise.
     */
    public static Path require(String what, String install, List<String> names) {
        Optional<Path> found = find(names);
        if (found.isPresent()) {
            return found.get();
        }
        String message =
                what
                        + " is not installed (looked for "
                        + String.join(", ", names)
                        + " on the PATH): install it with `"
                        + install
                        + "` to run this test; it is mandatory when CI=true (.ci/run installs it).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    /** The first of {@code names} found on the PATH. */
    public static Optional<Path> find(List<String> names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
