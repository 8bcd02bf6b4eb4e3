package fr.vigie.cli;

import fr.vigie.common.DidYouMean;
import fr.vigie.workspace.DealsInPeriod;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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

    @Option(
            names = "--deals-in-period",
            paramLabel = "RULE",
            converter = DealsInPeriodOption.class,
            description =
                    "Which deals belong to the period: open-during, closed-during or created-during"
                            + " (default: deals-in-period in vigie.yaml, else open-during).")
    DealsInPeriod dealsInPeriod;

    /** {@code --deals-in-period}: one of the rules, or the known ones with a did-you-mean. */
    static final class DealsInPeriodOption implements ITypeConverter<DealsInPeriod> {
        @Override
        public DealsInPeriod convert(String value) {
            if (!DealsInPeriod.codes().contains(value)) {
                throw new TypeConversionException(
                        "--deals-in-period must be one of "
                                + String.join(", ", DealsInPeriod.codes())
                                + ", not '"
                                + value
                                + "'"
                                + DidYouMean.hint(value, DealsInPeriod.codes()));
            }
            return DealsInPeriod.of(value);
        }
    }
}
