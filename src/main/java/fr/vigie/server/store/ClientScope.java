package fr.vigie.server.store;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only way to a client's data: one transaction for one client. Every query written inside names
 * the client ({@link Scoped#client()}) in its conditions; on PostgreSQL the transaction also sets
 * {@code vigie.client}, and row-level security shows nothing else. Transactions do not nest, so
 * that no query runs under another client's setting.
 */
@Component
public class ClientScope {

    /** A transaction scoped to one client. */
    public record Scoped(UUID client, JdbcClient jdbc, JdbcTemplate batches) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final boolean postgres;

    ClientScope(
            JdbcClient jdbc,
            JdbcTemplate batches,
            PlatformTransactionManager transactions,
            Database database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.postgres = database.isPostgres();
    }

    public <T> T read(UUID client, Function<Scoped, T> work) {
        return in(reading, client, work);
    }

    public <T> T write(UUID client, Function<Scoped, T> work) {
        return in(writing, client, work);
    }

    public void update(UUID client, Consumer<Scoped> work) {
        in(
                writing,
                client,
                scoped -> {
                    work.accept(scoped);
                    return null;
                });
    }

    private <T> T in(TransactionTemplate template, UUID client, Function<Scoped, T> work) {
        if (client == null) {
            throw new IllegalArgumentException("no client");
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("client transactions do not nest");
        }
        return template.execute(
                status -> {
                    if (postgres) {
                        jdbc.sql("select set_config('vigie.client', ?, true)")
                                .param(client.toString())
                                .query(String.class)
                                .single();
                    }
                    return work.apply(new Scoped(client, jdbc, batches));
                });
    }
}
