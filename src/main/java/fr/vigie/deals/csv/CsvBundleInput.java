package fr.vigie.deals.csv;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.Rejection;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deals as a CSV bundle folder (docs/csv-bundle.md): deals.csv, one row per deal, streamed; and
 * files of events tied to their deal by {@code deal_id} (stage-changes.csv, activities.csv...),
 * read when the bundle is opened and held by deal id. A file's header that cannot be used stops
 * everything (an input error); a row that cannot be read is a rejection, with its line and column.
 */
public final class CsvBundleInput implements DealInput {

    /** How many event rows, in all the child files, are held in memory at most. */
    public static final long DEFAULT_MAX_CHILD_ROWS = 5_000_000;

    private final OpenedFile deals;
    private final ChildIndex children;
    private final Map<BundleFile, String> shown = new EnumMap<>(BundleFile.class);
    private long rows;
    private List<Rejection> orphans;

    /** Opens the bundle in {@code folder}, holding at most {@code maxChildRows} child rows. */
    public CsvBundleInput(Path folder, long maxChildRows) {
        List<OpenedFile> opened = openAll(folder);
        List<OpenedFile> childFiles = opened.subList(1, opened.size());
        try {
            this.deals = opened.get(0);
            opened.forEach(file -> shown.put(file.file(), file.shown()));
            this.children = ChildIndex.load(childFiles, maxChildRows);
        } catch (RuntimeException e) {
            closeQuietly(opened.get(0));
            throw e;
        } finally {
            childFiles.forEach(CsvBundleInput::closeQuietly);
        }
    }

    /**
     * Opens every file of the bundle and checks its header: deals.csv first, then the others
     * present, in order.
     */
    private static List<OpenedFile> openAll(Path folder) {
        Problems problems = new Problems();
        checkFileNames(folder, problems);
        ClientFolder bundle = ClientFolder.of(folder);
        Map<BundleFile, Path> paths = new EnumMap<>(BundleFile.class);
        for (BundleFile file : BundleFile.values()) {
            Path path = bundle.find(file.fileName());
            if (path != null) {
                paths.put(file, path);
            }
        }
        List<OpenedFile> opened = new ArrayList<>();
        for (BundleFile file : BundleFile.values()) {
            Path path = paths.get(file);
            if (path != null && Files.isRegularFile(path)) {
                OpenedFile one = open(file, path, problems);
                if (one != null) {
                    opened.add(one);
                }
            } else if (file == BundleFile.DEALS) {
                problems.error(
                        Location.of(DisplayPath.of(folder)),
                        "no deals.csv in this folder: a CSV bundle has one row per deal in"
                                + " deals.csv");
            }
        }
        if (problems.hasErrors()) {
            opened.forEach(CsvBundleInput::closeQuietly);
            problems.throwIfErrors();
        }
        return opened;
    }

    public static DealInput open(Path folder) {
        return new CsvBundleInput(folder, DEFAULT_MAX_CHILD_ROWS);
    }

    private static OpenedFile open(BundleFile file, Path path, Problems problems) {
        String shown = DisplayPath.of(path);
        CsvReader reader = null;
        try {
            reader =
                    new CsvReader(
                            new InputStreamReader(
                                    fr.vigie.deals.input.ReadMeter.counted(
                                            path, Files.newInputStream(path)),
                                    StandardCharsets.UTF_8
                                            .newDecoder()
                                            .onMalformedInput(CodingErrorAction.REPLACE)
                                            .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                            CsvReader.DEFAULT_MAX_ROW_CHARS);
            CsvRow headerRow = reader.header();
            Header header = Header.check(file, shown, headerRow, reader.separator(), problems);
            if (header != null) {
                return new OpenedFile(file, shown, reader, header);
            }
        } catch (IOException e) {
            problems.error(Location.of(shown), "cannot read: " + e.getMessage());
        }
        if (reader != null) {
            closeQuietly(reader);
        }
        return null;
    }

    /**
     * A .csv file that is not part of a bundle is most likely a misspelt one, whose rows would be
     * silently missed.
     */
    private static void checkFileNames(Path folder, Problems problems) {
        List<String> known = Arrays.stream(BundleFile.values()).map(BundleFile::fileName).toList();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(
                            name ->
                                    name.toLowerCase(Locale.ROOT).endsWith(".csv")
                                            && !known.contains(name))
                    .sorted()
                    .forEach(
                            name ->
                                    problems.error(
                                            Location.of(DisplayPath.of(folder.resolve(name))),
                                            "not a file of a CSV bundle"
                                                    + DidYouMean.hint(name, known)
                                                    + "; a bundle holds "
                                                    + String.join(", ", known)
                                                    + ": rename this file or move it out of the"
                                                    + " folder"));
        } catch (IOException e) {
            problems.error(
                    Location.of(DisplayPath.of(folder)),
                    "cannot list the bundle's files: " + e.getMessage());
        }
    }

    @Override
    public InputRecord next() {
        try {
            CsvRow row;
            do {
                row = deals.reader().next();
                if (row == null) {
                    return null;
                }
            } while (row.isBlank());
            rows++;
            String id = DealRow.idOf(deals.header(), row);
            ChildIndex.Claim claim = id == null ? null : children.claim(id);
            return claim == null
                    ? new DealRow(deals.header(), deals.shown(), row, id, null, false)
                    : new DealRow(
                            deals.header(), deals.shown(), row, id, claim.rows(), claim.first());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + deals.shown(), e);
        }
    }

    @Override
    public List<Rejection> orphans() {
        if (orphans == null) {
            orphans = children.orphans();
        }
        return orphans;
    }

    @Override
    public List<FileCount> files() {
        List<FileCount> counts = new ArrayList<>();
        shown.forEach(
                (file, name) ->
                        counts.add(
                                new FileCount(
                                        name,
                                        file.kind(),
                                        file == BundleFile.DEALS ? rows : children.rows(file))));
        return counts;
    }

    @Override
    public void close() {
        closeQuietly(deals);
    }

    private static void closeQuietly(OpenedFile file) {
        closeQuietly(file.reader());
    }

    private static void closeQuietly(CsvReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing was written: a file that cannot be closed after reading loses nothing.
        }
    }
}
