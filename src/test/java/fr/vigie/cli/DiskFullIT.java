package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: the reports go to a tmpfs of 40 kB (bubblewrap mounts it for the child
 * process only). A first run's small reports fit; the next run, with report.html, does not: exit 4
 * with the folder named, and the first run's files byte for byte as they were.
 */
class DiskFullIT {

    @TempDir Path dir;

    @Test
    void should_exit_4_and_leave_the_previous_reports_intact_when_the_disk_is_full()
            throws IOException, InterruptedException {
        // GIVEN a workspace with two deals, and a tmpfs of 40 kB for the reports
        Path bwrap =
                ExternalTool.require("bubblewrap", "apt-get install bubblewrap", List.of("bwrap"));
        Path workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                CliTest.CLEAN + "\n" + CliTest.SKIPPING + "\n");
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path out = disk.resolve("2026-Q3");
        String vigie =
                String.join(
                        " ",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Vigie.class.getName(),
                        "audit",
                        workspace.toString(),
                        "-q",
                        "--out",
                        out.toString(),
                        "--standard-rules",
                        "rules");
        String script =
                vigie
                        + " --format md,json,csv > "
                        + dir.resolve("first.txt")
                        + " 2>&1; echo $? > "
                        + dir.resolve("first.code")
                        + "; "
                        + "cp -r "
                        + out
                        + " "
                        + dir.resolve("before")
                        + "; "
                        + vigie
                        + " --format html,md,json,csv > "
                        + dir.resolve("second.txt")
                        + " 2>&1; echo $? > "
                        + dir.resolve("second.code")
                        + "; "
                        + "cp -r "
                        + out
                        + " "
                        + dir.resolve("after")
                        + "; ls -a "
                        + out
                        + " > "
                        + dir.resolve("listing.txt");

        // WHEN the two runs go, in the sandbox
        Process process =
                new ProcessBuilder(
                                bwrap.toString(),
                                "--dev-bind",
                                "/",
                                "/",
                                "--size",
                                "40000",
                                "--tmpfs",
                                disk.toString(),
                                "bash",
                                "-c",
                                script)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("bwrap.txt").toFile())
                        .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        // THEN
        assertThat(Files.readString(dir.resolve("first.code")).strip())
                .as(Files.readString(dir.resolve("first.txt")))
                .isEqualTo("1");
        assertThat(Files.readString(dir.resolve("second.code")).strip())
                .isEqualTo(String.valueOf(ExitCodes.OUTPUT_ERROR));
        assertThat(Files.readString(dir.resolve("second.txt"), StandardCharsets.UTF_8))
                .isEqualTo(
                        "vigie: "
                                + out
                                + ": cannot write the reports here (No space left on device);"
                                + " nothing of this run was moved into place, the previous reports"
                                + " are as they were\n");
        for (String name :
                List.of(
                        "findings.csv",
                        "findings.json",
                        "rejected.csv",
                        "report-appendix.md",
                        "report.md")) {
            assertThat(dir.resolve("after").resolve(name))
                    .hasSameBinaryContentAs(dir.resolve("before").resolve(name));
        }
        assertThat(Files.readAllLines(dir.resolve("listing.txt")))
                .containsExactly(
                        ".",
                        "..",
                        "findings.csv",
                        "findings.json",
                        "rejected.csv",
                        "report-appendix.md",
                        "report.md");
    }
}
