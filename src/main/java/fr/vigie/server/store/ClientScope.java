package fr.vigie.server.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    /**
     * The rows of one query of the client's own, in a reading transaction: the first {@code ?} of
     * {@code sql} is the client, the next ones {@code params} in order.
     */
    public <T> List<T> list(UUID client, String sql, RowMapper<T> rows, Object... params) {
        return read(
                client,
                tx -> tx.jdbc().sql(sql).params(first(tx.client(), params)).query(rows).list());
    }

    /** The one row, if any, of a query of the client's own, as {@link #list} reads it. */
    public <T> Optional<T> one(UUID client, String sql, RowMapper<T> rows, Object... params) {
        return read(
                client,
                tx -> tx.jdbc().sql(sql).params(first(tx.client(), params)).query(rows).optional());
    }

    private static Object[] first(UUID client, Object[] params) {
        Object[] all = new Object[params.length + 1];
        all[0] = client;
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
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
