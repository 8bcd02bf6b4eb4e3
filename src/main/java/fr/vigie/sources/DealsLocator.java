package fr.vigie.sources;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.jsonl.JsonLinesInput;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the deals of a period and the period itself. Deals are given with {@code --deals}, or found
 * in the workspace as {@code deals/<period>.jsonl}, {@code deals/<period>/deals.jsonl} or a CSV
 * bundle folder {@code deals/<period>/deals.csv}. Without {@code --period}, the period is read from
 * the name of the deals file or folder, or is the only one under {@code deals/}.
 */
public final class DealsLocator {

    /** The period to audit and where its deals are. */
    public record Located(Period period, Path deals) {}

    private DealsLocator() {}

    public static Located locate(Workspace workspace, Path dealsOption, String periodOption) {
        Period period = periodOption == null ? null : parsePeriod(periodOption);
        if (dealsOption != null) {
            if (!Files.exists(dealsOption)) {
                throw InvalidInputException.at(
                        Location.of(DisplayPath.of(dealsOption)), "no such deals file or folder");
            }
            if (period == null) {
                period =
                        periodFromName(dealsOption)
                                .orElseThrow(
                                        () ->
                                                InvalidInputException.at(
                                                        Location.of("--period"),
                                                        "give the period audited, e.g. --period"
                                                            + " 2026-Q3: open deals are judged as"
                                                            + " of its end"));
            }
            return new Located(period, dealsOption);
        }
        if (period == null) {
            period = onlyPeriod(workspace);
        }
        ClientFolder folder = workspace.folder();
        String label = "deals/" + period.label();
        for (String candidate :
                List.of(label + ".jsonl", label + "/deals.jsonl", label + "/deals.csv")) {
            Path found = folder.find(candidate);
            if (found != null && Files.isRegularFile(found)) {
                return new Located(period, candidate.endsWith(".csv") ? found.getParent() : found);
            }
        }
        throw InvalidInputException.at(
                Location.of(DisplayPath.of(workspace.dealsDir())),
                "no deals for "
                        + period.label()
                        + ": expected deals/"
                        + period.label()
                        + ".jsonl, deals/"
                        + period.label()
                        + "/deals.jsonl or a CSV bundle deals/"
                        + period.label()
                        + "/deals.csv; or pass --deals PATH");
    }

    private static Period parsePeriod(String text) {
        return Period.parse(text)
                .orElseThrow(
                        () ->
                                InvalidInputException.at(
                                        Location.of("--period"),
                                        "'"
                                                + text
                                                + "' is not a period: write a quarter (2026-Q3), a"
                                                + " month (2026-07) or a year (2026)"));
    }

    private static Optional<Period> periodFromName(Path path) {
        String name = path.getFileName().toString().replaceAll("\\.(jsonl|ndjson|xes)$", "");
        Optional<Period> own = Period.parse(name);
        if (own.isPresent() || path.getParent() == null || path.getParent().getFileName() == null) {
            return own;
        }
        return Period.parse(path.getParent().getFileName().toString());
    }

    private static Period onlyPeriod(Workspace workspace) {
        TreeSet<String> periods = new TreeSet<>();
        if (Files.isDirectory(workspace.dealsDir())) {
            try (Stream<Path> list = Files.list(workspace.dealsDir())) {
                list.forEach(
                        p ->
                                periodFromName(p.getFileName())
                                        .ifPresent(period -> periods.add(period.label())));
            } catch (IOException e) {
                throw InvalidInputException.at(
                        Location.of(DisplayPath.of(workspace.dealsDir())),
                        "cannot list deals: " + e.getMessage());
            }
        }
        if (periods.size() == 1) {
            return Period.parse(periods.first()).orElseThrow();
        }
        throw InvalidInputException.at(
                Location.of("--period"),
                periods.isEmpty()
                        ? "no deals in "
                                + DisplayPath.of(workspace.dealsDir())
                                + ": pass --deals PATH and --period"
                        : "several periods in "
                                + DisplayPath.of(workspace.dealsDir())
                                + " ("
                                + String.join(", ", periods)
                                + "): choose one with --period");
    }

    /** Opens the deals as a stream of records, choosing the reader from what the path holds. */
    public static DealInput open(Path deals) {
        Path file = deals;
        if (Files.isDirectory(deals)) {
            Path jsonl = ClientFolder.of(deals).find("deals.jsonl");
            if (jsonl != null && Files.isRegularFile(jsonl)) {
                file = jsonl;
            } else if (Files.isRegularFile(deals.resolve("deals.csv"))) {
                return fr.vigie.deals.csv.CsvBundleInput.open(deals);
            } else {
                throw InvalidInputException.at(
                        Location.of(DisplayPath.of(deals)),
                        "this folder holds neither deals.jsonl nor a CSV bundle (deals.csv,"
                            + " stage-changes.csv...) nor a known export (Opportunity.csv for"
                            + " Salesforce, a HubSpot or Pipedrive deals file); for other CSV"
                            + " files, write their mapping (docs/importers.md) and pass --source"
                            + " csv --mapping FILE");
            }
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".csv")) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(file)),
                    "a CSV bundle is a folder (deals.csv, stage-changes.csv, activities.csv...):"
                            + " pass the folder, see docs/csv-bundle.md");
        }
        return new JsonLinesInput(file, DisplayPath.of(file));
    }
}
