package fr.vigie.server.runs;

import fr.vigie.server.store.ClientScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The findings of succeeded runs, read in the client's scope: a run's list, page by page; what
 * changed between two runs by stable finding id (new, carried over, resolved); a deal's. A
 * succeeded run's findings never change, so what is computed between two of them is kept in a small
 * cache, by client and runs: the dashboard reads the same comparison at every visit.
 */
@Component
public class StoredFindings {

    /** Which findings of a run to list, against the run before it. */
    public enum Filter {
        ALL,
        NEW,
        CARRIED,
        RESOLVED
    }

    /**
     * What changed from one run to the next: counts, by stable finding id (waived findings apart).
     */
    public record Changes(long added, long carried, long resolved) {}

    /** A deal as stored with its findings: who owns it, its amount, and its stays in each stage. */
    public record Deal(
            String id,
            String name,
            String account,
            String owner,
            String team,
            String process,
            String processVersion,
            java.math.BigDecimal amount,
            String currency,
            String outcome,
            java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime closedAt,
            String lastStage,
            String visits) {}

    static final String COLUMNS =
            "f.finding_id, f.rule, f.severity, f.deal, f.deal_name, f.account, f.owner, f.stage,"
                    + " f.title, f.message, f.evidence, f.waiver";

    /**
     * The most serious first, in the audit's order: the order of the index run_finding_order,
     * written from its first column so that H2 reads the index in order instead of sorting a run's
     * every finding.
     */
    static final String SEVERITY_ORDER = "f.client_id, f.run_id, f.severity_rank, f.seq";

    private record Key(UUID client, UUID run, UUID before, Filter filter, int offset, int limit) {}

    private static final int CACHED = 2_000;

    private final ClientScope scope;
    private final Map<Key, Object> cache =
            java.util.Collections.synchronizedMap(
                    new java.util.LinkedHashMap<>(256, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                            return size() > CACHED;
                        }
                    });

    StoredFindings(ClientScope scope) {
        this.scope = scope;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, java.util.function.Supplier<T> compute) {
        Object known = cache.get(key);
        if (known != null) {
            return (T) known;
        }
        T computed = compute.get();
        cache.put(key, computed);
        return computed;
    }

    /**
     * A page of the findings of {@code run}, the most serious first: {@code NEW} and {@code
     * CARRIED} against {@code before}; {@code RESOLVED}: those of {@code before} that {@code run}
     * no longer has.
     */
    public List<FindingRow> list(
            UUID client, UUID run, UUID before, Filter filter, int offset, int limit) {
        return cached(
                new Key(client, run, before, filter, offset, limit),
                () -> read(client, run, before, filter, offset, limit));
    }

    private List<FindingRow> read(
            UUID client, UUID run, UUID before, Filter filter, int offset, int limit) {
        UUID listed = filter == Filter.RESOLVED ? before : run;
        UUID other = filter == Filter.RESOLVED ? run : before;
        String condition =
                switch (filter) {
                    case ALL -> "";
                    case NEW, RESOLVED ->
                            " and f.waiver is null and not exists (select 1 from run_finding o"
                                    + " where o.client_id = f.client_id and o.run_id = ? and"
                                    + " o.finding_id = f.finding_id and o.waiver is null)";
                    case CARRIED ->
                            " and f.waiver is null and exists (select 1 from run_finding o where"
                                + " o.client_id = f.client_id and o.run_id = ? and o.finding_id ="
                                + " f.finding_id and o.waiver is null)";
                };
        if (listed == null || filter != Filter.ALL && other == null) {
            return List.of();
        }
        return scope.read(
                client,
                tx -> {
                    var sql =
                            tx.jdbc()
                                    .sql(
                                            "select "
                                                    + COLUMNS
                                                    + " from run_finding f where f.client_id = ?"
                                                    + " and f.run_id = ?"
                                                    + condition
                                                    + " order by "
                                                    + SEVERITY_ORDER
                                                    + " limit "
                                                    + limit
                                                    + " offset "
                                                    + offset)
                                    .param(tx.client())
                                    .param(listed);
                    if (filter != Filter.ALL) {
                        sql = sql.param(other);
                    }
                    return sql.query((rs, n) -> row(rs)).list();
                });
    }

    /**
     * How many findings {@code run} added, carried over and resolved against {@code before} (null:
     * all new).
     */
    public Changes changes(UUID client, UUID run, UUID before) {
        return cached(
                new Key(client, run, before, null, 0, 0),
                () ->
                        scope.read(
                                client,
                                tx -> {
                                    if (before == null) {
                                        return new Changes(
                                                tx.jdbc()
                                                        .sql(
                                                                "select count(*) from run_finding"
                                                                    + " where client_id = ? and"
                                                                    + " run_id = ? and waiver is"
                                                                    + " null")
                                                        .params(tx.client(), run)
                                                        .query(Long.class)
                                                        .single(),
                                                0,
                                                0);
                                    }
                                    long[] now =
                                            tx.jdbc()
                                                    .sql(
                                                            "select count(*), count(o.finding_id)"
                                                                + " from run_finding f left join"
                                                                + " run_finding o on o.client_id ="
                                                                + " f.client_id and o.run_id = ?"
                                                                + " and o.finding_id = f.finding_id"
                                                                + " and o.waiver is null where"
                                                                + " f.client_id = ? and f.run_id ="
                                                                + " ? and f.waiver is null")
                                                    .params(before, tx.client(), run)
                                                    .query(
                                                            (rs, n) ->
                                                                    new long[] {
                                                                        rs.getLong(1), rs.getLong(2)
                                                                    })
                                                    .single();
                                    long earlier =
                                            tx.jdbc()
                                                    .sql(
                                                            "select count(*) from run_finding where"
                                                                + " client_id = ? and run_id = ?"
                                                                + " and waiver is null")
                                                    .params(tx.client(), before)
                                                    .query(Long.class)
                                                    .single();
                                    return new Changes(now[0] - now[1], now[1], earlier - now[1]);
                                }));
    }

    /**
     * The written contradictions between the strategy and the tactics: the findings of {@code run}
     * on no deal.
     */
    public List<FindingRow> contradictions(UUID client, UUID run) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "select "
                                                + COLUMNS
                                                + " from run_finding f where f.client_id = ? and"
                                                + " f.run_id = ? and f.deal is null order by "
                                                + SEVERITY_ORDER)
                                .params(tx.client(), run)
                                .query((rs, n) -> row(rs))
                                .list());
    }

    /** The deal {@code deal} of {@code run}, if it had findings. */
    public Optional<Deal> deal(UUID client, UUID run, String deal) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "select deal, name, account, owner, team, process,"
                                                + " process_version, amount, currency, outcome,"
                                                + " created_at, closed_at, last_stage, visits from"
                                                + " run_deal where client_id = ? and run_id = ? and"
                                                + " deal = ?")
                                .params(tx.client(), run, deal)
                                .query(
                                        (rs, n) ->
                                                new Deal(
                                                        rs.getString(1),
                                                        rs.getString(2),
                                                        rs.getString(3),
                                                        rs.getString(4),
                                                        rs.getString(5),
                                                        rs.getString(6),
                                                        rs.getString(7),
                                                        rs.getBigDecimal(8),
                                                        rs.getString(9),
                                                        rs.getString(10),
                                                        rs.getObject(
                                                                11, java.time.OffsetDateTime.class),
                                                        rs.getObject(
                                                                12, java.time.OffsetDateTime.class),
                                                        rs.getString(13),
                                                        rs.getString(14)))
                                .optional());
    }

    /** The findings of one deal in {@code run}, in the audit's order. */
    public List<FindingRow> ofDeal(UUID client, UUID run, String deal) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "select "
                                                + COLUMNS
                                                + " from run_finding f where f.client_id = ? and"
                                                + " f.run_id = ? and f.deal = ? order by f.seq")
                                .params(tx.client(), run, deal)
                                .query((rs, n) -> row(rs))
                                .list());
    }

    /** The rejected records of {@code run}: where, which deal, why. */
    public List<String[]> rejected(UUID client, UUID run, int limit) {
        return scope.read(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "select location, deal, reason from run_rejected where"
                                            + " client_id = ? and run_id = ? order by seq limit "
                                                + limit)
                                .params(tx.client(), run)
                                .query(
                                        (rs, n) ->
                                                new String[] {
                                                    rs.getString(1),
                                                    rs.getString(2),
                                                    rs.getString(3)
                                                })
                                .list());
    }

    private static FindingRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FindingRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12));
    }
}
