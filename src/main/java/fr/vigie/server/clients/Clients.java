package fr.vigie.server.clients;

import fr.vigie.server.security.Accounts;
import fr.vigie.server.store.ClientScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clients: created by a consultant, who may then see them; their names are client data, read in
 * the client's scope.
 */
@Component
public class Clients {

    private final JdbcClient jdbc;
    private final ClientScope scope;
    private final Accounts accounts;
    private final Clock clock;

    Clients(JdbcClient jdbc, ClientScope scope, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new client named {@code name}, which {@code consultant} may see from now on. */
    public UUID create(String name, UUID consultant) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into client (id, created_at) values (?, ?)")
                .params(id, OffsetDateTime.now(clock))
                .update();
        scope.update(
                id,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "insert into client_profile (client_id, name, created_by)"
                                                + " values (?, ?, ?)")
                                .params(tx.client(), name.strip(), consultant)
                                .update());
        accounts.grant(consultant, id);
        return id;
    }

    public String name(UUID client) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql("select name from client_profile where client_id = ?")
                                .param(tx.client())
                                .query(String.class)
                                .optional()
                                .orElse("?"));
    }

    /**
     * Every client's id, oldest first: for the admin, who reads their names one client at a time.
     */
    public List<UUID> all() {
        return jdbc.sql("select id from client order by created_at").query(UUID.class).list();
    }
}
