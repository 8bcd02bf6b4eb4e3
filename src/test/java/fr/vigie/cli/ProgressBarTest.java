package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.result.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The audit's progress: a bar redrawn in place on a terminal, in colour unless NO_COLOR; plain
 * lines every two seconds elsewhere; the share read, the time left and the rate.
 */
class ProgressBarTest {

    final StringWriter text = new StringWriter();
    final AtomicLong now = new AtomicLong();

    ProgressBar bar(Terminal terminal) {
        return new ProgressBar(new PrintWriter(text), terminal, now::get);
    }

    static Progress at(long read, double seconds, double fraction) {
        return new Progress(Progress.Phase.AUDITING, read, read - 2, 2, seconds, fraction);
    }

    @Test
    void should_say_the_share_read_the_time_left_and_the_rate() {
        String line = bar(Terminal.NONE).line(at(30_000, 10, 0.25), false);
        assertThat(line)
                .isEqualTo(
                        "  25% · about 30 s left · 3,000 records/s · 30,000 read, 29,998 audited,"
                                + " 2 rejected");
    }

    @Test
    void should_show_no_share_when_the_inputs_size_is_unknown() {
        assertThat(bar(Terminal.NONE).line(at(500, 1, -1), false))
                .isEqualTo("  ... 500 records/s · 500 read, 498 audited, 2 rejected");
    }

    @Test
    void should_redraw_a_coloured_bar_in_place_on_a_terminal() {
        bar(new Terminal(true, true)).accept(at(50, 1, 0.5));
        assertThat(text.toString())
                .startsWith("\r\u001b[K  [\u001b[32m" + "█".repeat(12) + "\u001b[0m")
                .contains("░".repeat(12) + "] 50%")
                .doesNotContain("\n");
    }

    @Test
    void should_draw_no_colour_with_no_color_and_no_bar_off_a_terminal() {
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1"))).isEqualTo(new Terminal(true, false));
        assertThat(Terminal.of(true, Map.of("NO_COLOR", ""))).isEqualTo(new Terminal(true, true));
        assertThat(Terminal.of(true, Map.of("TERM", "dumb"))).isEqualTo(Terminal.NONE);
        assertThat(Terminal.of(false, Map.of())).isEqualTo(Terminal.NONE);
        bar(new Terminal(true, false)).accept(at(50, 1, 0.5));
        assertThat(text.toString()).doesNotContain("\u001b[32m").contains("█");
    }

    @Test
    void should_print_a_plain_line_every_two_seconds_off_a_terminal() {
        ProgressBar bar = bar(Terminal.NONE);
        bar.accept(at(10, 1, 0.1));
        now.set(1_000_000_000L);
        bar.accept(at(20, 2, 0.2));
        now.set(2_000_000_000L);
        bar.accept(at(30, 3, 0.3));
        assertThat(text.toString().lines()).hasSize(2);
        assertThat(text.toString()).doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void should_announce_the_writing_phase_once() {
        ProgressBar bar = bar(Terminal.NONE);
        Progress writing = new Progress(Progress.Phase.WRITING, 600, 592, 8, 65, 1);
        bar.accept(writing);
        bar.accept(writing);
        assertThat(text.toString().lines())
                .containsExactly(
                        "Every deal judged (600 records read in 1 min 05 s); writing the"
                                + " results...");
    }
}
