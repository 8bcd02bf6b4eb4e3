package fr.vigie.server.store;

import fr.vigie.server.VigieServer;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's files beside the database, readable by the server's user only: one folder per
 * client, named by its id, holding its workspace versions, uploads and runs' reports. Paths are
 * made from ids the database gave, never from what a request says.
 */
@Component
public class DataFolder {

    private final Path root;

    DataFolder(@Value("${vigie.server.data}") Path root) {
        this.root = VigieServer.ensurePrivateFolder(root.toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    public Path client(UUID client) {
        return root.resolve("clients").resolve(client.toString());
    }

    public Path workspace(UUID client, UUID version) {
        return client(client).resolve("workspaces").resolve(version.toString());
    }

    public Path upload(UUID client, UUID upload) {
        return client(client).resolve("uploads").resolve(upload.toString());
    }

    /**
     * Where a run writes its reports: {@code runs/<run>/<period>/}, so that the previous period's
     * results can sit beside it.
     */
    public Path run(UUID client, UUID run) {
        return client(client).resolve("runs").resolve(run.toString());
    }

    /** A private scratch folder. */
    public Path scratch() {
        return VigieServer.ensurePrivateFolder(root.resolve("tmp"));
    }
}
