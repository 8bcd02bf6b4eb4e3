package fr.vigie.workspace;

import fr.vigie.common.ClientFolder;
import fr.vigie.process.model.SalesProcess;
import java.nio.file.Path;
import java.util.List;

/** One client's folder: settings, processes, own rules and rule tests. */
public record Workspace(Path root, WorkspaceSettings settings, List<SalesProcess> processes) {

    public Workspace {
        processes = List.copyOf(processes);
    }

    /**
     * This workspace, with {@code rule} choosing the period's deals instead of vigie.yaml's (null:
     * vigie.yaml's): {@code --deals-in-period}.
     */
    public Workspace withDealsInPeriod(DealsInPeriod rule) {
        return rule == null
                ? this
                : new Workspace(root, settings.withDealsInPeriod(rule), processes);
    }

    /** The workspace's files, each found inside it (links included). */
    public ClientFolder folder() {
        return ClientFolder.of(root);
    }

    public Path rulesDir() {
        return root.resolve("rules");
    }

    public Path dealsDir() {
        return root.resolve("deals");
    }

    public Path defaultOutput(Period period) {
        return root.resolve("out").resolve(period.label());
    }
}
