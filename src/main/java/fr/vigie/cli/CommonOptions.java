package fr.vigie.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {

    @Option(
            names = "--standard-rules",
            paramLabel = "DIR",
            description = "The standard rule pack folder (default: rules/ of the Vigie home).")
    Path standardRules;

    @Option(
            names = "--debug",
            description = "Print internal details when Vigie itself fails (never deal contents).")
    boolean debug;
}
