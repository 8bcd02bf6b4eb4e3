package fr.vigie;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client workspace for tests that run a whole command: the testing pack's vigie.yaml and process,
 * copied under {@code dir/client}, with an empty {@code deals/} folder.
 */
public final class SmallWorkspace {

    private SmallWorkspace() {}

    public static Path in(Path dir) throws IOException {
        Path workspace = dir.resolve("client");
        Files.createDirectories(workspace.resolve("process"));
        Files.createDirectories(workspace.resolve("deals"));
        Files.copy(Path.of("rules/testing/vigie.yaml"), workspace.resolve("vigie.yaml"));
        Files.copy(
                Path.of("rules/testing/process/standard.yaml"),
                workspace.resolve("process/standard.yaml"));
        return workspace;
    }
}
