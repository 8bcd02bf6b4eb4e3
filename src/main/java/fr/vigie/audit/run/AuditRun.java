package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.Progress;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.common.Location;
import fr.vigie.common.RuleProblemException;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Audits a stream of deal records: the calling thread reads records in batches, worker threads
 * judge them (parse, match the process, fire the rules), and the calling thread hands the results
 * to the listeners in input order, the findings a waiver accepts apart. At most a few batches are
 * in flight, so memory stays flat however many deals there are. The run ends with the summary of
 * its figures; what is concluded from them (and handed to the listeners' {@code finish}) is the
 * caller's.
 */
public final class AuditRun {

    /**
     * How to run: worker threads, records per batch, where to report progress, how long one deal
     * may be judged before the run stops (the rules' own limit stops them between firings only:
     * past this, a rule's code does not return), and on how many deals rules may fail (each then
     * not assessable for the rule) before the run stops.
     */
    public record Options(
            int threads,
            int batchSize,
            Consumer<Progress> progress,
            long stuckAfterMillis,
            int maxRuleFailures) {

        /**
         * On how many deals rules may fail before the run stops: a few deals a rule did not expect
         * are reported not assessable; more say the rule is broken, and a report without it would
         * mislead.
         */
        public static final int MAX_RULE_FAILURES = 10;

        /**
         * The longest the rules may take on one deal (each rule base fired again, up to three
         * times, when a rule fails on it), and ten seconds more for reading and preparing it.
         */
        public static final long STUCK_AFTER_MILLIS =
                fr.vigie.audit.engine.DealAuditor.LONGEST_MILLIS + 10_000;

        public Options(int threads, int batchSize, Consumer<Progress> progress) {
            this(threads, batchSize, progress, STUCK_AFTER_MILLIS, MAX_RULE_FAILURES);
        }

        public Options(
                int threads, int batchSize, Consumer<Progress> progress, long stuckAfterMillis) {
            this(threads, batchSize, progress, stuckAfterMillis, MAX_RULE_FAILURES);
        }

        /** The same, rules allowed to fail on {@code max} deals. */
        public Options withMaxRuleFailures(int max) {
            return new Options(threads, batchSize, progress, stuckAfterMillis, max);
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), 256, p -> {});
        }
    }

    /** How often the run tells where it stands: often enough for a bar on a terminal. */
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final RecordJudge judge;
    private final RuleCatalog rules;
    private final Options options;

    /** How many deals rules failed on so far. */
    private long failedDeals;

    /** The deal each worker is judging, and since when. */
    private final Map<Thread, Judging> judging = new ConcurrentHashMap<>();

    private record Judging(Location location, long since) {}

    /** {@code rules}: the rules {@code judge} judges with, whose metadata the summary counts by. */
    public AuditRun(RecordJudge judge, RuleCatalog rules, Options options) {
        this.judge = judge;
        this.rules = rules;
        this.options = options;
    }

    /**
     * Audits every record of {@code input} within {@code scope}, {@code waivers} accepting
     * findings, and tells {@code listeners} (all but {@code finish}); returns the summary of the
     * figures.
     */
    public AuditSummary run(
            DealInput input, AuditScope scope, Waivers waivers, List<AuditListener> listeners) {
        SummaryBuilder summary = new SummaryBuilder(scope, rules);
        Unassessable unassessable = Unassessable.of(rules, scope, input);
        summary.carried(input.carries());
        DuplicateIds ids = new DuplicateIds();
        listeners.forEach(l -> l.start(scope));
        ExecutorService workers =
                Executors.newFixedThreadPool(Math.max(1, options.threads()), daemonThreads());
        long started = System.nanoTime();
        long lastProgress = started;
        fr.vigie.deals.input.ReadMeter meter = fr.vigie.deals.input.ReadMeter.current();
        long read = 0;
        try {
            Deque<Future<List<Judged>>> inFlight = new ArrayDeque<>();
            int window = Math.max(2, options.threads() * 2);
            List<InputRecord> batch = new ArrayList<>(options.batchSize());
            InputRecord record;
            while ((record = input.next()) != null) {
                read++;
                batch.add(record);
                if (batch.size() == options.batchSize()) {
                    inFlight.add(submit(workers, batch));
                    batch = new ArrayList<>(options.batchSize());
                    while (inFlight.size() > window) {
                        deliver(inFlight.poll(), summary, ids, unassessable, waivers, listeners);
                    }
                    long now = System.nanoTime();
                    if (now - lastProgress > PROGRESS_EVERY_NANOS) {
                        lastProgress = now;
                        options.progress()
                                .accept(
                                        new Progress(
                                                Progress.Phase.AUDITING,
                                                read,
                                                summary.auditedCount(),
                                                summary.rejectedCount(),
                                                (now - started) / 1e9,
                                                meter == null ? -1 : meter.fraction()));
                    }
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(submit(workers, batch));
            }
            while (!inFlight.isEmpty()) {
                deliver(inFlight.poll(), summary, ids, unassessable, waivers, listeners);
            }
            for (Rejection orphan : input.orphans()) {
                summary.orphanEvent();
                listeners.forEach(l -> l.rejected(orphan));
            }
            options.progress()
                    .accept(
                            new Progress(
                                    Progress.Phase.WRITING,
                                    read,
                                    summary.auditedCount(),
                                    summary.rejectedCount(),
                                    (System.nanoTime() - started) / 1e9,
                                    1));
        } finally {
            workers.shutdownNow();
        }
        return summary.build(input.files(), read);
    }

    private Future<List<Judged>> submit(ExecutorService workers, List<InputRecord> batch) {
        return workers.submit(
                () -> {
                    List<Judged> results = new ArrayList<>(batch.size());
                    try {
                        for (InputRecord record : batch) {
                            judging.put(
                                    Thread.currentThread(),
                                    new Judging(record.location(), System.nanoTime()));
                            results.add(judge.judge(record.read()));
                        }
                    } finally {
                        judging.remove(Thread.currentThread());
                    }
                    return results;
                });
    }

    /** The batch's results, waiting no longer than a worker's deal may take. */
    private List<Judged> await(Future<List<Judged>> future)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return future.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                for (Judging deal : judging.values()) {
                    if (now - deal.since() > options.stuckAfterMillis() * 1_000_000) {
                        throw new RuleProblemException(
                                "the rules have not come back from the deal at "
                                        + deal.location()
                                        + " after "
                                        + (options.stuckAfterMillis() % 1000 == 0
                                                ? options.stuckAfterMillis() / 1000 + " s"
                                                : options.stuckAfterMillis() + " ms")
                                        + ": a rule's code does not return (the limit on one deal"
                                        + " stops rules between firings only); the run stops");
                    }
                }
            }
        }
    }

    private void deliver(
            Future<List<Judged>> future,
            SummaryBuilder summary,
            DuplicateIds ids,
            Unassessable unassessable,
            Waivers waivers,
            List<AuditListener> listeners) {
        List<Judged> results;
        try {
            results = await(future);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (Judged judged : results) {
            if (judged instanceof Judged.Audited audited) {
                int first = ids.firstLine(audited.deal().id(), audited.location().line());
                if (first >= 0) {
                    Rejection duplicate =
                            new Rejection(
                                    audited.location(),
                                    audited.deal().id(),
                                    fr.vigie.common.Message.of(
                                            "deal.duplicate",
                                            audited.deal().id(),
                                            String.valueOf(first)));
                    summary.rejected(audited.events());
                    listeners.forEach(l -> l.rejected(duplicate));
                    continue;
                }
                unassessable.rules().forEach(summary::notAssessable);
                Unassessable.OfDeal sorted =
                        unassessable.sort(audited.findings(), audited.partialEvidence());
                sorted.notAssessable()
                        .forEach((rule, why) -> summary.partial(rule, why, audited.deal().id()));
                failed(audited, unassessable, sorted, summary);
                Waivers.Split split = waivers.split(sorted.findings());
                List<Finding> findings = split.kept();
                List<WaivedFinding> accepted = split.waived();
                summary.audited(audited.deal(), findings, audited.events());
                listeners.forEach(l -> l.audited(audited.deal(), findings));
                if (!accepted.isEmpty()) {
                    listeners.forEach(l -> l.waived(audited.deal(), accepted));
                }
            } else if (judged instanceof Judged.Outside outside) {
                summary.outside(outside.events());
            } else {
                Judged.Refused refused = (Judged.Refused) judged;
                summary.rejected(refused.events());
                listeners.forEach(l -> l.rejected(refused.rejection()));
            }
        }
    }

    /**
     * Counts the rules that failed on the deal as not assessable there (those that could judge it
     * at all), and stops the run once rules failed on more deals than allowed.
     */
    private void failed(
            Judged.Audited audited,
            Unassessable unassessable,
            Unassessable.OfDeal sorted,
            SummaryBuilder summary) {
        List<fr.vigie.audit.engine.RuleFailure> failures =
                audited.failures().stream()
                        .filter(f -> !unassessable.rules().contains(f.rule()))
                        .filter(f -> !sorted.notAssessable().containsKey(f.rule()))
                        .toList();
        if (failures.isEmpty()) {
            return;
        }
        for (fr.vigie.audit.engine.RuleFailure failure : failures) {
            summary.failed(
                    failure.rule(),
                    new fr.vigie.audit.result.Coverage.Failed(
                            audited.deal().id(), audited.location().toString(), failure.reason()));
        }
        failedDeals++;
        if (failedDeals > options.maxRuleFailures()) {
            throw new RuleProblemException(
                    "rules failed on "
                            + failedDeals
                            + " deals, more than the "
                            + options.maxRuleFailures()
                            + " allowed (--max-rule-failures, or max-rule-failures in vigie.yaml);"
                            + " the last: "
                            + failures.get(0).problem().getMessage()
                            + ". The run stops: fix the rule, or allow more failures");
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "vigie-audit");
            thread.setDaemon(true);
            return thread;
        };
    }
}
