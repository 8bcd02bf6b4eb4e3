package fr.vigie.deals.imports;

import fr.vigie.cli.Vigie;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.jsonl.JsonLinesInput;
import fr.vigie.deals.model.Deal;
import fr.vigie.sources.DealSource;
import fr.vigie.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading the samples of the importers' tests: their deals, their canonical equivalents, an audit
 * through the command line.
 */
public final class Imported {

    public static final Path WORKSPACE = Path.of("fixtures/durand-industrie");

    private Imported() {}

    /** What the sample workspace (Durand Industrie) tells an importer. */
    public static ImportContext context() {
        return DealSource.context(WorkspaceLoader.load(WORKSPACE));
    }

    /** Opens {@code deals} as the command line would, with its mapping found the same way. */
    public static DealInput open(Path deals, String source, Path mapping) {
        return DealSource.resolve(WorkspaceLoader.load(WORKSPACE), deals, source, mapping).open();
    }

    /** Every record of {@code input}, read, then the input closed. */
    public static List<RecordOutcome> read(DealInput input) {
        try (input) {
            List<RecordOutcome> outcomes = new ArrayList<>();
            InputRecord record;
            while ((record = input.next()) != null) {
                outcomes.add(record.read());
            }
            return outcomes;
        }
    }

    /** The deals of the accepted records, in order. */
    public static List<Deal> deals(List<RecordOutcome> outcomes) {
        return outcomes.stream()
                .map(o -> o instanceof RecordOutcome.Accepted accepted ? accepted.deal() : null)
                .toList();
    }

    /** The deals of a canonical JSON Lines file. */
    public static List<Deal> canonical(Path jsonl) {
        return deals(read(new JsonLinesInput(jsonl, jsonl.toString())));
    }

    /** A copy of a sample folder, to change a file of it. */
    public static Path copy(Path sample, Path into) {
        try {
            Files.createDirectories(into);
            try (Stream<Path> walk = Files.walk(sample)) {
                for (Path from : walk.toList()) {
                    Path to = into.resolve(sample.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command printed and returned. */
    public record Run(int code, String out, String err) {}

    /**
     * Runs {@code vigie audit} of the sample workspace on {@code deals}, writing the reports in
     * {@code out}.
     */
    public static Run audit(Path deals, Path out, String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "audit",
                                WORKSPACE.toString(),
                                "--deals",
                                deals.toString(),
                                "--period",
                                "2026-Q3",
                                "--out",
                                out.toString(),
                                "--standard-rules",
                                "rules",
                                "-q"));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    /**
     * Runs vigie; audit, export and test in English unless {@code args} say a language (the sample
     * speaks French; the readers' tests read the English console).
     */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty()
                && List.of("audit", "export", "test").contains(all.get(0))
                && !all.contains("--lang")) {
            all.addAll(List.of("--lang", "en"));
        }
        int code =
                Vigie.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(
                code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }
}
