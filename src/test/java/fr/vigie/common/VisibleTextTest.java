package fr.vigie.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class VisibleTextTest {

    static final String HOSTILE = "a\u001b[31mb\u0000c\u0007d\u202Ee\u2066f\u007Fg\u0085h";

    @Test
    void should_show_controls_and_bidirectional_overrides_as_the_replacement_character() {
        assertThat(VisibleText.of(HOSTILE))
                .isEqualTo("a\uFFFD[31mb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
    }

    @Test
    void should_keep_tabs_line_breaks_accents_right_to_left_letters_and_emoji() {
        String text = "Métallerie\tRhône\r\nשלום 🙂";
        assertThat(VisibleText.of(text)).isSameAs(text);
    }

    @Test
    void should_show_a_lone_surrogate_as_the_replacement_character() {
        assertThat(VisibleText.of("x\uD83Dy")).isEqualTo("x\uFFFDy");
        assertThat(VisibleText.of("x\uDE42y")).isEqualTo("x\uFFFDy");
    }

    @Test
    void should_write_through_a_writer_what_of_gives_whatever_the_pieces() throws IOException {
        // GIVEN
        StringWriter sink = new StringWriter();
        Writer writer = VisibleText.writer(sink);

        // WHEN written as a string, as characters, one by one, and an emoji cut between two writes
        writer.write(HOSTILE);
        writer.write(HOSTILE.toCharArray(), 1, 3);
        writer.write('\u202E');
        writer.write("🙂", 0, 1);
        writer.write("🙂", 1, 1);
        writer.flush();

        // THEN
        assertThat(sink.toString())
                .isEqualTo(VisibleText.of(HOSTILE) + "\uFFFD[3" + "\uFFFD" + "🙂");
    }
}
