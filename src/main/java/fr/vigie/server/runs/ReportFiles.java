package fr.vigie.server.runs;

import fr.vigie.server.store.ClientScope;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.uploads.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The report files of a succeeded run, on disk under the client's folder and listed in the database
 * with their size and SHA-256: a file is served only when the database, in the client's scope,
 * lists it, and only if its bytes still match.
 */
@Component
public class ReportFiles {

    /** The files a run keeps, and their media types. */
    static final java.util.Map<String, String> TYPES =
            java.util.Map.of(
                    "report.html", "text/html;charset=UTF-8",
                    "report.pdf", "application/pdf",
                    "report.md", "text/markdown;charset=UTF-8",
                    "report-appendix.html", "text/html;charset=UTF-8",
                    "report-appendix.pdf", "application/pdf",
                    "report-appendix.md", "text/markdown;charset=UTF-8",
                    "findings.json", "application/json",
                    "findings.csv", "text/csv;charset=UTF-8",
                    "rejected.csv", "text/csv;charset=UTF-8");

    /** A file as listed in the database. */
    public record Stored(String name, long size, String sha256) {}

    private final ClientScope scope;
    private final DataFolder data;

    ReportFiles(ClientScope scope, DataFolder data) {
        this.scope = scope;
        this.data = data;
    }

    /** The files of {@code run} written in {@code folder}, hashed. */
    static List<Stored> describe(List<Path> files) {
        return files.stream()
                .filter(p -> TYPES.containsKey(p.getFileName().toString()))
                .map(p -> new Stored(p.getFileName().toString(), size(p), Folders.sha256(p)))
                .toList();
    }

    public List<Stored> list(UUID client, UUID run) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "select name, size_bytes, sha256 from report_file where"
                                                + " client_id = ? and run_id = ? order by name")
                                .params(tx.client(), run)
                                .query(
                                        (rs, n) ->
                                                new Stored(
                                                        rs.getString(1),
                                                        rs.getLong(2),
                                                        rs.getString(3)))
                                .list());
    }

    /**
     * The file {@code name} of the run, if the database lists it and its bytes are those stored.
     */
    public Optional<Path> open(UUID client, UUID run, String period, String name) {
        Optional<Stored> stored =
                list(client, run).stream().filter(f -> f.name().equals(name)).findFirst();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Path file = data.run(client, run).resolve(period).resolve(stored.get().name());
        if (!Files.isRegularFile(file)
                || size(file) != stored.get().size()
                || !Folders.sha256(file).equals(stored.get().sha256())) {
            throw new IllegalStateException(
                    "the file " + name + " of run " + run + " is missing or changed on disk");
        }
        return Optional.of(file);
    }

    public static String type(String name) {
        return TYPES.getOrDefault(name, "application/octet-stream");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
