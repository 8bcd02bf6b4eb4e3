package fr.vigie.deals.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.common.InvalidInputException;
import fr.vigie.deals.imports.Imported;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.model.Deal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XES logs in: Vigie's own, read back into the same deals, and a process-mining tool's, read
 * through a mapping; unsafe XML refused.
 */
class XesInputTest {

    static final Path SAMPLE = Path.of("src/test/resources/importers/xes");
    static final Path CANONICAL = Path.of("fixtures/durand-industrie/deals/2026-Q3.jsonl");

    @TempDir Path dir;

    @Test
    void should_keep_every_deal_and_event_from_canonical_to_xes_and_back() throws IOException {
        // GIVEN the 603 deals of the sample quarter that parse (5 of its 8 bad records do not),
        // written as XES
        List<Deal> canonical =
                Imported.canonical(CANONICAL).stream().filter(d -> d != null).toList();
        Path log = dir.resolve("2026-Q3.xes");
        try (XesWriter writer =
                new XesWriter(Files.newOutputStream(log), "Durand Industrie 2026-Q3")) {
            canonical.forEach(deal -> writer.write(deal, List.of()));
        }

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(log, null, null));

        // THEN
        assertThat(canonical).hasSize(603);
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(outcomes)).containsExactlyElementsOf(canonical);
    }

    @Test
    void should_keep_line_breaks_and_markup_characters_of_texts_through_xes() throws IOException {
        // GIVEN
        Deal deal =
                Imported.canonical(
                                Path.of("src/test/resources/importers/salesforce/expected.jsonl"))
                        .get(3);
        Path log = dir.resolve("one.xes");
        try (XesWriter writer = new XesWriter(Files.newOutputStream(log), "a & <b>")) {
            writer.write(
                    deal,
                    List.of(
                            new TraceFinding(
                                    "F-1",
                                    "PROC-APPROVAL-LATE",
                                    "major",
                                    "negociation",
                                    "Remise \"tardive\"\n<18 %>")));
        }

        // WHEN
        List<RecordOutcome> outcomes = Imported.read(Imported.open(log, "xes", null));

        // THEN
        assertThat(deal.decisions().get(0).comment()).contains("\n");
        assertThat(Imported.deals(outcomes)).containsExactly(deal);
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("<int key=\"vigie:findings\" value=\"1\"/>")
                .contains("<string key=\"vigie:rules\" value=\"PROC-APPROVAL-LATE\"/>")
                .contains(
                        "<string key=\"vigie:finding:1:message\" value=\"Remise"
                                + " &quot;tardive&quot;&#10;&lt;18 %&gt;\"/>");
    }

    @Test
    void
            should_read_a_process_mining_log_through_its_mapping_into_the_same_deals_as_its_canonical_equivalent() {
        // WHEN
        List<RecordOutcome> outcomes =
                Imported.read(
                        Imported.open(
                                SAMPLE.resolve("process-mining.xes"),
                                null,
                                SAMPLE.resolve("sources/xes.yaml")));

        // THEN
        assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
        assertThat(Imported.deals(outcomes))
                .containsExactlyElementsOf(Imported.canonical(SAMPLE.resolve("expected.jsonl")));
    }

    @Test
    void should_reject_a_trace_with_an_event_the_mapping_does_not_name_at_the_event()
            throws IOException {
        // GIVEN
        Path log = dir.resolve("log.xes");
        Files.writeString(
                log,
                Files.readString(SAMPLE.resolve("process-mining.xes"))
                        .replace("value=\"Discovery\"", "value=\"Discovry\""));

        // WHEN
        List<RecordOutcome> outcomes =
                Imported.read(Imported.open(log, null, SAMPLE.resolve("sources/xes.yaml")));

        // THEN
        RecordOutcome.Rejected rejected = (RecordOutcome.Rejected) outcomes.get(0);
        assertThat(rejected.rejection().location().toString()).endsWith("log.xes:39");
        assertThat(rejected.rejection().dealId()).isEqualTo("D-2026-101");
        assertThat(rejected.rejection().reason())
                .isEqualTo(
                        "event 'Discovry' is neither a stage (stages:) nor an activity"
                            + " (activities:) of src/test/resources/importers/xes/sources/xes.yaml"
                            + " (did you mean 'Discovery'?); add it to one of them");
        assertThat(outcomes.get(1)).isInstanceOf(RecordOutcome.Accepted.class);
    }

    @Test
    void should_refuse_a_doctype_where_it_is_written_and_read_no_entity() throws IOException {
        // GIVEN the classic external entity and entity expansion attacks
        Path external = dir.resolve("external.xes");
        Files.writeString(
                external,
                "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<log><trace><string key=\"concept:name\" value=\"&x;\"/></trace></log>\n");
        Path bomb = dir.resolve("bomb.xes");
        Files.writeString(
                bomb,
                "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE log [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
                    + "<log>&b;</log>\n");

        // WHEN / THEN
        for (Path log : List.of(external, bomb)) {
            assertThatThrownBy(() -> Imported.open(log, null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageEndingWith(
                            log.getFileName()
                                    + ":2: a DOCTYPE is not allowed in an XES log: Vigie reads no"
                                    + " DTD and expands no entity; remove the <!DOCTYPE ...>"
                                    + " declaration");
        }
    }

    @Test
    void should_refuse_a_log_that_is_not_well_formed_before_any_deal_is_read() throws IOException {
        // GIVEN
        Path log = dir.resolve("broken.xes");
        Files.writeString(
                log, "<log>\n<trace><string key=\"concept:name\" value=\"D-1\"></trace>\n</log>\n");

        // WHEN / THEN
        assertThatThrownBy(() -> Imported.open(log, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broken.xes:2: ")
                .hasMessageContaining("not well-formed XML: ");
    }

    @Test
    void
            should_reject_the_trace_of_a_value_too_long_or_a_key_written_twice_at_the_attribute_and_read_the_others()
                    throws IOException {
        // GIVEN the mapped log, its first trace with a name of 200,000 bytes, its second with an
        // event's time written twice
        String sample = Files.readString(SAMPLE.resolve("process-mining.xes"));
        Path log = dir.resolve("log.xes");
        Files.writeString(
                log,
                sample.replaceFirst(
                                "value=\"Métallerie Rhône\"",
                                "value=\"" + "é".repeat(100_000) + "\"")
                        .replaceFirst(
                                "(<string key=\"concept:name\" value=\"D-2026-102\"/>(?s:.*?)(<date"
                                        + " key=\"time:timestamp\"[^>]*>))",
                                "$1$2"));

        // WHEN
        List<RecordOutcome> outcomes =
                Imported.read(Imported.open(log, null, SAMPLE.resolve("sources/xes.yaml")));

        // THEN each rejected at its attribute's line, naming its deal; the others read as before
        RecordOutcome.Rejected tooLong = (RecordOutcome.Rejected) outcomes.get(0);
        assertThat(tooLong.rejection().location().toString()).endsWith("log.xes:20");
        assertThat(tooLong.rejection().dealId()).isEqualTo("D-2026-101");
        assertThat(tooLong.rejection().reason())
                .isEqualTo(
                        "attribute 'Account' is longer than 100,000 bytes: Vigie reads no value"
                                + " this long");
        RecordOutcome.Rejected twice = (RecordOutcome.Rejected) outcomes.get(1);
        assertThat(twice.rejection().dealId()).isEqualTo("D-2026-102");
        assertThat(twice.rejection().reason())
                .matches(
                        "attribute 'time:timestamp' is written twice \\(first at line \\d+\\): keep"
                                + " only one");
        List<Deal> expected = Imported.canonical(SAMPLE.resolve("expected.jsonl"));
        assertThat(Imported.deals(outcomes).subList(2, outcomes.size()))
                .containsExactlyElementsOf(expected.subList(2, expected.size()));
    }

    @Test
    void should_refuse_a_comment_or_a_text_too_long_at_its_line_without_holding_it()
            throws IOException {
        // GIVEN a comment, then a text, of 200,000 bytes; and a CDATA section ending in ]]]> that
        // is fine
        Path comment = dir.resolve("comment.xes");
        Files.writeString(
                comment,
                "<?xml version=\"1.0\"?>\n<log>\n<!-- " + ">".repeat(200_000) + " -->\n</log>\n");
        Path text = dir.resolve("text.xes");
        Files.writeString(text, "<log>\n<trace>" + "x".repeat(200_000) + "</trace>\n</log>\n");
        Path cdata = dir.resolve("cdata.xes");
        Files.writeString(
                cdata,
                "<log>\n"
                        + "<![CDATA[ a ]]]>\n"
                        + "<trace><string key=\"concept:name\" value=\"D-1\"/></trace>\n"
                        + "</log>\n");

        // WHEN / THEN
        assertThatThrownBy(() -> Imported.open(comment, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(
                        "comment.xes:3: a comment longer than 100,000 bytes: an XES log holds no"
                                + " such text; remove it");
        assertThatThrownBy(() -> Imported.open(text, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(
                        "text.xes:2: a text between two elements longer than 100,000 bytes: an XES"
                                + " log holds no such text; remove it");
        assertThat(Imported.read(Imported.open(cdata, "xes", null))).hasSize(1);
    }
}
