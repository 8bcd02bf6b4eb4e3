package fr.vigie.server.sample;

import fr.vigie.server.ServerSettings;
import fr.vigie.server.clients.Clients;
import fr.vigie.server.clients.Workspaces;
import fr.vigie.server.runs.DealUploads;
import fr.vigie.server.runs.RunQueue;
import fr.vigie.server.runs.Upload;
import fr.vigie.server.security.Account;
import fr.vigie.server.security.Accounts;
import fr.vigie.server.security.Role;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.store.Flags;
import fr.vigie.server.uploads.Folders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, the sample client (fixtures/durand-industrie) with two quarters, 2026-Q2 and
 * 2026-Q3, audited in the background, so that history and trends show at once; with its consultant,
 * CEO and sales director, whose passwords are printed once (or all set to {@code
 * vigie.server.sample-password}). {@code vigie serve --no-sample} skips it.
 */
@Component
@Order(2)
class SampleImport implements ApplicationRunner {

    static final String SAMPLE = "fixtures/durand-industrie";
    static final List<String> QUARTERS = List.of("2026-Q2", "2026-Q3");

    private final ServerSettings settings;
    private final Flags flags;
    private final Accounts accounts;
    private final Clients clients;
    private final Workspaces workspaces;
    private final DealUploads uploads;
    private final RunQueue queue;
    private final DataFolder data;
    private final String samplePassword;
    private final PrintStream console = System.out;

    SampleImport(
            ServerSettings settings,
            Flags flags,
            Accounts accounts,
            Clients clients,
            Workspaces workspaces,
            DealUploads uploads,
            RunQueue queue,
            DataFolder data,
            @Value("${vigie.server.sample-password:}") String samplePassword) {
        this.settings = settings;
        this.flags = flags;
        this.accounts = accounts;
        this.clients = clients;
        this.workspaces = workspaces;
        this.uploads = uploads;
        this.queue = queue;
        this.data = data;
        this.samplePassword = samplePassword;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Path sample = settings.home().resolve(SAMPLE);
        if (!settings.sample()
                || flags.on(Flags.SAMPLE_IMPORTED)
                || !clients.all().isEmpty()
                || !Files.isDirectory(sample)) {
            return;
        }
        StringBuilder passwords = new StringBuilder();
        Account consultant = account("consultant", "Consultant Vigie", Role.CONSULTANT, passwords);
        Account ceo = account("p.durand", "Philippe Durand", Role.CEO, passwords);
        Account director = account("s.morel", "Sophie Morel", Role.DIRECTOR, passwords);
        UUID client = clients.create("Durand Industrie SAS", consultant.id());
        accounts.grant(ceo.id(), client);
        accounts.grant(director.id(), client);
        UUID version =
                workspaces.fromServerFolder(client, consultant.id(), sample, SAMPLE).version().id();
        for (String quarter : QUARTERS) {
            Path copy = Folders.scratch(data.scratch(), "sample");
            try {
                Files.copy(sample.resolve("deals").resolve(quarter + ".jsonl"), copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Upload upload =
                    uploads.add(
                            client,
                            consultant.id(),
                            copy,
                            quarter + ".jsonl",
                            DealUploads.period(quarter));
            queue.submit(
                    client,
                    DealUploads.period(quarter),
                    version,
                    upload.id(),
                    null,
                    consultant.id());
        }
        flags.set(Flags.SAMPLE_IMPORTED, true);
        console.println(
                "Sample client Durand Industrie SAS imported, its quarters "
                        + String.join(" and ", QUARTERS)
                        + " audited in the background.");
        console.println(
                passwords.length() == 0
                        ? "  Its accounts (consultant, p.durand: CEO, s.morel: sales director) have"
                                + " the password vigie.server.sample-password."
                        : "  Its accounts, passwords shown this once:" + passwords);
    }

    private Account account(String username, String name, Role role, StringBuilder passwords) {
        String password = samplePassword.isEmpty() ? Accounts.randomPassword() : samplePassword;
        if (samplePassword.isEmpty()) {
            passwords
                    .append("\n    ")
                    .append(username)
                    .append(" (")
                    .append(role.name().toLowerCase(java.util.Locale.ROOT))
                    .append("): ")
                    .append(password);
        }
        return accounts.create(username, name, role, password);
    }
}
