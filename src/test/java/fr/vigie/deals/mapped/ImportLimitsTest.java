package fr.vigie.deals.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.common.InvalidInputException;
import fr.vigie.deals.imports.ExportFile;
import fr.vigie.deals.imports.Imported;
import fr.vigie.deals.imports.Limits;
import fr.vigie.deals.imports.ValueFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of an import, stated in the mapping: beyond them, a clear error and nothing audited.
 */
class ImportLimitsTest {

    @TempDir Path dir;

    @Test
    void should_stop_with_a_located_error_beyond_the_rows_of_a_file() throws IOException {
        // GIVEN
        Path export = withLimits("  max-rows: 3\n");

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN nothing is written
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "activites.csv:5: more than 3 rows in this file (limits: max-rows in the"
                                + " mapping): split the export into smaller periods or raise the"
                                + " limit");
        assertThat(dir.resolve("out/report.md")).doesNotExist();
    }

    @Test
    void should_stop_with_a_located_error_beyond_the_rows_held_in_memory() throws IOException {
        // GIVEN
        Path export = withLimits("  max-held-rows: 5\n");

        // WHEN / THEN
        assertThatThrownBy(() -> Imported.open(export, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(
                        "activites.csv:7: more than 5 rows of the export's files held in memory"
                            + " until their deals are read (limits: max-held-rows in the mapping):"
                            + " split the export into smaller periods");
    }

    @Test
    void should_refuse_a_file_larger_than_the_limit() throws IOException {
        // GIVEN
        Path file =
                Files.writeString(
                        dir.resolve("big.csv"),
                        "a;b\n" + "1;2\n".repeat(300_000),
                        StandardCharsets.UTF_8);
        ExportFile.Reading reading =
                new ExportFile.Reading(
                        null,
                        null,
                        ValueFormats.detecting(ZoneId.of("Europe/Paris"), "m.yaml"),
                        new Limits(1024 * 1024, 10, 10));

        // WHEN / THEN
        assertThatThrownBy(() -> ExportFile.open(file, reading))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(
                        "big.csv: the file is 1 MB, more than the 1 MB allowed (limits: max-file-mb"
                                + " in the mapping): split the export or raise the limit");
    }

    @Test
    void should_refuse_a_limit_that_is_not_a_whole_number_at_its_place() throws IOException {
        // GIVEN
        Path export = withLimits("  max-rows: beaucoup\n");

        // WHEN / THEN
        assertThatThrownBy(() -> Imported.open(export, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sources/csv.yaml:")
                .hasMessageContaining("'max-rows' in limits: in ")
                .hasMessageContaining("must be a whole number");
    }

    private Path withLimits(String limits) throws IOException {
        Path export = Imported.copy(MappedCsvTest.SAMPLE, dir.resolve("export"));
        Path mapping = export.resolve("sources/csv.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, StandardCharsets.UTF_8) + "\nlimits:\n" + limits,
                StandardCharsets.UTF_8);
        return export;
    }
}
