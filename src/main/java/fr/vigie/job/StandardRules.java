package fr.vigie.job;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the standard rule pack folder: {@code --standard-rules}, else {@code rules/} under the
 * Vigie home ({@code -Dvigie.home}, set by the {@code ./vigie} launcher, or {@code VIGIE_HOME}),
 * else {@code ./rules}.
 */
public final class StandardRules {

    private StandardRules() {}

    public static Path locate(Path explicit) {
        if (explicit != null) {
            return check(explicit);
        }
        String home = System.getProperty("vigie.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("VIGIE_HOME");
        }
        if (home != null && !home.isBlank()) {
            return check(Path.of(home).resolve("rules"));
        }
        Path local = Path.of("rules");
        if (Files.isDirectory(local)
                && Files.isRegularFile(local.resolve("messages_fr.properties"))) {
            return local;
        }
        throw InvalidInputException.at(
                Location.of("rules"),
                "cannot find the standard rule pack: run Vigie through the ./vigie launcher, set"
                        + " VIGIE_HOME to the Vigie folder, or pass --standard-rules DIR");
    }

    private static Path check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.at(
                    Location.of(dir.toString()), "the standard rule pack folder does not exist");
        }
        return dir;
    }
}
