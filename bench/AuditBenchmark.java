import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.run.AuditRun;
import fr.vigie.audit.run.DealJudge;
import fr.vigie.audit.run.Judged;
import fr.vigie.audit.run.RecordJudge;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.formats.ReportFormat;
import fr.vigie.sources.DealsLocator;
import fr.vigie.workspace.Period;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Parse-only against full audit, in one process, over the same deals file: both go through the same
 * pipeline (reader thread, one worker per core, ordered delivery); parse-only stops after reading
 * each record, the full audit prepares, runs the rules and writes every report. Two runs in between
 * stop after preparing the deals and after the rules (no report written), so that the gap splits
 * into its steps. Prints the throughputs, their ratios (the figures that matter on a noisy
 * machine), and heap use.
 *
 * <p>Usage: java -cp <classes:deps> bench/AuditBenchmark.java WORKSPACE DEALS.jsonl PERIOD [ROUNDS]
 */
public class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path deals = Path.of(args[1]);
        Period period = Period.parse(args[2]).orElseThrow();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        AuditingAPeriod job = new AuditingAPeriod();
        AuditingAPeriod.Prepared prepared =
                job.prepare(
                        new AuditingAPeriod.Request(
                                workspace,
                                deals,
                                period.label(),
                                null,
                                Locale.FRENCH,
                                0,
                                Path.of("rules"),
                                null));
        int threads = prepared.threads();
        DealJudge judge = prepared.judge();
        RecordJudge parseOnly =
                outcome ->
                        new Judged.Refused(
                                new Rejection(outcome.location(), null, "parse only"), 0);
        DealPreparer preparer =
                new DealPreparer(
                        prepared.workspace().workspace(),
                        period,
                        prepared.plan().plan(),
                        prepared.workspace().rules().catalog());
        RecordJudge parseAndPrepare =
                outcome -> {
                    if (outcome instanceof RecordOutcome.Accepted accepted) {
                        preparer.prepare(accepted.deal());
                    }
                    return new Judged.Refused(
                            new Rejection(outcome.location(), null, "parse and prepare only"), 0);
                };
        Path out = Files.createTempDirectory("vigie-bench");

        System.out.printf(
                "deals file: %s (%,d bytes), %d worker threads, max heap %,d MiB%n",
                deals,
                Files.size(deals),
                threads,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        run("warm-up parse", parseOnly, deals, prepared, List.of());
        run("warm-up audit", judge, deals, prepared, writers(out));
        // The same pipeline stopped at four depths: what each step adds is the gap between two
        // rows.
        String[] names = {"parse-only", "+ prepare", "+ rules", "full audit"};
        double[] best = new double[names.length];
        double[] leastCpu = new double[names.length];
        java.util.Arrays.fill(leastCpu, Double.MAX_VALUE);
        long records = 0;
        for (int round = 1; round <= rounds; round++) {
            Result[] results = {
                run(names[0] + " #" + round, parseOnly, deals, prepared, List.of()),
                run(names[1] + " #" + round, parseAndPrepare, deals, prepared, List.of()),
                run(names[2] + " #" + round, judge, deals, prepared, List.of()),
                run(names[3] + " #" + round, judge, deals, prepared, writers(out)),
            };
            for (int i = 0; i < names.length; i++) {
                best[i] = Math.max(best[i], results[i].perSecond());
                leastCpu[i] = Math.min(leastCpu[i], results[i].cpu());
            }
            records = results[3].summary().recordsRead();
            System.out.printf(
                    "round %d ratio full/parse: %.2f%n",
                    round, results[3].perSecond() / results[0].perSecond());
        }
        System.out.printf(
                "%nRESULT records=%,d parse-only=%,.0f/s full-audit=%,.0f/s ratio=%.2f (best of %d"
                        + " rounds)%n",
                records, best[0], best[3], best[3] / best[0], rounds);
        System.out.printf("RESULT steps (best of %d rounds, against parse-only):", rounds);
        for (int i = 1; i < names.length; i++) {
            System.out.printf(
                    " %s %.2f%s", names[i], best[i] / best[0], i + 1 < names.length ? ";" : "");
        }
        System.out.println();
        System.out.printf(
                "RESULT CPU time of the process (least of %d rounds): parse-only %.1f s;",
                rounds, leastCpu[0]);
        for (int i = 1; i < names.length; i++) {
            System.out.printf(
                    " %s %.1f s%s", names[i], leastCpu[i], i + 1 < names.length ? ";" : "");
        }
        System.out.printf(" (ratio full/parse by CPU: %.2f)%n", leastCpu[0] / leastCpu[3]);
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "RESULT heap after the runs and a GC: %,d MiB; peak heap used during the runs: %,d"
                        + " MiB of %,d MiB max%n",
                live / (1024 * 1024),
                peakHeap() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    record Result(AuditSummary summary, double seconds, double cpu) {
        double perSecond() {
            return summary.recordsRead() / seconds;
        }
    }

    static List<AuditListener> writers(Path out) {
        return ReportFormat.writers(ReportFormat.ALL, out::resolve);
    }

    /**
     * One pass over the deals with {@code judge}: with writers, the whole audit as the command line
     * runs it (the result concluded, the reports written); without, the pipeline alone.
     */
    static Result run(
            String name,
            RecordJudge judge,
            Path deals,
            AuditingAPeriod.Prepared prepared,
            List<AuditListener> listeners) {
        long start = System.nanoTime();
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processCpu =
                ((com.sun.management.OperatingSystemMXBean)
                                ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
        long gcMillis = gcMillis();
        AuditSummary summary;
        try (DealInput input = DealsLocator.open(deals)) {
            if (listeners.isEmpty()) {
                AuditScope scope =
                        new AuditScope(
                                prepared.workspace().workspace(),
                                prepared.period(),
                                prepared.language());
                summary =
                        new AuditRun(
                                        judge,
                                        prepared.workspace().rules(),
                                        new AuditRun.Options(prepared.threads(), 256, p -> {}))
                                .run(
                                        input,
                                        scope,
                                        new Waivers(List.of(), prepared.period().lastDay()),
                                        listeners);
            } else {
                summary = new AuditingAPeriod().audit(prepared, input, listeners).summary();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double main =
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpu) / 1e9;
        double process =
                (((com.sun.management.OperatingSystemMXBean)
                                                ManagementFactory.getOperatingSystemMXBean())
                                        .getProcessCpuTime()
                                - processCpu)
                        / 1e9;
        double gc = (gcMillis() - gcMillis) / 1e3;
        System.out.printf(
                "%-16s %,9d records in %6.2f s = %,10.0f records/s (%,d audited, %,d findings);"
                        + " CPU: reading thread %.1f s, whole process %.1f s; GC %.1f s%n",
                name,
                summary.recordsRead(),
                seconds,
                summary.recordsRead() / seconds,
                summary.dealsAudited(),
                summary.findings(),
                main,
                process,
                gc);
        return new Result(summary, seconds, process);
    }

    /** Time the collectors have spent so far, in milliseconds. */
    static long gcMillis() {
        long total = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
