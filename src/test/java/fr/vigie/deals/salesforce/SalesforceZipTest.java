package fr.vigie.deals.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import fr.vigie.deals.input.RecordOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample Salesforce export as Salesforce's weekly Data Export delivers it: zips of several
 * parts, read directly, and zips that would write out of the export or inflate without end refused.
 */
class SalesforceZipTest {

    static final Path SAMPLE = SalesforceExportTest.SAMPLE;

    @TempDir Path dir;

    @Test
    void should_read_the_parts_of_a_zipped_export_into_the_same_deals_as_the_folder()
            throws IOException {
        // GIVEN the sample's files split across two parts, the mapping beside them
        Path export = twoParts(dir.resolve("export"));

        // WHEN
        List<RecordOutcome> zipped = Imported.read(Imported.open(export, null, null));
        List<RecordOutcome> folder = Imported.read(Imported.open(SAMPLE, null, null));

        // THEN
        assertThat(zipped).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(zipped)).containsExactlyElementsOf(Imported.deals(folder));
    }

    @Test
    void should_audit_a_zipped_export_to_the_same_findings_as_the_folder() throws IOException {
        // GIVEN
        Path export = twoParts(dir.resolve("export"));

        // WHEN
        Imported.Run zipped = Imported.audit(export, dir.resolve("zipped"));
        Imported.Run folder = Imported.audit(SAMPLE, dir.resolve("folder"));

        // THEN the same findings; files are named inside their zip
        assertThat(zipped.code()).as(zipped.err()).isEqualTo(1);
        assertThat(zipped.out())
                .contains(" as a Salesforce data export (found Opportunity.csv in its zips)")
                .contains("WE_00D000000000001_2.zip!/Task.csv: 4 rows (activities), of which 1")
                .contains("not read (Vigie does not use them): Contact.csv")
                .contains("  6 records read = 6 audited + 0 rejected\n")
                .contains("  41 events read = 41 attached to deals + 0 rejected\n");
        assertThat(findings(zipped.out())).isEqualTo(findings(folder.out()));
        // the same findings, located in the zip's Opportunity.csv
        assertThat(
                        Files.readString(dir.resolve("zipped/findings.csv"))
                                .replace(
                                        export.resolve("WE_00D000000000001_1.zip") + "!/",
                                        SAMPLE + "/"))
                .isEqualTo(Files.readString(dir.resolve("folder/findings.csv")));
    }

    @Test
    void should_read_one_zip_passed_alone() throws IOException {
        // GIVEN one part holding every file
        Path zip = dir.resolve("WE_00D000000000001_1.zip");
        zip(zip, SAMPLE, name -> name.endsWith(".csv"));

        // WHEN
        List<RecordOutcome> read =
                Imported.read(Imported.open(zip, null, SAMPLE.resolve("sources/salesforce.yaml")));

        // THEN
        assertThat(Imported.deals(read))
                .containsExactlyElementsOf(
                        Imported.deals(Imported.read(Imported.open(SAMPLE, null, null))));
    }

    @Test
    void should_refuse_an_entry_that_goes_out_of_the_export() throws IOException {
        // GIVEN
        Path export = twoParts(dir.resolve("export"));
        try (ZipOutputStream out =
                new ZipOutputStream(
                        Files.newOutputStream(export.resolve("WE_00D000000000001_3.zip")))) {
            out.putNextEntry(new ZipEntry("../evil.csv"));
            out.write("Id\n1\n".getBytes());
            out.closeEntry();
        }

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("WE_00D000000000001_3.zip")
                .contains("entry '../evil.csv' names a path out of the export")
                .contains("zip slip")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("evil.csv")).doesNotExist();
    }

    @Test
    void should_refuse_an_entry_that_inflates_like_a_zip_bomb() throws IOException {
        // GIVEN a part with a file of 8 MB of zeros, a few kilobytes once compressed
        Path export = twoParts(dir.resolve("export"));
        try (ZipOutputStream out =
                new ZipOutputStream(
                        Files.newOutputStream(export.resolve("WE_00D000000000001_3.zip")))) {
            out.putNextEntry(new ZipEntry("Attachment.csv"));
            out.write(new byte[8 * 1024 * 1024]);
            out.closeEntry();
        }

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("WE_00D000000000001_3.zip")
                .contains("entry 'Attachment.csv' inflates ")
                .contains("zip bomb")
                .doesNotContain("Exception");
    }

    @Test
    void should_refuse_zips_of_two_exports_in_one_folder() throws IOException {
        // GIVEN
        Path export = twoParts(dir.resolve("export"));
        Files.copy(
                export.resolve("WE_00D000000000001_2.zip"),
                export.resolve("WE_00D000000000002_1.zip"));

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"));

        // THEN
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("zips of several exports here");
    }

    /** The findings' lines of an audit's output. */
    private static List<String> findings(String out) {
        return out.lines().filter(l -> l.contains("findings (")).toList();
    }

    /**
     * The sample as two parts in {@code into}: Opportunity files in the first, the others in the
     * second, the mapping in sources/.
     */
    static Path twoParts(Path into) throws IOException {
        Files.createDirectories(into.resolve("sources"));
        Files.copy(
                SAMPLE.resolve("sources/salesforce.yaml"), into.resolve("sources/salesforce.yaml"));
        zip(
                into.resolve("WE_00D000000000001_1.zip"),
                SAMPLE,
                name -> name.startsWith("Opportunity"));
        zip(
                into.resolve("WE_00D000000000001_2.zip"),
                SAMPLE,
                name -> name.endsWith(".csv") && !name.startsWith("Opportunity"));
        return into;
    }

    static void zip(Path zip, Path folder, Predicate<String> names) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                var list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && names.test(name)) {
                    out.putNextEntry(new ZipEntry(name));
                    try (OutputStream entry = OutputStreamNoClose.of(out)) {
                        Files.copy(file, entry);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** Lets Files.copy write into the open entry without closing the zip. */
    private static final class OutputStreamNoClose extends java.io.FilterOutputStream {
        private OutputStreamNoClose(OutputStream out) {
            super(out);
        }

        static OutputStream of(OutputStream out) {
            return new OutputStreamNoClose(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
