package fr.vigie.server.clients;

import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Problem;
import fr.vigie.job.CheckingAWorkspace;
import fr.vigie.server.ServerSettings;
import fr.vigie.server.store.ClientScope;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.uploads.Folders;
import fr.vigie.server.uploads.SafeZip;
import fr.vigie.server.uploads.UploadLimits;
import fr.vigie.server.uploads.UploadRefused;
import fr.vigie.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A client's workspace versions: a zip or a folder is copied into the data folder (without {@code
 * out/}, {@code deals/} and hidden files), known by the hash of its files, checked as {@code vigie
 * validate} checks it, and kept as it was, so that every audit says which version it used.
 */
@Component
public class Workspaces {

    private static final String COLUMNS =
            "w.id, w.sha256, w.origin, w.client_name, w.own_rules, w.valid, w.problems,"
                    + " u.display_name, w.created_at";

    /** The client's workspace versions, the conditions and order appended after it. */
    private static final String SELECT =
            "select "
                    + COLUMNS
                    + " from workspace_version w join account u on u.id = w.created_by where"
                    + " w.client_id = ?";

    private final ClientScope scope;
    private final DataFolder data;
    private final ServerSettings settings;
    private final UploadLimits limits;
    private final Clock clock;

    Workspaces(
            ClientScope scope,
            DataFolder data,
            ServerSettings settings,
            UploadLimits limits,
            Clock clock) {
        this.scope = scope;
        this.data = data;
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    /** What an upload gave: the version, and whether it was already known (same files). */
    public record Added(WorkspaceVersion version, boolean known) {}

    /** Adds the workspace in an uploaded zip. */
    public Added fromZip(UUID client, UUID account, Path zip, String originalName) {
        Path scratch = Folders.scratch(data.scratch(), "workspace");
        try {
            new SafeZip(limits).extract(zip, scratch);
            return add(
                    client, account, Folders.singleTop(scratch), Folders.displayName(originalName));
        } finally {
            Folders.delete(scratch);
        }
    }

    /**
     * Adds the workspace in {@code relative}, a folder under the one the server was started with
     * ({@code --folders}).
     */
    public Added fromFolder(UUID client, UUID account, String relative) {
        Path root = settings.folders();
        if (root == null) {
            throw new UploadRefused(
                    "pointing at a folder is off on this server (start it with --folders DIR)");
        }
        Path folder = Folders.inside(root, relative);
        return add(client, account, folder, "folder " + relative.strip());
    }

    /** Adds the workspace in a folder the server itself chose (the sample). */
    public Added fromServerFolder(UUID client, UUID account, Path folder, String origin) {
        return add(client, account, folder, origin);
    }

    private Added add(UUID client, UUID account, Path folder, String origin) {
        if (!Files.isRegularFile(folder.resolve("vigie.yaml"))) {
            throw new UploadRefused(
                    "no vigie.yaml at the top of the workspace (a workspace holds vigie.yaml and"
                            + " process/)");
        }
        List<Path> files = Folders.workspaceFiles(folder, limits);
        String sha256 = Folders.sha256(folder, files);
        Optional<WorkspaceVersion> known = byHash(client, sha256);
        if (known.isPresent()) {
            return new Added(known.get(), true);
        }
        UUID id = UUID.randomUUID();
        Path target = data.workspace(client, id);
        Folders.copy(folder, files, target);
        Checked checked = check(target);
        boolean ownRules = Folders.hasDrl(target.resolve("rules"));
        scope.update(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "insert into workspace_version (id, client_id, sha256,"
                                            + " origin, client_name, own_rules, valid, problems,"
                                            + " created_by, created_at) values (?, ?, ?, ?, ?, ?,"
                                            + " ?, ?, ?, ?)")
                                .params(
                                        id,
                                        tx.client(),
                                        sha256,
                                        origin,
                                        checked.clientName(),
                                        ownRules,
                                        checked.valid(),
                                        checked.problems(),
                                        account,
                                        OffsetDateTime.now(clock))
                                .update());
        return new Added(find(client, id).orElseThrow(), false);
    }

    private record Checked(String clientName, boolean valid, String problems) {}

    /**
     * Checks the workspace as {@code vigie validate} does; the problems name files inside the
     * workspace, never the server's folders.
     */
    private Checked check(Path root) {
        return DisplayPath.within(
                List.of(root),
                () -> {
                    try {
                        CheckingAWorkspace.Check check =
                                new CheckingAWorkspace()
                                        .check(root, settings.standardRules(), null);
                        String name =
                                check.errors() == 0
                                        ? WorkspaceLoader.load(root).settings().client()
                                        : null;
                        return new Checked(name, check.errors() == 0, lines(check.problems()));
                    } catch (InvalidInputException e) {
                        return new Checked(null, false, lines(e.problems()));
                    }
                });
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    public Optional<WorkspaceVersion> find(UUID client, UUID id) {
        return scope.one(client, SELECT + " and w.id = ?", (rs, n) -> version(rs), id);
    }

    private Optional<WorkspaceVersion> byHash(UUID client, String sha256) {
        return scope.one(client, SELECT + " and w.sha256 = ?", (rs, n) -> version(rs), sha256);
    }

    /** The client's versions, newest first. */
    public List<WorkspaceVersion> versions(UUID client) {
        return scope.list(client, SELECT + " order by w.created_at desc", (rs, n) -> version(rs));
    }

    /** The newest version, if any. */
    public Optional<WorkspaceVersion> latest(UUID client) {
        return versions(client).stream().findFirst();
    }

    /** The folder of a version, for an audit. */
    public Path folder(UUID client, UUID version) {
        Path folder = data.workspace(client, version);
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(
                    new IOException(
                            "the files of workspace version "
                                    + version
                                    + " are missing from the data folder"));
        }
        return folder;
    }

    private static WorkspaceVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WorkspaceVersion(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class));
    }
}
