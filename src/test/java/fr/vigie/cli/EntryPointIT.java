package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line runs as its own process, hands back its exit code, and starts no Spring context.
 */
class EntryPointIT {

    private record Ran(int code, String out, String err) {}

    private static Ran vigie(Path dir, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                java,
                                "-verbose:class",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Vigie.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("vigie ended").isTrue();
        return new Ran(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void should_validate_the_sample_in_its_own_process_without_loading_spring(@TempDir Path dir)
            throws Exception {
        Ran ran =
                vigie(
                        dir,
                        "validate",
                        "fixtures/durand-industrie",
                        "--standard-rules",
                        "rules",
                        "--fail-on",
                        "none");

        assertThat(ran.code()).isZero();
        assertThat(ran.out())
                .contains(
                        "fixtures/durand-industrie : valide, 5 contradictions entre la stratégie et"
                                + " la tactique, non jugées avec --fail-on none (2 processus, ");
        assertThat(ran.out())
                .as("classes loaded")
                .contains("fr.vigie.cli.Vigie")
                .doesNotContain("org.springframework.context");
    }

    @Test
    void should_exit_with_2_and_no_stack_trace_for_an_input_error(@TempDir Path dir)
            throws Exception {
        Ran ran = vigie(dir, "audit", "fixtures/no-such-client", "--standard-rules", "rules");

        assertThat(ran.code()).isEqualTo(2);
        assertThat(ran.err())
                .contains("no such workspace folder")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
