package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Typos forgiven, numbers checked, and a help whose command summaries are whole sentences. */
class CommandLineMistakesTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int vigie(String... args) {
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void should_suggest_the_nearest_command_for_a_misspelt_one() {
        // WHEN
        int code = vigie("audti", "fixtures/durand-industrie");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith(
                        "vigie: unknown command 'audti' (did you mean 'audit'?)"
                                + System.lineSeparator())
                .contains("Run 'vigie --help' for usage.");
    }

    @Test
    void should_suggest_the_nearest_option_for_a_misspelt_one() {
        // WHEN
        int code = vigie("audit", "fixtures/durand-industrie", "--perod", "2026-Q3");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith(
                        "vigie audit: unknown option '--perod' (did you mean '--period'?)"
                                + System.lineSeparator())
                .contains("Run 'vigie audit --help' for usage.");
    }

    @Test
    void should_suggest_the_nearest_option_when_the_value_is_attached() {
        assertThat(vigie("validate", "fixtures/durand-industrie", "--fail-onn=none"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith(
                        "vigie validate: unknown option '--fail-onn' (did you mean '--fail-on'?)");
    }

    @Test
    void should_name_an_unknown_command_without_a_suggestion_when_none_is_close() {
        assertThat(vigie("frobnicate")).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith("vigie: unknown command 'frobnicate'" + System.lineSeparator());
    }

    @ParameterizedTest
    @CsvSource({
        "audit, --threads, 0, '--threads must be a whole number from 1 to 256, not ''0'''",
        "audit, --threads, -1, '--threads must be a whole number from 1 to 256, not ''-1'''",
        "audit, --threads, many, '--threads must be a whole number from 1 to 256, not ''many'''",
        "export, --threads, 257, '--threads must be a whole number from 1 to 256, not ''257'''",
        "serve, --port, 0, '--port must be a whole number from 1 to 65535, not ''0'''",
        "serve, --port, 70000, '--port must be a whole number from 1 to 65535, not ''70000'''"
    })
    void should_refuse_a_number_out_of_its_range_before_doing_anything(
            String command, String option, String value, String message) {
        // WHEN
        int code =
                command.equals("serve")
                        ? vigie(command, option, value)
                        : vigie(command, "fixtures/durand-industrie", "--xes", option, value);
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith("vigie " + command + ": " + message + System.lineSeparator());
    }

    @ParameterizedTest
    @CsvSource({"audit", "export", "explain"})
    void should_refuse_an_unknown_deals_in_period_rule_with_a_suggestion(String command) {
        // WHEN
        int code =
                command.equals("explain")
                        ? vigie(
                                command,
                                "fixtures/durand-industrie",
                                "--deal",
                                "DI-26-00001",
                                "--deals-in-period",
                                "clsed-during")
                        : vigie(
                                command,
                                "fixtures/durand-industrie",
                                "--deals-in-period",
                                "clsed-during");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith(
                        "vigie "
                                + command
                                + ": --deals-in-period must be one of open-during, closed-during,"
                                + " created-during, not 'clsed-during' (did you mean"
                                + " 'closed-during'?)"
                                + System.lineSeparator());
    }

    @Test
    void should_refuse_an_unknown_fail_on_severity_in_validate_as_in_audit() {
        assertThat(vigie("validate", "fixtures/durand-industrie", "--fail-on", "majr"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "--fail-on must be one of info, minor, major, critical, none; not 'majr'");
    }

    @Test
    void should_give_every_command_a_whole_sentence_in_the_top_level_help() {
        // WHEN
        assertThat(vigie("--help")).isZero();
        // THEN every summary of the command list, its wrapped lines joined, is its whole header
        String help = out.toString().replaceAll("\\s+", " ");
        Map<String, CommandLine> commands = new CommandLine(new VigieCommand()).getSubcommands();
        assertThat(commands).hasSize(7);
        commands.forEach(
                (name, command) -> {
                    List<String> header = List.of(command.getCommandSpec().usageMessage().header());
                    assertThat(header).hasSize(1);
                    assertThat(header.get(0)).endsWith(".");
                    assertThat(help).contains(" " + name + " " + header.get(0));
                });
    }
}
