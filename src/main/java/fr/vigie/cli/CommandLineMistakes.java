package fr.vigie.cli;

import fr.vigie.common.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What is wrong with a command line, in the words a user can act on: an unknown command or option
 * with the nearest known one ("unknown command 'audti' (did you mean 'audit'?)"), a value out of
 * its range as its check says it.
 */
final class CommandLineMistakes {

    private CommandLineMistakes() {}

    /** One line per mistake found in {@code e}. */
    static List<String> describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(e.getCommandLine(), unmatched.getUnmatched());
        }
        if (e.getCause() instanceof TypeConversionException conversion
                && conversion.getMessage() != null
                && conversion.getMessage().startsWith("--")) {
            return List.of(conversion.getMessage());
        }
        return List.of(e.getMessage());
    }

    private static List<String> unmatched(CommandLine command, List<String> arguments) {
        List<String> lines = new ArrayList<>();
        String first = arguments.get(0);
        if (!first.startsWith("-") && !command.getSubcommands().isEmpty()) {
            return List.of(
                    "unknown command '" + first + "'" + DidYouMean.hint(first, commands(command)));
        }
        for (String argument : arguments) {
            if (argument.startsWith("-") && argument.length() > 1) {
                String name =
                        argument.contains("=")
                                ? argument.substring(0, argument.indexOf('='))
                                : argument;
                lines.add(
                        "unknown option '" + name + "'" + DidYouMean.hint(name, options(command)));
            }
        }
        if (lines.isEmpty()) {
            lines.add(
                    "unexpected argument"
                            + (arguments.size() == 1 ? " '" : "s '")
                            + String.join("', '", arguments)
                            + "'");
        }
        return lines;
    }

    private static Set<String> commands(CommandLine command) {
        return new TreeSet<>(command.getSubcommands().keySet());
    }

    private static Set<String> options(CommandLine command) {
        Set<String> names = new TreeSet<>();
        command.getCommandSpec().options().forEach(option -> names.addAll(List.of(option.names())));
        return names;
    }
}
