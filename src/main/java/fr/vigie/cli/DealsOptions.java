package fr.vigie.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which deals a command reads and how: the same options for every command that reads a period's
 * deals (vigie audit, vigie export, vigie explain), so that a deal explained is read as it was
 * audited.
 */
final class DealsOptions {

    @Option(
            names = "--deals",
            paramLabel = "PATH",
            description =
                    "The deals: a .jsonl file, a CSV bundle folder, a CRM export folder or an .xes"
                            + " log (default: found under WORKSPACE/deals/).")
    Path deals;

    @Option(
            names = "--source",
            paramLabel = "KIND",
            description =
                    "How to read --deals: salesforce, hubspot, pipedrive, csv or xes (default: told"
                            + " by its files).")
    String source;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description =
                    "The export's mapping (default: WORKSPACE/sources/<kind>.yaml, else"
                            + " sources/<kind>.yaml in the export).")
    Path mapping;

    @Option(
            names = "--period",
            paramLabel = "PERIOD",
            description =
                    "Period audited: 2026-Q3, 2026-07 or 2026 (default: from the deals' name, or"
                            + " the only one).")
    String period;
}
