package fr.vigie.deals.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesInputTest {

    @TempDir Path dir;

    List<RecordOutcome> read(byte[] content) throws IOException {
        Path file = dir.resolve("deals.jsonl");
        Files.write(file, content);
        List<RecordOutcome> outcomes = new ArrayList<>();
        try (JsonLinesInput input = new JsonLinesInput(file, "deals.jsonl")) {
            InputRecord record;
            while ((record = input.next()) != null) {
                outcomes.add(record.read());
            }
        }
        return outcomes;
    }

    static final String DEAL =
            "{\"id\":\"D-1\",\"name\":\"Métallerie"
                + " Rhône\",\"createdAt\":\"2026-07-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"a\",\"at\":\"2026-07-01T09:00:00+02:00\"}]}";

    @Test
    void should_skip_blank_lines_and_a_byte_order_mark_and_keep_line_numbers() throws IOException {
        // GIVEN
        byte[] content =
                ("\uFEFF" + DEAL + "\r\n\n   \n" + DEAL.replace("D-1", "D-2") + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // WHEN
        List<RecordOutcome> outcomes = read(content);
        // THEN
        assertThat(outcomes)
                .extracting(o -> o.location().toString())
                .containsExactly("deals.jsonl:1", "deals.jsonl:4");
        assertThat(outcomes).allMatch(o -> o instanceof RecordOutcome.Accepted);
        assertThat(((RecordOutcome.Accepted) outcomes.get(0)).deal().name())
                .isEqualTo("Métallerie Rhône");
    }

    @Test
    void should_count_columns_in_characters_not_bytes() throws IOException {
        // GIVEN an error after accented characters
        String line = "{\"name\":\"Éàè\",\"amount\":-1}";
        // WHEN
        RecordOutcome outcome =
                read((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        // THEN
        assertThat(outcome.location().toString())
                .isEqualTo("deals.jsonl:1:" + (line.indexOf("-1") + 1));
    }

    @Test
    void should_reject_a_line_that_is_not_utf8_and_read_on() throws IOException {
        // GIVEN a line in Windows-1252
        byte[] latin =
                "{\"id\":\"D-1\",\"name\":\"M\u00e9tallerie\"}\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] good =
                (DEAL.replace("D-1", "D-2") + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = new byte[latin.length + good.length];
        System.arraycopy(latin, 0, content, 0, latin.length);
        System.arraycopy(good, 0, content, latin.length, good.length);
        // WHEN
        List<RecordOutcome> outcomes = read(content);
        // THEN
        assertThat(outcomes.get(0))
                .isInstanceOfSatisfying(
                        RecordOutcome.Rejected.class,
                        r ->
                                assertThat(r.rejection().reason())
                                        .isEqualTo(
                                                "line is not valid UTF-8: save the file as UTF-8"));
        assertThat(outcomes.get(1)).isInstanceOf(RecordOutcome.Accepted.class);
    }
}
