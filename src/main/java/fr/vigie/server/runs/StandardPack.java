package fr.vigie.server.runs;

import fr.vigie.job.StandardRules;
import fr.vigie.server.ServerSettings;
import fr.vigie.server.uploads.Folders;
import fr.vigie.server.uploads.UploadLimits;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The standard rule pack the server audits with, and the hash of its files, recorded with every
 * run.
 */
@Component
public class StandardPack {

    private final Path folder;
    private final String sha256;

    StandardPack(ServerSettings settings) {
        this.folder = StandardRules.locate(settings.standardRules());
        this.sha256 =
                Folders.sha256(
                        folder, Folders.workspaceFiles(folder, new UploadLimits(null, null, 0, 0)));
    }

    public Path folder() {
        return folder;
    }

    public String sha256() {
        return sha256;
    }
}
