package fr.vigie.server.runs;

import fr.vigie.server.store.ClientScope;
import fr.vigie.workspace.Period;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The runs of a client, and the queue of those waiting or running. */
@Component
public class Runs {

    static final String COLUMNS =
            "r.id, r.client_id, r.period, r.state, r.workspace_version_id, w.sha256, r.upload_id,"
                + " d.original_name, r.source, u.display_name, r.requested_at, r.started_at,"
                + " r.ended_at, r.failure, r.rules_used, r.standard_rules_sha256, r.records_read,"
                + " r.deals_audited, r.records_rejected, r.conforming_deals, r.conformity,"
                + " r.findings, r.critical, r.major, r.minor, r.info, r.waived, r.gate_conformity,"
                + " r.gate_passed, r.outside_period";
    static final String FROM =
            " from run r join workspace_version w on w.id = r.workspace_version_id join"
                + " deals_upload d on d.id = r.upload_id join account u on u.id = r.requested_by";

    /** The client's runs, the conditions and order appended after it. */
    private static final String SELECT = "select " + COLUMNS + FROM + " where r.client_id = ?";

    private final ClientScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;

    Runs(ClientScope scope, JdbcClient jdbc, Clock clock) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new run, queued; the queue's entry is written first, so that a run is never left without
     * one.
     */
    UUID create(
            UUID client,
            Period period,
            UUID workspaceVersion,
            UUID upload,
            String source,
            UUID account) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql(
                        "insert into run_queue (run_id, client_id, queued_at, running) values (?,"
                                + " ?, ?, false)")
                .params(id, client, now)
                .update();
        scope.update(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "insert into run (id, client_id, period, period_start,"
                                                + " state, workspace_version_id, upload_id, source,"
                                                + " requested_by, requested_at) values (?, ?, ?, ?,"
                                                + " 'QUEUED', ?, ?, ?, ?, ?)")
                                .params(
                                        id,
                                        tx.client(),
                                        period.label(),
                                        period.start(),
                                        workspaceVersion,
                                        upload,
                                        source,
                                        account,
                                        now)
                                .update());
        return id;
    }

    public Optional<Run> find(UUID client, UUID id) {
        return scope.one(client, SELECT + " and r.id = ?", (rs, n) -> run(rs), id);
    }

    /** The client's runs, newest first. */
    public List<Run> all(UUID client) {
        return scope.list(client, SELECT + " order by r.requested_at desc", (rs, n) -> run(rs));
    }

    /**
     * For each period, the last run that succeeded, in the order of the periods: the client's
     * history.
     */
    public List<Run> history(UUID client) {
        return scope.list(
                client,
                SELECT
                        + " and r.state = 'SUCCEEDED' and not exists (select 1 from run l where"
                        + " l.client_id = r.client_id and l.period = r.period and l.state ="
                        + " 'SUCCEEDED' and (l.ended_at > r.ended_at or l.ended_at = r.ended_at and"
                        + " l.id > r.id)) order by r.period_start, r.period",
                (rs, n) -> run(rs));
    }

    /** The runs not over yet. */
    public List<Run> inProgress(UUID client) {
        return scope.list(
                client,
                SELECT + " and r.state in ('QUEUED', 'RUNNING') order by r.requested_at",
                (rs, n) -> run(rs));
    }

    void started(UUID client, UUID id) {
        scope.update(
                client,
                tx ->
                        tx.jdbc()
                                .sql(
                                        "update run set state = 'RUNNING', started_at = ? where"
                                                + " client_id = ? and id = ?")
                                .params(OffsetDateTime.now(clock), tx.client(), id)
                                .update());
    }

    /**
     * Ends a run as failed or interrupted; its partial results are removed in the same transaction.
     */
    void ended(UUID client, UUID id, RunState state, String reason) {
        scope.update(
                client,
                tx -> {
                    int ending =
                            tx.jdbc()
                                    .sql(
                                            "update run set state = ?, ended_at = ?, failure = ?"
                                                    + " where client_id = ? and id = ? and state in"
                                                    + " ('QUEUED', 'RUNNING')")
                                    .params(
                                            state.name(),
                                            OffsetDateTime.now(clock),
                                            reason,
                                            tx.client(),
                                            id)
                                    .update();
                    if (ending == 1) {
                        RunResults.removePartial(tx, id);
                    }
                });
    }

    /**
     * Ends a run as succeeded, with its figures and report files, in one transaction: before it, no
     * page shows its results.
     */
    void succeeded(
            UUID client,
            UUID id,
            Run.Figures figures,
            String rulesUsed,
            String standardRulesHash,
            String language,
            List<ReportFiles.Stored> files) {
        scope.update(
                client,
                tx -> {
                    for (ReportFiles.Stored file : files) {
                        tx.jdbc()
                                .sql(
                                        "insert into report_file (client_id, run_id, name,"
                                                + " size_bytes, sha256) values (?, ?, ?, ?, ?)")
                                .params(tx.client(), id, file.name(), file.size(), file.sha256())
                                .update();
                    }
                    tx.jdbc()
                            .sql(
                                    "update run set state = 'SUCCEEDED', ended_at = ?, records_read"
                                        + " = ?, deals_audited = ?, records_rejected = ?,"
                                        + " conforming_deals = ?, conformity = ?, findings = ?,"
                                        + " critical = ?, major = ?, minor = ?, info = ?, waived ="
                                        + " ?, gate_conformity = ?, gate_passed = ?, rules_used ="
                                        + " ?, standard_rules_sha256 = ?, language = ?,"
                                        + " outside_period = ? where client_id = ? and id = ? and"
                                        + " state = 'RUNNING'")
                            .params(
                                    OffsetDateTime.now(clock),
                                    figures.recordsRead(),
                                    figures.dealsAudited(),
                                    figures.recordsRejected(),
                                    figures.conformingDeals(),
                                    figures.conformity(),
                                    figures.findings(),
                                    figures.critical(),
                                    figures.major(),
                                    figures.minor(),
                                    figures.info(),
                                    figures.waived(),
                                    figures.gateConformity(),
                                    figures.gatePassed(),
                                    rulesUsed,
                                    standardRulesHash,
                                    language,
                                    figures.outsidePeriod(),
                                    tx.client(),
                                    id)
                            .update();
                });
    }

    /**
     * How many runs are ahead of {@code id} in the queue (0: next), or -1 when it is not waiting.
     */
    public int placeInQueue(UUID id) {
        List<UUID> waiting =
                jdbc.sql(
                                "select run_id from run_queue where not running order by queued_at,"
                                        + " run_id")
                        .query(UUID.class)
                        .list();
        return waiting.indexOf(id);
    }

    static Run run(ResultSet rs) throws SQLException {
        Run.Figures figures = null;
        if (RunState.valueOf(rs.getString(4)) == RunState.SUCCEEDED) {
            BigDecimal gate = rs.getBigDecimal(28);
            figures =
                    new Run.Figures(
                            rs.getLong(17),
                            rs.getLong(18),
                            rs.getLong(19),
                            rs.getLong(30),
                            rs.getLong(20),
                            rs.getBigDecimal(21),
                            rs.getLong(22),
                            rs.getLong(23),
                            rs.getLong(24),
                            rs.getLong(25),
                            rs.getLong(26),
                            rs.getLong(27),
                            gate,
                            rs.getBoolean(29));
        }
        return new Run(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                RunState.valueOf(rs.getString(4)),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getObject(7, UUID.class),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                figures);
    }
}
