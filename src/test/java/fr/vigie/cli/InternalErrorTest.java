package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An internal error is a short message, exit 3; with --debug, its stack trace too. */
class InternalErrorTest {

    StringWriter err = new StringWriter();

    @Test
    void should_see_debug_given_to_the_subcommand() {
        // GIVEN --debug written after the subcommand, where its options are
        CommandLine.ParseResult parsed =
                new CommandLine(new VigieCommand()).parseArgs("audit", "client", "--debug");
        CommandLine.ParseResult without =
                new CommandLine(new VigieCommand()).parseArgs("audit", "client");

        // WHEN / THEN
        assertThat(Vigie.debug(parsed)).isTrue();
        assertThat(Vigie.debug(without)).isFalse();
    }

    @Test
    void should_print_the_stack_trace_of_an_internal_error_with_debug_only() {
        // GIVEN a bug in Vigie
        IllegalStateException bug = new IllegalStateException("boom");

        // WHEN it reaches the command line, with and without --debug
        int withDebug = Vigie.handle(bug, new PrintWriter(err, true), true);
        String debugged = err.toString();
        err.getBuffer().setLength(0);
        int plain = Vigie.handle(bug, new PrintWriter(err, true), false);

        // THEN exit 3 both times; the trace only with --debug
        assertThat(withDebug).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(plain).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(debugged)
                .contains("vigie: internal error (IllegalStateException: boom)")
                .contains(
                        "\tat fr.vigie.cli.InternalErrorTest.should_print_the_stack_trace_of_an_internal_error_with_debug_only");
        assertThat(err.toString())
                .contains("vigie: internal error (IllegalStateException: boom)")
                .doesNotContain("\tat ");
    }

    @Test
    void should_turn_an_out_of_memory_error_into_a_message_and_exit_3() {
        // GIVEN / WHEN
        int code =
                Vigie.handle(
                        new OutOfMemoryError("Java heap space"), new PrintWriter(err, true), false);

        // THEN
        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString())
                .startsWith("vigie: out of memory (Java heap space).")
                .doesNotContain("\tat ");
    }
}
