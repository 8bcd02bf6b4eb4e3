package fr.vigie.audit.engine.worker;

import fr.vigie.audit.engine.WorkspaceWorker;
import fr.vigie.common.RuleProblemException;
import fr.vigie.deals.model.Deal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One worker process judging deals with the workspace's own rules, seen from its parent: started on
 * the first deal, sent one deal at a time, waited for with a deadline. Past the deadline, or when
 * it dies (out of memory, a crash), it is killed with every process it started, and the next deal
 * starts a new one. Not thread-safe: one per auditing thread.
 */
public final class WorkerProcess implements WorkspaceWorker {

    /** What the reader thread puts in the queue when the worker's output ends. */
    private static final String END = new String("end of the worker's output");

    private final WorkerLaunch launch;
    private Process process;
    private OutputStream toWorker;
    private BlockingQueue<String> fromWorker;
    private boolean ready;
    private int started;

    public WorkerProcess(WorkerLaunch launch) {
        this.launch = launch;
    }

    @Override
    public Reply judge(Deal deal, String source, Set<String> skip) {
        if (process == null) {
            start();
        }
        if (!ready) {
            awaitReady();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(launch.replyMillis());
        try {
            toWorker.write(
                    (WorkerCodec.write(new WorkerCodec.Request(deal, source, skip)) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            toWorker.flush();
        } catch (IOException e) {
            // it died before reading the deal: the queue tells how
        }
        String running = null;
        while (true) {
            String line;
            try {
                line = fromWorker.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while the rules judged a deal", e);
            }
            if (line == null) {
                stop();
                return new Died(
                        running, "took more than " + launch.timeLimitMillis() + " ms", true);
            }
            if (line == END) {
                int code = stop();
                return new Died(running, death(code), false);
            }
            if (line.isEmpty()) {
                continue;
            }
            switch (line.charAt(0)) {
                case WorkerCodec.FIRING -> running = line.substring(1);
                case WorkerCodec.FIRED -> running = null;
                case WorkerCodec.REPLY -> {
                    WorkerCodec.Reply reply = WorkerCodec.readReply(line.substring(1));
                    return new Judged(
                            reply.findings(),
                            reply.failures().stream().map(WorkerCodec.Failure::failure).toList());
                }
                default -> {
                    // not the protocol (the JVM's own last words): the end or the deadline follows
                }
            }
        }
    }

    /**
     * Waits for the worker to have compiled the rules; a {@link RuleProblemException} when it
     * cannot start, or does not within the start-up time.
     */
    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(launch.startupMillis());
        while (!ready) {
            String line;
            try {
                line = fromWorker.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                line = null;
            }
            if (line == null || line == END || line.startsWith(String.valueOf(WorkerCodec.ERROR))) {
                int code = stop();
                throw new RuleProblemException(
                        "the worker process for the workspace's own rules could not start: "
                                + (line == null
                                        ? "it did not within " + launch.startupMillis() + " ms"
                                        : line == END ? "it " + death(code) : line.substring(1)));
            }
            ready = line.equals(String.valueOf(WorkerCodec.READY));
        }
    }

    /** What the worker's exit code says. */
    private String death(int code) {
        return code == WorkerLaunch.OUT_OF_MEMORY
                ? "exhausted the worker's memory (-Xmx" + launch.heap() + ")"
                : "stopped the worker process (exit " + code + ")";
    }

    /** How many worker processes this one started, for the tests. */
    int started() {
        return started;
    }

    /** The worker process running now, if any, for the tests. */
    java.util.Optional<ProcessHandle> handle() {
        return process == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(process.toHandle());
    }

    private void start() {
        try {
            process =
                    new ProcessBuilder(launch.command())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
        } catch (IOException e) {
            throw new RuleProblemException(
                    "cannot start the worker process for the workspace's own rules ("
                            + launch.command().get(0)
                            + "): "
                            + e.getMessage());
        }
        started++;
        ready = false;
        toWorker = process.getOutputStream();
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        fromWorker = queue;
        Process reading = process;
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader lines =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    reading.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line = lines.readLine();
                                        line != null;
                                        line = lines.readLine()) {
                                    queue.add(line);
                                }
                            } catch (IOException e) {
                                // killed: the end follows
                            } finally {
                                queue.add(END);
                            }
                        },
                        "vigie-rule-worker-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            toWorker.write((launch.setup() + "\n").getBytes(StandardCharsets.UTF_8));
            toWorker.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the worker and every process it started; its exit code. */
    private int stop() {
        Process p = process;
        process = null;
        ready = false;
        if (p == null) {
            return -1;
        }
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // gone or going: nothing more to do
        }
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        return p.isAlive() ? -1 : p.exitValue();
    }

    /** Ends the worker: its input closed, it exits; killed if it does not within a second. */
    @Override
    public void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            toWorker.close();
            p.waitFor(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            // dead already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }
}
