package fr.vigie.cli;

import picocli.CommandLine.Command;

/** The root command: a sales-process auditor. */
@Command(
        name = "vigie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audits a quarter of CRM deals against a client's declared sales process.",
        subcommands = {
            AuditCommand.class,
            ExportCommand.class,
            ValidateCommand.class,
            TestCommand.class,
            ExplainCommand.class,
            RulesCommand.class,
            ServeCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 input errors, 3 internal"
                    + " error, 4 output not written,",
            "5 nothing could be audited, 6 more records rejected than --max-rejected accepts.",
            "Documentation: docs/ (start with README.md)."
        })
public final class VigieCommand {

    private final java.io.InputStream stdin;
    private final Terminal terminal;
    private final java.io.PrintWriter rawErr;

    /**
     * {@code rawErr}: standard error as it is, for the progress bar's control characters on a
     * terminal (what the commands print goes through {@link fr.vigie.common.VisibleText}).
     */
    VigieCommand(java.io.InputStream stdin, Terminal terminal, java.io.PrintWriter rawErr) {
        this.stdin = stdin;
        this.terminal = terminal;
        this.rawErr = rawErr;
    }

    public VigieCommand() {
        this(System.in, Terminal.NONE, null);
    }

    private java.util.Locale language = java.util.Locale.FRENCH;

    /** The run's language, once the command knows it: errors are told in it. */
    void language(java.util.Locale language) {
        this.language = language;
    }

    java.util.Locale language() {
        return language;
    }

    /** The console's kind, for the progress bar. */
    Terminal terminal() {
        return terminal;
    }

    /** Standard error unfiltered, only for the progress bar on a terminal (numbers only). */
    java.io.PrintWriter rawErr() {
        return rawErr;
    }

    /** Where {@code --deals -} reads. */
    java.io.InputStream stdin() {
        return stdin;
    }
}
