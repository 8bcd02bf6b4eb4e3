import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.Rejection;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.formats.ReportFormat;
import fr.vigie.sources.DealsLocator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The time of writing the reports alone (report.html, report.pdf, report.md and their appendices):
 * the audit runs once and its events are kept, then replayed into fresh writers ROUNDS times; the
 * best round's CPU time of the writing thread is printed per format.
 *
 * <p>Usage: java -cp <classes:deps> bench/ReportWriting.java WORKSPACE PERIOD ROUNDS [DEALS.jsonl]
 */
public class ReportWriting {

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        int rounds = Integer.parseInt(args[2]);
        AuditingAPeriod job = new AuditingAPeriod();
        AuditingAPeriod.Prepared prepared =
                job.prepare(
                        new AuditingAPeriod.Request(
                                workspace,
                                args.length > 3 ? Path.of(args[3]) : null,
                                args[1],
                                null,
                                Locale.FRENCH,
                                2,
                                Path.of("rules"),
                                null));
        List<Consumer<AuditListener>> events = new ArrayList<>();
        AuditListener recorder =
                new AuditListener() {
                    @Override
                    public void start(AuditScope scope) {
                        events.add(l -> l.start(scope));
                    }

                    @Override
                    public void audited(AuditedDeal deal, List<Finding> findings) {
                        events.add(l -> l.audited(deal, findings));
                    }

                    @Override
                    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
                        events.add(l -> l.waived(deal, waived));
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        events.add(l -> l.rejected(rejection));
                    }

                    @Override
                    public void finish(AuditResult result) {
                        events.add(l -> l.finish(result));
                    }
                };
        try (DealInput input = DealsLocator.open(prepared.deals())) {
            job.audit(prepared, input, List.of(recorder));
        }
        var threads = ManagementFactory.getThreadMXBean();
        Path out = Files.createTempDirectory("vigie-report-writing");
        for (String format : List.of("html", "pdf", "md")) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                AuditListener writer =
                        ReportFormat.writers(ReportFormat.parse(format), out::resolve).get(0);
                long start = threads.getCurrentThreadCpuTime();
                events.forEach(e -> e.accept(writer));
                best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: best of %d rounds %.0f ms CPU (%d events)%n",
                    format,
                    rounds,
                    best / 1e6,
                    events.size());
        }
    }
}
