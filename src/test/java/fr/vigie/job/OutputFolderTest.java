package fr.vigie.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.common.CannotWriteException;
import fr.vigie.common.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder holds one run: staged, moved in place whole, or not at all; stopped runs'
 * leftovers removed.
 */
class OutputFolderTest {

    static final List<String> NAMES = List.of("report.md", "findings.json", "rejected.csv");

    @TempDir Path dir;

    List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A writer of {@code name} that writes {@code text} when the run starts. */
    static AuditListener writing(OutputFolder out, String name, String text) {
        return new AuditListener() {
            @Override
            public void start(AuditScope scope) {
                try (OutputStream stream = Files.newOutputStream(out.staged(name))) {
                    stream.write(text.getBytes());
                    stream.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Test
    void should_remove_the_files_of_an_earlier_run_this_one_did_not_write_and_say_so()
            throws IOException {
        // GIVEN an earlier run's three files
        Path target = Files.createDirectories(dir.resolve("out"));
        for (String name : NAMES) {
            Files.writeString(target.resolve(name), "earlier");
        }
        Files.writeString(target.resolve("notes.txt"), "the consultant's");

        // WHEN a run writes findings.json only
        try (OutputFolder out = new OutputFolder(target, NAMES)) {
            out.guard(List.of(writing(out, "findings.json", "now"))).forEach(w -> w.start(null));
            out.commit();

            // THEN its file, the files that are not Vigie's, and no other
            assertThat(out.removed()).containsExactly("rejected.csv", "report.md");
        }
        assertThat(names(target)).containsExactly("findings.json", "notes.txt");
        assertThat(target.resolve("findings.json")).hasContent("now");
    }

    @Test
    void should_leave_the_previous_run_as_it_was_when_a_file_cannot_be_written()
            throws IOException {
        // GIVEN an earlier run's files, and a run whose report.md lands on a full disk (/dev/full:
        // every write fails with ENOSPC)
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("report.md"), "earlier");
        Files.writeString(target.resolve("findings.json"), "earlier");
        OutputFolder out = new OutputFolder(target, NAMES);
        Files.createSymbolicLink(out.staged("report.md"), Path.of("/dev/full"));
        List<AuditListener> writers =
                out.guard(
                        List.of(
                                writing(out, "findings.json", "now"),
                                writing(out, "report.md", "now")));

        // WHEN
        assertThatThrownBy(() -> writers.forEach(w -> w.start(null)))
                .isInstanceOf(CannotWriteException.class)
                .hasToString(
                        target
                                + ": cannot write the reports here (No space left on device);"
                                + " nothing of this run was moved into place, the previous reports"
                                + " are as they were");
        out.close();

        // THEN
        assertThat(names(target)).containsExactly("findings.json", "report.md");
        assertThat(target.resolve("findings.json")).hasContent("earlier");
        assertThat(target.resolve("report.md")).hasContent("earlier");
    }

    @Test
    void should_remove_the_staging_folders_of_stopped_runs_and_keep_those_of_live_ones()
            throws IOException {
        // GIVEN the staging folders of a run killed (its lock free), of an old run without lock,
        // and of a live run (locked)
        Path target = Files.createDirectories(dir.resolve("out"));
        FileTime earlier = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        Path killed =
                Files.createDirectories(target.resolve(OutputFolder.STAGING_PREFIX + "killed"));
        Files.writeString(killed.resolve(".lock"), "");
        Files.writeString(killed.resolve("report.md"), "half");
        Path old = Files.createDirectories(target.resolve(OutputFolder.STAGING_PREFIX + "old"));
        Path live = Files.createDirectories(target.resolve(OutputFolder.STAGING_PREFIX + "live"));
        for (Path folder : List.of(killed, old, live)) {
            Files.setLastModifiedTime(folder, earlier);
        }
        try (FileChannel lock =
                FileChannel.open(
                        live.resolve(".lock"),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
            lock.lock();
            Files.setLastModifiedTime(live, earlier);

            // WHEN a run starts
            try (OutputFolder out = new OutputFolder(target, NAMES)) {

                // THEN
                assertThat(out.removed())
                        .containsExactlyInAnyOrder(
                                killed.getFileName() + " (left by a run that was stopped)",
                                old.getFileName() + " (left by a run that was stopped)");
                assertThat(killed).doesNotExist();
                assertThat(old).doesNotExist();
                assertThat(live).exists();
            }
        }
    }

    @Test
    void should_refuse_an_output_folder_inside_an_input_folder() throws IOException {
        // GIVEN
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.createSymbolicLink(dir.resolve("alias"), bundle);

        // WHEN / THEN the folder itself, below it, and through a link
        for (Path out : List.of(bundle, bundle.resolve("out"), dir.resolve("alias/out"))) {
            assertThatThrownBy(
                            () ->
                                    OutputFolder.checkOutside(
                                            out, Map.of("the folder of the deals", bundle)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(
                            "--out: "
                                    + out
                                    + " is inside the folder of the deals ("
                                    + bundle
                                    + "): the next run would read the reports as input;"
                                    + " write them elsewhere (default: WORKSPACE/out/<period>/)");
        }
        OutputFolder.checkOutside(dir.resolve("out"), Map.of("the folder of the deals", bundle));
    }
}
