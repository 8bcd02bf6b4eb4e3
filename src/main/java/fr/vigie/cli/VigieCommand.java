package fr.vigie.cli;

import picocli.CommandLine.Command;

/** The root command: a sales-process auditor. */
@Command(
    name = "vigie",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Audits a quarter of CRM deals against a client's declared sales process.",
    subcommands = {AuditCommand.class, ExportCommand.class, ValidateCommand.class, TestCommand.class, ExplainCommand.class, RulesCommand.class,
        ServeCommand.class},
    footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 input errors, 3 internal error, 4 output not written.",
        "Documentation: docs/ (start with README.md)."})
public final class VigieCommand {}
