package fr.vigie.server;

import fr.vigie.SmallWorkspace;
import fr.vigie.server.clients.Clients;
import fr.vigie.server.clients.Workspaces;
import fr.vigie.server.runs.DealUploads;
import fr.vigie.server.runs.RunQueue;
import fr.vigie.server.runs.Upload;
import fr.vigie.server.security.Account;
import fr.vigie.server.security.Accounts;
import fr.vigie.server.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Clients made for the server's tests, through the same services the pages call. */
@Component
public class TestClients {

    /** A client made here: its consultant, its CEO, its only run. */
    public record Made(UUID client, Account consultant, Account ceo, UUID upload, UUID run) {}

    private final Accounts accounts;
    private final Clients clients;
    private final Workspaces workspaces;
    private final DealUploads uploads;
    private final RunQueue queue;
    private final fr.vigie.server.runs.Runs runs;

    TestClients(
            Accounts accounts,
            Clients clients,
            Workspaces workspaces,
            DealUploads uploads,
            RunQueue queue,
            fr.vigie.server.runs.Runs runs) {
        this.runs = runs;
        this.accounts = accounts;
        this.clients = clients;
        this.workspaces = workspaces;
        this.uploads = uploads;
        this.queue = queue;
    }

    public fr.vigie.server.runs.RunState runState(UUID client, UUID run) {
        return runs.find(client, run).orElseThrow().state();
    }

    public UUID sample() {
        return clients.all().stream()
                .filter(c -> clients.name(c).equals("Durand Industrie SAS"))
                .findFirst()
                .orElseThrow();
    }

    public Account account(String username, Role role) {
        return accounts.all().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseGet(() -> accounts.create(username, username, role, ServerTest.PASSWORD));
    }

    /**
     * A client {@code name} served by {@code consultant}, with the testing pack's workspace, a CEO
     * {@code name}-ceo, and one audit of {@code deals} (JSON Lines) for 2026-Q3, queued.
     */
    public Made small(String name, String consultant, String deals) {
        try {
            Account serving = account(consultant, Role.CONSULTANT);
            Account ceo =
                    account(
                            name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-ceo",
                            Role.CEO);
            UUID client = clients.create(name, serving.id());
            accounts.grant(ceo.id(), client);
            Path dir = Files.createTempDirectory("vigie-test-client");
            Path workspace = SmallWorkspace.in(dir);
            UUID version =
                    workspaces
                            .fromServerFolder(client, serving.id(), workspace, "test")
                            .version()
                            .id();
            Path file = dir.resolve("deals.jsonl");
            Files.writeString(file, deals);
            Upload upload =
                    uploads.add(
                            client,
                            serving.id(),
                            file,
                            "2026-Q3.jsonl",
                            DealUploads.period("2026-Q3"));
            UUID run =
                    queue.submit(
                            client,
                            DealUploads.period("2026-Q3"),
                            version,
                            upload.id(),
                            null,
                            serving.id());
            return new Made(client, serving, ceo, upload.id(), run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One deal that skips qualification (a PROC-SKIP-STAGE finding), named {@code name}. */
    public static String skipping(String id, String name) {
        return "{\"id\":\""
                + id
                + "\",\"name\":\""
                + name
                + "\",\"createdAt\":\"2026-09-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-09-01T09:00:00+02:00\"},{\"stage\":\"proposition\",\"at\":\"2026-09-05T09:00:00+02:00\"}]}\n";
    }
}
