package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64 MB value in one record of every reader (JSON Lines, CSV bundle, a CRM export, XES), audited
 * in a child JVM of 512 MB: the record is rejected at its place, the others are audited, and the
 * memory holds.
 */
class BigValuesInSmallHeapIT {

    static final int BIG = 64 * 1024 * 1024;
    static final Path SAMPLE = Path.of("fixtures/durand-industrie");

    @TempDir Path dir;

    record Ran(int code, String out, String err, List<String> rejected) {}

    /** {@code vigie audit} in a JVM of 512 MB, writing findings.csv and rejected.csv only. */
    Ran audit(Path workspace, Path deals) throws IOException, InterruptedException {
        Path outDir = dir.resolve("out-" + deals.getFileName());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx512m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Vigie.class.getName(),
                                "audit",
                                workspace.toString(),
                                "--deals",
                                deals.toString(),
                                "--period",
                                "2026-Q3",
                                "--format",
                                "csv",
                                "--out",
                                outDir.toString(),
                                "-q",
                                "--standard-rules",
                                "rules"));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("vigie ended").isTrue();
        List<String> rejected =
                Files.readAllLines(outDir.resolve("rejected.csv"), StandardCharsets.UTF_8);
        return new Ran(
                process.exitValue(),
                Files.readString(out),
                Files.readString(err),
                rejected.subList(1, rejected.size()));
    }

    /**
     * {@code before}, then {@code count} times {@code c}, then {@code after}, written without
     * holding them in memory.
     */
    static void write(Path file, String before, char c, int count, String after)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(before.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = String.valueOf(c).repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < count; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, count - written));
            }
            out.write(after.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void assertOneRejection(Ran ran, String expected, int read) {
        assertThat(ran.err())
                .doesNotContain("memory")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(ran.code()).as("stderr: %s", ran.err()).isIn(0, 1);
        assertThat(ran.rejected()).hasSize(1);
        assertThat(ran.rejected().get(0)).endsWith(expected);
        assertThat(ran.out())
                .contains(
                        read
                                + " enregistrements lus = "
                                + (read - 1 == 1 ? "1 audité" : (read - 1) + " audités")
                                + " + 1 rejeté");
    }

    @Test
    void should_reject_a_json_lines_deal_of_64_mb_and_audit_the_others() throws Exception {
        // GIVEN a deal whose name is 64 MB, between two deals
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        String clean =
                "{\"id\":\"D-1\",\"createdAt\":\"2026-09-20T09:00:00+02:00\","
                    + "\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-09-20T09:00:00+02:00\"}]}";
        Path deals = dir.resolve("2026-Q3.jsonl");
        write(
                deals,
                clean + "\n{\"id\":\"D-2\",\"name\":\"",
                'x',
                BIG,
                "\"," + clean.substring(12) + "\n" + clean.replace("D-1", "D-3") + "\n");

        // WHEN / THEN
        assertOneRejection(
                audit(workspace, deals), "2026-Q3.jsonl;2;;;line longer than 4194304 bytes", 3);
    }

    @Test
    void should_reject_a_csv_bundle_row_of_64_mb_and_audit_the_others() throws Exception {
        // GIVEN the sample's CSV bundle with one more deal, named with 64 MB
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        try (var files = Files.list(Path.of("fixtures/durand-industrie-csv/deals/2026-Q3"))) {
            for (Path file : files.toList()) {
                Files.copy(file, bundle.resolve(file.getFileName()));
            }
        }
        List<String> rows = Files.readAllLines(bundle.resolve("deals.csv"));
        String[] cells = rows.get(1).split(";", -1);
        String rest = String.join(";", java.util.Arrays.copyOfRange(cells, 2, cells.length));
        write(
                bundle.resolve("deals.csv"),
                String.join("\n", rows) + "\nD-BIG;",
                'x',
                BIG,
                ";" + rest + "\n");

        // WHEN / THEN
        assertOneRejection(
                audit(SAMPLE, bundle),
                "deals.csv;"
                        + (rows.size() + 1)
                        + ";1000001;D-BIG;row longer than 1000000 characters",
                rows.size());
    }

    @Test
    void should_reject_a_salesforce_opportunity_of_64_mb_and_audit_the_others() throws Exception {
        // GIVEN the sample's Salesforce export with one more opportunity, whose name is 64 MB
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.createDirectories(export.resolve("sources"));
        try (var files = Files.walk(Path.of("fixtures/durand-industrie-salesforce"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(
                        file,
                        export.resolve(
                                Path.of("fixtures/durand-industrie-salesforce")
                                        .relativize(file)
                                        .toString()));
            }
        }
        List<String> rows = Files.readAllLines(export.resolve("Opportunity.csv"));
        String header = rows.get(0);
        String first = rows.get(1);
        int name = List.of(header.split(",")).indexOf("\"Name\"");
        String[] cells = first.split(",", -1);
        StringBuilder before = new StringBuilder(String.join("\n", rows)).append("\n");
        for (int i = 0; i < name; i++) {
            before.append(i == 0 ? "\"0065g0000OppBIGIAQ\"" : cells[i]).append(',');
        }
        StringBuilder after = new StringBuilder();
        for (int i = name + 1; i < cells.length; i++) {
            after.append(',').append(cells[i]);
        }
        write(export.resolve("Opportunity.csv"), before + "\"", 'x', BIG, "\"" + after + "\n");

        // WHEN / THEN
        assertOneRejection(
                audit(SAMPLE, export),
                "Opportunity.csv;"
                        + (rows.size() + 1)
                        + ";"
                        + (before.length() - before.lastIndexOf("\n"))
                        + ";;\"unclosed quote: this cell runs on for more than 1000000 characters;"
                        + " end it with \"\" (a quote inside a quoted cell is written twice:"
                        + " \"\"\"\")\"",
                rows.size());
    }

    @Test
    void should_reject_an_xes_trace_with_an_attribute_of_64_mb_and_audit_the_others()
            throws Exception {
        // GIVEN a log written by Vigie whose second trace has a name of 64 MB
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        String start = "  <trace>\n    <string key=\"concept:name\" value=\"ID\"/>\n";
        String end =
                """
                    <date key="vigie:created-at" value="2026-09-20T09:00:00+02:00"/>
                    <event>
                      <string key="concept:name" value="prospection"/>
                      <date key="time:timestamp" value="2026-09-20T09:00:00+02:00"/>
                      <string key="vigie:kind" value="stage"/>
                    </event>
                  </trace>
                """;
        String head =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<log xmlns=\"http://www.xes-standard.org/\" xes.version=\"1849-2016\">\n";
        Path log = dir.resolve("2026-Q3.xes");
        write(
                log,
                head
                        + start.replace("ID", "D-1")
                        + end
                        + start.replace("ID", "D-2")
                        + "    <string key=\"vigie:name\" value=\"",
                'x',
                BIG,
                "\"/>\n" + end + start.replace("ID", "D-3") + end + "</log>\n");

        // WHEN / THEN
        assertOneRejection(
                audit(workspace, log),
                "2026-Q3.xes;14;;D-2;attribute 'vigie:name' is longer than 100,000 bytes: Vigie"
                        + " reads no value this long",
                3);
    }
}
