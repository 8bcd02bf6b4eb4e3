package fr.vigie.server.security;

import fr.vigie.server.ServerSettings;
import fr.vigie.server.store.Database;
import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first start: the admin account, with the password of {@code VIGIE_ADMIN_PASSWORD} or a random
 * one printed here once (never logged, never stored but hashed). Then, at every start, where the
 * server listens and where its data is.
 */
@Component
@Order(1)
class FirstStart implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String PASSWORD_VARIABLE = "VIGIE_ADMIN_PASSWORD";

    private final Accounts accounts;
    private final ServerSettings settings;
    private final Database database;
    private final PrintStream console = System.out;

    FirstStart(Accounts accounts, ServerSettings settings, Database database) {
        this.accounts = accounts;
        this.settings = settings;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (accounts.any()) {
            return;
        }
        String given = System.getenv(PASSWORD_VARIABLE);
        if (given != null && given.length() >= Accounts.MIN_PASSWORD) {
            accounts.create(ADMIN, "Admin", Role.ADMIN, given);
            console.println(
                    "First start: account '"
                            + ADMIN
                            + "' created with the password of "
                            + PASSWORD_VARIABLE
                            + ".");
            return;
        }
        if (given != null) {
            console.println(
                    PASSWORD_VARIABLE
                            + " is shorter than "
                            + Accounts.MIN_PASSWORD
                            + " characters: a random password is used instead.");
        }
        String password = Accounts.randomPassword();
        accounts.create(ADMIN, "Admin", Role.ADMIN, password);
        console.println(
                "First start: account '"
                        + ADMIN
                        + "' created. Its password, shown this once: "
                        + password);
        console.println(
                "  (change it under Account once signed in; set "
                        + PASSWORD_VARIABLE
                        + " to choose it instead)");
    }

    @EventListener(ApplicationReadyEvent.class)
    void listening(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null) {
            String address =
                    ready.getApplicationContext()
                            .getEnvironment()
                            .getProperty("server.address", "127.0.0.1");
            console.println(
                    "Vigie server on http://"
                            + address
                            + ":"
                            + web.getWebServer().getPort()
                            + "/ (data in "
                            + settings.data()
                            + ", "
                            + database.product()
                            + (database.isPostgres() ? " with row-level security" : "")
                            + "). Ctrl-C stops it.");
        }
    }
}
