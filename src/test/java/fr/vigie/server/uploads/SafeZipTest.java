package fr.vigie.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Uploaded zips open into their folder, or are refused with a sentence that says why. */
class SafeZipTest {

    @TempDir Path dir;
    final SafeZip zips =
            new SafeZip(
                    new UploadLimits(DataSize.ofMegabytes(200), DataSize.ofMegabytes(20), 50, 100));

    Path zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Path file = dir.resolve("upload-" + System.nanoTime() + ".zip");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    @Test
    void should_open_a_workspace_zip_into_its_folder() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("client/vigie.yaml", "client: X\n".getBytes());
        entries.put("client/process/a.yaml", "process: a\n".getBytes());
        zips.extract(zip(entries), dir.resolve("out"));
        assertThat(dir.resolve("out/client/process/a.yaml")).hasContent("process: a");
    }

    @Test
    void should_refuse_entries_that_climb_out_or_start_at_a_root() {
        assertThatThrownBy(
                        () ->
                                zips.extract(
                                        zip(Map.of("client/../../evil.txt", new byte[1])),
                                        dir.resolve("a")))
                .isInstanceOf(UploadRefused.class)
                .hasMessage("the zip entry 'client/../../evil.txt' climbs out of its folder (..)");
        assertThatThrownBy(
                        () ->
                                zips.extract(
                                        zip(Map.of("/etc/cron.d/evil", new byte[1])),
                                        dir.resolve("b")))
                .isInstanceOf(UploadRefused.class)
                .hasMessageContaining("absolute path");
        assertThatThrownBy(
                        () ->
                                zips.extract(
                                        zip(Map.of("C:\\evil.txt", new byte[1])), dir.resolve("c")))
                .isInstanceOf(UploadRefused.class)
                .hasMessageContaining("absolute path");
        assertThat(dir.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void should_refuse_a_zip_bomb() {
        // GIVEN 30 MB of zeros, a few dozen kilobytes once compressed: more than 100 times
        assertThatThrownBy(
                        () ->
                                zips.extract(
                                        zip(Map.of("deals.csv", new byte[30 * 1024 * 1024])),
                                        dir.resolve("bomb")))
                .isInstanceOf(UploadRefused.class)
                .hasMessageContaining("refused as a possible zip bomb");
    }

    @Test
    void should_refuse_too_many_entries_and_the_same_name_twice() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("f" + i, new byte[] {1});
        }
        assertThatThrownBy(() -> zips.extract(zip(many), dir.resolve("many")))
                .hasMessage("the zip holds more than 50 entries");
        Map<String, byte[]> twice = new LinkedHashMap<>();
        twice.put("a/Deals.csv", new byte[] {1});
        twice.put("a/deals.csv", new byte[] {1});
        assertThatThrownBy(() -> zips.extract(zip(twice), dir.resolve("twice")))
                .hasMessage("the zip holds 'a/deals.csv' twice");
    }

    @Test
    void should_refuse_a_file_that_is_no_zip() throws IOException {
        Path file = dir.resolve("not.zip");
        Files.writeString(file, "id,name\n1,x\n");
        assertThatThrownBy(() -> zips.extract(file, dir.resolve("not")))
                .isInstanceOf(UploadRefused.class)
                .hasMessageContaining("not");
    }
}
