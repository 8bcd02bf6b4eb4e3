package fr.vigie.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --output}: how a command prints what it found, for a person ({@code human}, the default)
 * or for a CI job ({@code json}, {@code junit}, {@code sarif}, {@code tap}, {@code github}, {@code
 * gitlab}); the same option on validate, test, audit and rules.
 */
final class OutputOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "human",
            description =
                    "How to print what was found: human, json, junit, sarif, tap, github, gitlab"
                            + " (default: ${DEFAULT-VALUE}).")
    String output;

    /** The format asked for, checked: one of {@link Annotations#FORMATS}. */
    String format() {
        return Annotations.format(spec.commandLine(), output);
    }
}
