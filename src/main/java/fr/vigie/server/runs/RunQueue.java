package fr.vigie.server.runs;

import fr.vigie.audit.result.Progress;
import fr.vigie.server.ServerSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the audits in the background: at most {@code vigie.server.parallel-audits} at once (one by
 * default: an audit uses every core), never two of the same client, the others waiting in the order
 * they were asked for. The queue is kept in the database: at start, the runs that were running when
 * the server stopped are marked interrupted, and those waiting are started.
 */
@Component
public class RunQueue implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);

    private record Entry(UUID run, UUID client, boolean running) {}

    private final JdbcClient jdbc;
    private final Runs runs;
    private final Auditing auditing;
    private final int parallel;
    private final ExecutorService workers;
    private final Map<UUID, Progress> progress = new ConcurrentHashMap<>();

    /**
     * The runs this server is auditing now, and their clients: the slots. The database's flag
     * serves the next start.
     */
    private final Map<UUID, UUID> executing = new ConcurrentHashMap<>();

    private volatile boolean ready;

    RunQueue(JdbcClient jdbc, Runs runs, Auditing auditing, ServerSettings settings) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.auditing = auditing;
        this.parallel = settings.parallelAudits();
        this.workers =
                Executors.newFixedThreadPool(
                        parallel,
                        task -> {
                            Thread thread = new Thread(task, "vigie-run");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** At start: runs left running by a stopped server are interrupted; the waiting ones start. */
    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        ready = true;
        dispatch();
    }

    /**
     * Queues a new run of {@code upload} with {@code version}, and starts it when a slot is free.
     */
    public UUID submit(
            UUID client,
            fr.vigie.workspace.Period period,
            UUID version,
            UUID upload,
            String source,
            UUID account) {
        UUID id = runs.create(client, period, version, upload, source, account);
        dispatch();
        return id;
    }

    /** Where a running audit stands, while it runs. */
    public Optional<Progress> progress(UUID run) {
        return Optional.ofNullable(progress.get(run));
    }

    private synchronized void dispatch() {
        if (!ready) {
            return;
        }
        Set<UUID> busy = new HashSet<>(executing.values());
        for (Entry entry : entries()) {
            if (executing.containsKey(entry.run())) {
                continue;
            }
            if (entry.running()) {
                forget(entry);
                continue;
            }
            if (executing.size() >= parallel || busy.contains(entry.client())) {
                continue;
            }
            if (runs.find(entry.client(), entry.run()).isEmpty()) {
                jdbc.sql("delete from run_queue where run_id = ?").param(entry.run()).update();
                continue;
            }
            jdbc.sql("update run_queue set running = true where run_id = ?")
                    .param(entry.run())
                    .update();
            busy.add(entry.client());
            executing.put(entry.run(), entry.client());
            workers.submit(() -> execute(entry));
        }
    }

    /**
     * A queue entry marked running that no worker of this server runs: the server stopped while it
     * ran (or its end could not be recorded). It ends as interrupted, unless it had ended.
     */
    private void forget(Entry entry) {
        runs.ended(
                entry.client(),
                entry.run(),
                RunState.INTERRUPTED,
                "the server stopped while this audit ran; start it again");
        jdbc.sql("delete from run_queue where run_id = ?").param(entry.run()).update();
        LOG.info("run {} was interrupted", entry.run());
    }

    private void execute(Entry entry) {
        try {
            auditing.audit(entry.client(), entry.run(), p -> progress.put(entry.run(), p));
            jdbc.sql("delete from run_queue where run_id = ?").param(entry.run()).update();
        } catch (RuntimeException e) {
            LOG.error(
                    "run {}: its end could not be recorded ({}); it will show as interrupted",
                    entry.run(),
                    e.getClass().getName());
        } finally {
            progress.remove(entry.run());
            executing.remove(entry.run());
            try {
                dispatch();
            } catch (RuntimeException e) {
                LOG.error("the queue of audits could not be read ({})", e.getClass().getName());
            }
        }
    }

    private List<Entry> entries() {
        return jdbc.sql(
                        "select run_id, client_id, running from run_queue order by queued_at,"
                                + " run_id")
                .query(
                        (rs, n) ->
                                new Entry(
                                        rs.getObject(1, UUID.class),
                                        rs.getObject(2, UUID.class),
                                        rs.getBoolean(3)))
                .list();
    }

    @Override
    public void destroy() {
        ready = false;
        workers.shutdownNow();
    }
}
