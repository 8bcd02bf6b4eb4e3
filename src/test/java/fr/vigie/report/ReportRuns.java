package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.cli.Vigie;
import fr.vigie.deals.input.DealInput;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.sources.DealsLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Audits for the report tests: the sample client's quarter through the command line, once per
 * language and test JVM (every format), and any workspace with the listeners a test chooses.
 */
public final class ReportRuns {

    public static final Path SAMPLE = Path.of("fixtures", "durand-industrie");
    public static final Path SAMPLE_DEALS = SAMPLE.resolve("deals").resolve("2026-Q3.jsonl");
    private static final Map<String, Path> SAMPLE_RUNS = new HashMap<>();
    private static Path temp;

    private ReportRuns() {}

    /**
     * The folder holding the sample's reports in {@code lang} (fr or en), audited on first call.
     */
    public static synchronized Path sample(String lang) {
        return SAMPLE_RUNS.computeIfAbsent(
                lang,
                l -> {
                    Path out = temp().resolve(l).resolve("2026-Q3");
                    StringWriter stdout = new StringWriter();
                    StringWriter stderr = new StringWriter();
                    int code =
                            Vigie.run(
                                    new PrintWriter(stdout),
                                    new PrintWriter(stderr),
                                    "audit",
                                    SAMPLE.toString(),
                                    "--period",
                                    "2026-Q3",
                                    "--out",
                                    out.toString(),
                                    "--standard-rules",
                                    "rules",
                                    "--lang",
                                    l,
                                    "-q");
                    assertThat(code)
                            .as("exit code of the sample audit; stderr:%n%s", stderr)
                            .isEqualTo(1);
                    return out;
                });
    }

    /** Audits {@code workspace}'s period with {@code listeners} as the only writers. */
    public static AuditResult audit(
            Path workspace, String period, Locale language, List<AuditListener> listeners) {
        AuditingAPeriod job = new AuditingAPeriod();
        AuditingAPeriod.Prepared prepared =
                job.prepare(
                        new AuditingAPeriod.Request(
                                workspace,
                                null,
                                period,
                                null,
                                language,
                                2,
                                Path.of("rules"),
                                null));
        try (DealInput input = DealsLocator.open(prepared.deals())) {
            return job.audit(prepared, input, listeners);
        }
    }

    /** A folder deleted when the test JVM ends. */
    public static synchronized Path temp() {
        if (temp == null) {
            try {
                temp = Files.createTempDirectory("vigie-report-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path root = temp;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        }
        return temp;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the build
        }
    }
}
