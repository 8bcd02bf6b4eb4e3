package fr.vigie.server.runs;

import fr.vigie.server.store.ClientScope;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.uploads.Folders;
import fr.vigie.server.uploads.SafeZip;
import fr.vigie.server.uploads.UploadLimits;
import fr.vigie.server.uploads.UploadRefused;
import fr.vigie.workspace.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A quarter's deals uploaded for an audit: JSON Lines ({@code .jsonl}), an XES log ({@code .xes}),
 * or a zip of a CSV bundle or of a Salesforce, HubSpot or Pipedrive export, opened by {@link
 * SafeZip}. Kept as uploaded, under the client's folder.
 */
@Component
public class DealUploads {

    private static final String COLUMNS =
            "d.id, d.period, d.original_name, d.sha256, d.size_bytes, u.display_name, d.created_at";

    /** The client's uploads, the conditions and order appended after it. */
    private static final String SELECT =
            "select "
                    + COLUMNS
                    + " from deals_upload d join account u on u.id = d.created_by where d.client_id"
                    + " = ?";

    private final ClientScope scope;
    private final DataFolder data;
    private final UploadLimits limits;
    private final Clock clock;

    DealUploads(ClientScope scope, DataFolder data, UploadLimits limits, Clock clock) {
        this.scope = scope;
        this.data = data;
        this.limits = limits;
        this.clock = clock;
    }

    /** The period as written on the form, or a refusal that says how to write it. */
    public static Period period(String text) {
        return Period.parse(text == null ? "" : text.strip())
                .orElseThrow(
                        () ->
                                new UploadRefused(
                                        "'"
                                                + (text == null ? "" : text.strip())
                                                + "' is not a period: write a quarter (2026-Q3), a"
                                                + " month (2026-07) or a year (2026)"));
    }

    /** Keeps the file at {@code file} (moved) as the deals of {@code period}. */
    public Upload add(UUID client, UUID account, Path file, String originalName, Period period) {
        String name = Folders.displayName(originalName);
        String lower = name.toLowerCase(Locale.ROOT);
        UUID id = UUID.randomUUID();
        Path folder = data.upload(client, id);
        try {
            Files.createDirectories(folder);
            long size = Files.size(file);
            String sha256 = Folders.sha256(file);
            Path deals = folder.resolve("deals");
            if (lower.endsWith(".zip")) {
                new SafeZip(limits).extract(file, deals);
            } else if (lower.endsWith(".jsonl")
                    || lower.endsWith(".ndjson")
                    || lower.endsWith(".xes")) {
                Files.createDirectories(deals);
                Files.move(
                        file,
                        deals.resolve(Folders.safeFileName(name)),
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                throw new UploadRefused(
                        "'"
                                + name
                                + "' is neither JSON Lines (.jsonl), an XES log (.xes) nor a zip of"
                                + " a CSV bundle or CRM export (.zip)");
            }
            scope.update(
                    client,
                    tx ->
                            tx.jdbc()
                                    .sql(
                                            "insert into deals_upload (id, client_id, period,"
                                                + " original_name, sha256, size_bytes, created_by,"
                                                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                                    .params(
                                            id,
                                            tx.client(),
                                            period.label(),
                                            name,
                                            sha256,
                                            size,
                                            account,
                                            OffsetDateTime.now(clock))
                                    .update());
            return find(client, id).orElseThrow();
        } catch (IOException e) {
            Folders.delete(folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Folders.delete(folder);
            throw e;
        }
    }

    public Optional<Upload> find(UUID client, UUID id) {
        return scope.one(client, SELECT + " and d.id = ?", (rs, n) -> upload(rs), id);
    }

    /** The client's uploads, newest first. */
    public List<Upload> all(UUID client) {
        return scope.list(client, SELECT + " order by d.created_at desc", (rs, n) -> upload(rs));
    }

    /**
     * Where the audit reads the upload's deals: its one file, or the folder of the export or
     * bundle.
     */
    public Path deals(UUID client, UUID upload) {
        return Folders.singleTop(data.upload(client, upload).resolve("deals"));
    }

    /** The folder whose files the audit's messages name: shown as the names inside it. */
    public Path shownFolder(UUID client, UUID upload) {
        Path deals = deals(client, upload);
        return Files.isDirectory(deals) ? deals : deals.getParent();
    }

    private static Upload upload(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Upload(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class));
    }
}
