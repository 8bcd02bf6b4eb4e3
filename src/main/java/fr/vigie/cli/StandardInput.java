package fr.vigie.cli;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --deals -}: the deals come on standard input, as one JSON Lines, CSV or XES file (told by
 * {@code --source csv|xes}, else by its first character). They are copied to a private folder as
 * {@code stdin.jsonl}, {@code stdin.csv} or {@code stdin.xes}, so that they are read as a file is,
 * in flat memory, in a folder only the user may read, removed when the command ends.
 */
final class StandardInput implements AutoCloseable {

    /** The name {@code --deals} takes for standard input. */
    static final String DASH = "-";

    private final Path folder;
    private final Path deals;

    private StandardInput(Path folder, Path deals) {
        this.folder = folder;
        this.deals = deals;
    }

    static boolean asked(Path deals) {
        return deals != null && DASH.equals(deals.toString());
    }

    /**
     * Runs {@code command} on the deals {@code options} name: --deals as given, or, with {@code
     * --deals -}, standard input kept in a private file for the command's time, shown as {@code
     * stdin.jsonl} (or .csv, .xes) in what it prints.
     */
    static int around(
            CommandSpec spec,
            DealsOptions options,
            java.util.function.Function<Path, Integer> command) {
        if (!asked(options.deals)) {
            return command.apply(options.deals);
        }
        try (StandardInput stdin =
                copy(((VigieCommand) spec.root().userObject()).stdin(), options.source)) {
            return fr.vigie.common.DisplayPath.within(
                    java.util.List.of(stdin.folder()), () -> command.apply(stdin.deals()));
        }
    }

    /**
     * Copies {@code in} to a file of its kind, {@code source} (null: told by its first character).
     */
    static StandardInput copy(InputStream in, String source) {
        try {
            Path folder =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                            ? Files.createTempDirectory(
                                    "vigie-stdin-",
                                    PosixFilePermissions.asFileAttribute(
                                            PosixFilePermissions.fromString("rwx------")))
                            : Files.createTempDirectory("vigie-stdin-");
            BufferedInputStream buffered = new BufferedInputStream(in);
            Path deals = folder.resolve("stdin." + extension(buffered, source));
            Files.copy(buffered, deals);
            return new StandardInput(folder, deals);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep standard input in a temporary file", e);
        }
    }

    Path folder() {
        return folder;
    }

    Path deals() {
        return deals;
    }

    private static String extension(BufferedInputStream in, String source) throws IOException {
        if (source != null) {
            return switch (source.toLowerCase(Locale.ROOT)) {
                case "csv" -> "csv";
                case "xes" -> "xes";
                default ->
                        throw InvalidInputException.at(
                                Location.of("--deals -"),
                                "standard input carries one file: JSON Lines, CSV (--source csv)"
                                        + " or XES (--source xes); a "
                                        + source
                                        + " export is a folder, give its path to --deals");
            };
        }
        in.mark(4096);
        int first;
        int seen = 0;
        do {
            first = in.read();
            seen++;
        } while (first != -1
                && seen < 4096
                && (Character.isWhitespace(first)
                        || first == 0xEF
                        || first == 0xBB
                        || first == 0xBF));
        in.reset();
        return first == '{' ? "jsonl" : first == '<' ? "xes" : "csv";
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder harms nothing; the system's temporary folder is cleaned
            // in time.
        }
    }
}
