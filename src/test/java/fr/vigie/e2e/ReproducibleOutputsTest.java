package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same inputs, same bytes: the sample audited twice, on one worker then on two, gives every file
 * byte for byte (report.pdf too).
 */
class ReproducibleOutputsTest {

    @TempDir Path dir;

    Path audit(String threads) {
        Path out = dir.resolve("threads-" + threads).resolve("2026-Q3");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(stdout),
                        new PrintWriter(stderr),
                        "audit",
                        "fixtures/durand-industrie",
                        "--period",
                        "2026-Q3",
                        "--out",
                        out.toString(),
                        "--threads",
                        threads,
                        "--standard-rules",
                        "rules",
                        "-q");
        assertThat(code).as("stderr: %s", stderr).isEqualTo(1);
        return out;
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void should_write_every_file_byte_for_byte_the_same_on_one_worker_and_on_two()
            throws IOException {
        // GIVEN / WHEN the sample audited twice, with one worker thread, then two
        Path one = audit("1");
        Path two = audit("2");

        // THEN the same files, the same bytes
        assertThat(files(one))
                .containsExactly(
                        "findings.csv",
                        "findings.json",
                        "rejected.csv",
                        "report-appendix.html",
                        "report-appendix.md",
                        "report-appendix.pdf",
                        "report.html",
                        "report.md",
                        "report.pdf");
        assertThat(files(two)).isEqualTo(files(one));
        for (String file : files(one)) {
            assertThat(two.resolve(file)).as(file).hasSameBinaryContentAs(one.resolve(file));
        }
    }
}
