package fr.vigie.cli;

import fr.vigie.common.CannotWriteException;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.NothingAuditedException;
import fr.vigie.common.Problem;
import fr.vigie.common.RuleProblemException;
import fr.vigie.common.VisibleText;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Vigie's entry point: builds the command line and runs one command, without a Spring context (only
 * {@code vigie serve} starts one); used by {@code main} and by tests.
 */
public final class Vigie {

    private Vigie() {}

    public static void main(String[] args) {
        PrintWriter out =
                new PrintWriter(
                        new java.io.OutputStreamWriter(
                                System.out, java.nio.charset.StandardCharsets.UTF_8),
                        true);
        PrintWriter err =
                new PrintWriter(
                        new java.io.OutputStreamWriter(
                                System.err, java.nio.charset.StandardCharsets.UTF_8),
                        true);
        System.exit(run(System.in, Terminal.detect(), out, err, args));
    }

    /**
     * Runs one command; what it prints shows the data's control characters and bidirectional
     * overrides as U+FFFD ({@link VisibleText}).
     */
    public static int run(PrintWriter console, PrintWriter consoleErr, String... args) {
        return run(System.in, console, consoleErr, args);
    }

    /** The same, {@code --deals -} reading {@code stdin}. */
    public static int run(
            java.io.InputStream stdin,
            PrintWriter console,
            PrintWriter consoleErr,
            String... args) {
        return run(stdin, Terminal.NONE, console, consoleErr, args);
    }

    /** The same, on a console of the kind {@code terminal} says (a bar redrawn, colour). */
    static int run(
            java.io.InputStream stdin,
            Terminal terminal,
            PrintWriter console,
            PrintWriter consoleErr,
            String... args) {
        PrintWriter out = new PrintWriter(VisibleText.writer(console), true);
        PrintWriter err = new PrintWriter(VisibleText.writer(consoleErr), true);
        VigieCommand root = new VigieCommand(stdin, terminal, consoleErr);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL_ERROR);
        commandLine.setParameterExceptionHandler(
                (e, arguments) -> {
                    String command =
                            e.getCommandLine().getCommandName().equals("vigie")
                                    ? "vigie"
                                    : "vigie " + e.getCommandLine().getCommandName();
                    CommandLineMistakes.describe(e)
                            .forEach(line -> err.println(command + ": " + line));
                    err.println(
                            "Run 'vigie "
                                    + (e.getCommandLine().getCommandName().equals("vigie")
                                            ? ""
                                            : e.getCommandLine().getCommandName() + " ")
                                    + "--help' for usage.");
                    return ExitCodes.INPUT_ERROR;
                });
        commandLine.setExecutionExceptionHandler(
                (e, cmd, parseResult) -> handle(e, err, debug(parseResult), root.language()));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (Error e) {
            code = handle(e, err, debug(commandLine.getParseResult()), root.language());
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Whether {@code --debug} was given, to the command or to the subcommand that ran. */
    static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int handle(Throwable e, PrintWriter err, boolean debug) {
        return handle(e, err, debug, java.util.Locale.ENGLISH);
    }

    /**
     * What {@code e} means for the user, told on {@code err} in {@code language}: its exit code.
     */
    static int handle(Throwable e, PrintWriter err, boolean debug, java.util.Locale language) {
        if (e instanceof NothingAuditedException nothing) {
            nothing.problems().forEach(err::println);
            return ExitCodes.NOTHING_AUDITED;
        }
        if (e instanceof InvalidInputException invalid) {
            for (Problem problem : invalid.problems()) {
                err.println(problem);
            }
            long errors = invalid.problems().stream().filter(Problem::isError).count();
            err.println(Language.console(language).get("input.errors", errors));
            return ExitCodes.INPUT_ERROR;
        }
        if (e instanceof CannotWriteException output) {
            err.println("vigie: " + output);
            return ExitCodes.OUTPUT_ERROR;
        }
        if (e instanceof RuleProblemException loop) {
            err.println("vigie: " + loop.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        if (e instanceof OutOfMemoryError) {
            err.println(
                    "vigie: out of memory ("
                            + e.getMessage()
                            + "). Vigie's memory stays flat whatever the number of deals: run again"
                            + " with --debug and send us the output (it holds no deal contents), or"
                            + " give Java more memory (VIGIE_JAVA_OPTS=-Xmx2g).");
        } else {
            err.println(
                    "vigie: internal error ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "). This is a bug in Vigie; run again with --debug and send us the"
                            + " output (it holds no deal contents).");
        }
        if (debug) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
