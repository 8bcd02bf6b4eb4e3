package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./vigie} chooses the JIT by the work ahead (the quick compiler only for short
 * commands, both for big audits and the server) and starts from a class archive it makes once after
 * each build, without a word on standard output. Runs after {@code package}: the jar is there.
 */
class LauncherIT {

    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    private record Ran(int code, String out, String err) {}

    private static Ran launch(Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./vigie"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("VIGIE_JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("vigie ended").isTrue();
        return new Ran(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String javaCommand(Path dir, String... args) throws Exception {
        Ran ran = launch(dir, Map.of("VIGIE_DRY_RUN", "1", "VIGIE_NO_CDS", "1"), args);
        assertThat(ran.code()).as(ran.err()).isZero();
        assertThat(ran.out()).startsWith("java ");
        return ran.out();
    }

    @Test
    void should_use_the_quick_jit_for_short_commands_and_both_for_big_work(@TempDir Path dir)
            throws Exception {
        assertThat(javaCommand(dir, "validate", "fixtures/durand-industrie")).contains(QUICK_JIT);
        assertThat(javaCommand(dir, "--version")).contains(QUICK_JIT);
        assertThat(javaCommand(dir, "audit", "fixtures/durand-industrie", "--period", "2026-Q3"))
                .as("the sample's quarter, 2.6 MB of deals")
                .contains(QUICK_JIT);

        Path big = dir.resolve("big.jsonl");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(40L * 1024 * 1024);
        }
        assertThat(
                        javaCommand(
                                dir,
                                "audit",
                                "fixtures/durand-industrie",
                                "--deals",
                                big.toString()))
                .as("40 MB of deals")
                .doesNotContain(QUICK_JIT);
        assertThat(javaCommand(dir, "export", "fixtures/durand-industrie", "--deals=" + big))
                .doesNotContain(QUICK_JIT);
        assertThat(javaCommand(dir, "audit", "fixtures/durand-industrie", "--deals", "-"))
                .as("standard input: size unknown")
                .doesNotContain(QUICK_JIT);
        assertThat(javaCommand(dir, "serve")).doesNotContain(QUICK_JIT);
    }

    @Test
    void should_leave_the_jit_to_vigie_java_opts(@TempDir Path dir) throws Exception {
        Ran ran =
                launch(
                        dir,
                        Map.of(
                                "VIGIE_DRY_RUN", "1",
                                "VIGIE_NO_CDS", "1",
                                "VIGIE_JAVA_OPTS", "-Xmx512m -XX:+UseG1GC"),
                        "validate",
                        "fixtures/durand-industrie");

        assertThat(ran.out())
                .contains("java -Xmx512m -XX:+UseG1GC -Dvigie.home=")
                .doesNotContain(QUICK_JIT)
                .doesNotContain("UseParallelGC");
    }

    @Test
    void should_start_from_its_class_archive_and_print_the_same(@TempDir Path dir)
            throws Exception {
        Ran plain =
                launch(dir, Map.of("VIGIE_NO_CDS", "1"), "validate", "fixtures/durand-industrie");
        Ran archived = launch(dir, Map.of(), "validate", "fixtures/durand-industrie");

        assertThat(Path.of("target", "app", "vigie.jsa")).as("the class archive").exists();
        assertThat(archived.code()).isEqualTo(plain.code());
        assertThat(archived.out()).isEqualTo(plain.out()).contains("valide");
        Ran dry =
                launch(dir, Map.of("VIGIE_DRY_RUN", "1"), "validate", "fixtures/durand-industrie");
        assertThat(dry.out()).contains("-XX:SharedArchiveFile=");
    }
}
