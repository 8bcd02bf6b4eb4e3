package fr.vigie.deals.xes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import fr.vigie.deals.input.RecordOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code vigie export --xes}: the audited deals as a log, with their findings on their traces. */
class XesExportTest {

    @TempDir Path dir;

    @Test
    void should_write_the_audited_deals_of_an_export_with_their_findings_as_trace_attributes()
            throws IOException {
        // GIVEN
        Path log = dir.resolve("q3.xes");

        // WHEN
        Imported.Run run =
                Imported.run(
                        "export",
                        "fixtures/durand-industrie",
                        "--xes",
                        "--deals",
                        "fixtures/durand-industrie-salesforce",
                        "--period",
                        "2026-Q3",
                        "--out",
                        log.toString(),
                        "--standard-rules",
                        "rules");

        // THEN
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(
                        "Wrote "
                                + log
                                + ": 6 traces, the audited deals of fixtures/durand-industrie with"
                                + " their 17 findings\n"
                                + "  6 records read = 6 audited + 0 rejected\n");
        String xes = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(xes)
                .contains("<log xmlns=\"http://www.xes-standard.org/\" xes.version=\"1849-2016\"")
                .contains("<string key=\"concept:name\" value=\"Durand Industrie SAS 2026-Q3\"/>")
                .contains("<string key=\"vigie:rules\" value=\"PROC-APPROVAL-LATE")
                .contains("<string key=\"vigie:finding:1:severity\" value=\"major\"/>");
        List<RecordOutcome> again = Imported.read(Imported.open(log, null, null));
        assertThat(Imported.deals(again))
                .containsExactlyElementsOf(
                        Imported.canonical(
                                Path.of("src/test/resources/importers/salesforce/expected.jsonl")));
    }

    @Test
    void
            should_give_the_same_findings_with_the_same_ids_when_the_sample_is_audited_again_from_its_own_log()
                    throws IOException {
        // GIVEN the sample audited from its JSON Lines, and its audited deals exported as a log
        Path direct = dir.resolve("direct");
        Path fromLog = dir.resolve("from-log");
        Path log = dir.resolve("sample.xes");
        Imported.Run audit =
                Imported.run(
                        "audit",
                        "fixtures/durand-industrie",
                        "--period",
                        "2026-Q3",
                        "--out",
                        direct.toString(),
                        "--format",
                        "json",
                        "--fail-on",
                        "none",
                        "-q",
                        "--standard-rules",
                        "rules");
        Imported.Run export =
                Imported.run(
                        "export",
                        "fixtures/durand-industrie",
                        "--xes",
                        "--period",
                        "2026-Q3",
                        "--out",
                        log.toString(),
                        "-q",
                        "--standard-rules",
                        "rules");

        // WHEN the log is audited
        Imported.Run again =
                Imported.run(
                        "audit",
                        "fixtures/durand-industrie",
                        "--deals",
                        log.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        fromLog.toString(),
                        "--format",
                        "json",
                        "--fail-on",
                        "none",
                        "-q",
                        "--standard-rules",
                        "rules");

        // THEN the 600 audited deals come back with the same 504 findings, ids included (315
        // causes, as counted everywhere, and 189 consequences folded under them: stages entered
        // after a wrong close date, what the stages a deal skipped required; findings.json keeps
        // every one)
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(export.out())
                .startsWith(
                        "Wrote "
                                + log
                                + ": 600 traces, the audited deals of fixtures/durand-industrie"
                                + " with their 315 findings");
        assertThat(again.out()).contains("600 records read = 600 audited + 0 rejected");
        List<String> ids = findingIds(direct.resolve("findings.json"));
        assertThat(ids).hasSize(504);
        assertThat(findingIds(fromLog.resolve("findings.json")))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    private static List<String> findingIds(Path findingsJson) {
        List<String> ids = new java.util.ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(findingsJson.toFile())
                .get("findings")
                .forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    @Test
    void should_say_the_export_needs_the_xes_option() {
        // WHEN
        Imported.Run run = Imported.run("export", "fixtures/durand-industrie");

        // THEN
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--xes'");
    }
}
