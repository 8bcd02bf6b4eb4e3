package fr.vigie.audit.waivers;

import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Problems;
import fr.vigie.workspace.Workspace;
import fr.vigie.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the workspace's {@code waivers.yaml}, when there is one. */
public final class WaiverLoader {

    public static final String FILE = "waivers.yaml";

    private WaiverLoader() {}

    /**
     * The waivers of {@code workspace}, checked against {@code rules}; none without rules (they did
     * not compile).
     */
    public static List<Waiver> load(Workspace workspace, RuleCatalog rules, Problems problems) {
        Path file = workspace.folder().find(FILE);
        if (file == null || !Files.isRegularFile(file) || rules == null) {
            return List.of();
        }
        var root = YamlReader.readInto(file, DisplayPath.of(file), problems);
        return root == null
                ? List.of()
                : WaiverReader.read(root, rules.catalog(), workspace.settings().people(), problems);
    }
}
