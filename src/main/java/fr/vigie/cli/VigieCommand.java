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
            "5 nothing could be audited.",
            "Documentation: docs/ (start with README.md)."
        })
public final class VigieCommand {

    private final java.io.InputStream stdin;

    VigieCommand(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    public VigieCommand() {
        this(System.in);
    }

    /** Where {@code --deals -} reads. */
    java.io.InputStream stdin() {
        return stdin;
    }
}
