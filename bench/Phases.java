import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.deals.jsonl.DealJsonParser;
import fr.vigie.deals.model.Deal;
import fr.vigie.job.AuditingAPeriod;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a deal's time goes, on one thread, in CPU time (robust to a busy machine): parsing the JSON
 * line, preparing the deal's facts against its process, and running the rules (with the findings
 * they give). Writing the reports is not counted here.
 *
 * <p>Usage: java -cp <classes:deps> bench/Phases.java WORKSPACE DEALS.jsonl PERIOD [DEALS
 * [STANDARD-RULES-DIR]]
 */
public class Phases {

    public static void main(String[] args) throws Exception {
        AuditingAPeriod.Prepared prepared =
                new AuditingAPeriod()
                        .prepare(
                                new AuditingAPeriod.Request(
                                        Path.of(args[0]),
                                        Path.of(args[1]),
                                        args[2],
                                        null,
                                        Locale.FRENCH,
                                        1,
                                        Path.of(args.length > 4 ? args[4] : "rules"),
                                        null));
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 30_000;
        List<byte[]> lines = new ArrayList<>();
        try (var reader = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && lines.size() < limit) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        var workspace = prepared.workspace();
        var plan = prepared.plan().plan();
        DealJsonParser parser = new DealJsonParser();
        DealPreparer preparer =
                new DealPreparer(
                        workspace.workspace(),
                        prepared.period(),
                        plan,
                        workspace.rules().catalog());
        List<Object> planFacts = new ArrayList<>(plan.facts());
        planFacts.add(prepared.period());
        DealAuditor auditor =
                new DealAuditor(
                        workspace.rules(),
                        workspace.findings(Locale.FRENCH),
                        DealAuditor.DEFAULT_MAX_FIRINGS,
                        planFacts);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long parse = 0;
            long prepare = 0;
            long rules = 0;
            long findings = 0;
            for (byte[] line : lines) {
                long t0 = threads.getCurrentThreadCpuTime();
                Deal deal = parser.parse(line, 0, line.length);
                long t1 = threads.getCurrentThreadCpuTime();
                DealPreparer.Result result = preparer.prepare(deal);
                long t2 = threads.getCurrentThreadCpuTime();
                if (result instanceof DealPreparer.Ready ready) {
                    findings += auditor.audit(ready.deal(), "bench").size();
                }
                long t3 = threads.getCurrentThreadCpuTime();
                parse += t1 - t0;
                prepare += t2 - t1;
                rules += t3 - t2;
            }
            int n = lines.size();
            System.out.printf(
                    "round %d, %,d deals: parse %.1f µs, prepare %.1f µs, rules and findings %.1f"
                            + " µs per deal (CPU time; %,d findings)%n",
                    round, n, parse / 1e3 / n, prepare / 1e3 / n, rules / 1e3 / n, findings);
        }
    }
}
