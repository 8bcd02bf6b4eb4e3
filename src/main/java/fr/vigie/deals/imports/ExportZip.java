package fr.vigie.deals.imports;

import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An export that arrives as zip files (Salesforce's weekly Data Export: {@code WE_<org>_1.zip},
 * {@code WE_<org>_2.zip}..., each of up to 512 MB): all the parts of one export read together, its
 * CSV files found by name across the parts and streamed out of the zips, never unzipped to disk.
 * Each part's directory is checked first with {@link ZipFile}: an entry whose name goes out of the
 * export ({@code ..}, an absolute path) is refused, and so is one that would inflate beyond the
 * {@link Limits#maxFileBytes} or more than {@link #MAX_RATIO} times its compressed size (a zip
 * bomb); what is read is counted again as it is inflated, since a zip's directory can lie.
 */
public final class ExportZip implements AutoCloseable {

    /** The most an entry may inflate, uncompressed size over compressed size. */
    public static final long MAX_RATIO = 200;

    /**
     * Below this uncompressed size the ratio is not judged (a small file of blanks is not a bomb).
     */
    static final long RATIO_FROM_BYTES = 1024 * 1024;

    /** The open parts' entries, with the most bytes each may give. */
    private static final Map<FileSystem, Long> CAPS = new ConcurrentHashMap<>();

    private final List<FileSystem> parts;
    private final List<Path> csvFiles;
    private final String shown;

    private ExportZip(List<FileSystem> parts, List<Path> csvFiles, String shown) {
        this.parts = parts;
        this.csvFiles = csvFiles;
        this.shown = shown;
    }

    /** Whether {@code path} is a zip file (by its name). */
    public static boolean isZip(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                && Files.isRegularFile(path);
    }

    /**
     * The zip files of {@code deals}: itself when it is a zip, the zips it holds when it is a
     * folder (in the order of their part numbers), else none.
     */
    public static List<Path> parts(Path deals) {
        if (isZip(deals)) {
            return List.of(deals);
        }
        if (!Files.isDirectory(deals)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(deals)) {
            return list.filter(ExportZip::isZip)
                    .sorted(
                            Comparator.comparing(ExportZip::partNumber)
                                    .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Whether one of {@code parts} has an entry named {@code name} (in any case, in any folder).
     */
    public static boolean holds(List<Path> parts, String name) {
        for (Path part : parts) {
            try (ZipFile zip = new ZipFile(part.toFile())) {
                if (zip.stream().anyMatch(e -> fileName(e.getName()).equalsIgnoreCase(name))) {
                    return true;
                }
            } catch (IOException e) {
                // not a zip Vigie can read: opening it says why
            }
        }
        return false;
    }

    /**
     * Opens the parts of the export in {@code deals} (a zip, or a folder of zips): checks every
     * entry of every part, then lists the CSV files across the parts. Close it once the export is
     * read.
     */
    public static ExportZip open(Path deals, Limits limits) {
        List<Path> zips = parts(deals);
        String shown = DisplayPath.of(deals);
        if (zips.isEmpty()) {
            throw InvalidInputException.at(
                    Location.of(shown), "no zip file here: pass the export's folder or its zips");
        }
        Map<String, String> exports = new LinkedHashMap<>();
        for (Path zip : zips) {
            exports.putIfAbsent(exportName(zip), zip.getFileName().toString());
        }
        if (exports.size() > 1) {
            throw InvalidInputException.at(
                    Location.of(shown),
                    "zips of several exports here ("
                            + String.join(", ", exports.values())
                            + "): put the parts of one export in a folder of their own");
        }
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path zip : zips) {
            check(zip, limits, seen);
        }
        List<FileSystem> opened = new ArrayList<>();
        List<Path> csvFiles = new ArrayList<>();
        try {
            for (Path zip : zips) {
                FileSystem fs = FileSystems.newFileSystem(zip);
                opened.add(fs);
                CAPS.put(fs, limits.maxFileBytes());
                DisplayPath.archive(fs, zip);
                try (Stream<Path> walk = Files.walk(fs.getPath("/"))) {
                    walk.filter(Files::isRegularFile)
                            .filter(
                                    p ->
                                            p.getFileName()
                                                    .toString()
                                                    .toLowerCase(Locale.ROOT)
                                                    .endsWith(".csv"))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(csvFiles::add);
                }
            }
        } catch (IOException e) {
            opened.forEach(ExportZip::closeQuietly);
            throw InvalidInputException.at(Location.of(shown), "cannot read: " + e.getMessage());
        }
        return new ExportZip(List.copyOf(opened), List.copyOf(csvFiles), shown);
    }

    /** The CSV files of all the parts. */
    public List<Path> csvFiles() {
        return csvFiles;
    }

    public String shown() {
        return shown;
    }

    /**
     * A stream of {@code file}'s bytes: inside an open export's zip, counted as it inflates and
     * refused beyond the limit.
     */
    public static InputStream newInputStream(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        Long cap = CAPS.get(file.getFileSystem());
        return cap == null ? in : new Capped(in, cap, DisplayPath.of(file));
    }

    @Override
    public void close() {
        for (FileSystem fs : parts) {
            closeQuietly(fs);
        }
    }

    private static void closeQuietly(FileSystem fs) {
        CAPS.remove(fs);
        DisplayPath.forget(fs);
        try {
            fs.close();
        } catch (IOException e) {
            // nothing was written: nothing is lost
        }
    }

    /** Checks every entry of {@code zip}'s directory, and that no file is in two parts. */
    private static void check(Path zip, Limits limits, Map<String, Path> seen) {
        String shown = DisplayPath.of(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (isOutside(name)) {
                    throw InvalidInputException.at(
                            Location.of(shown),
                            "entry '"
                                    + name
                                    + "' names a path out of the export ('..' or absolute):"
                                    + " Vigie refuses it (zip slip); remove it from the zip or"
                                    + " export again from Salesforce");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > limits.maxFileBytes()) {
                    throw InvalidInputException.at(
                            Location.of(shown),
                            String.format(
                                    Locale.ROOT,
                                    "entry '%s' inflates to %,d MB, more than the %,d MB allowed"
                                            + " (limits: max-file-mb in the mapping): split the"
                                            + " export or raise the limit",
                                    name,
                                    size / (1024 * 1024),
                                    limits.maxFileBytes() / (1024 * 1024)));
                }
                if (size >= RATIO_FROM_BYTES
                        && compressed >= 0
                        && size > MAX_RATIO * Math.max(compressed, 1)) {
                    throw InvalidInputException.at(
                            Location.of(shown),
                            String.format(
                                    Locale.ROOT,
                                    "entry '%s' inflates %,d times (%,d bytes from %,d), more than"
                                            + " the %d times a CSV file compresses: Vigie refuses"
                                            + " it as a zip bomb; export again from Salesforce",
                                    name,
                                    size / Math.max(compressed, 1),
                                    size,
                                    compressed,
                                    MAX_RATIO));
                }
                String key = fileName(name).toLowerCase(Locale.ROOT);
                if (key.endsWith(".csv")) {
                    Path before = seen.putIfAbsent(key, zip);
                    if (before != null) {
                        throw InvalidInputException.at(
                                Location.of(shown),
                                "entry '"
                                        + name
                                        + "' is also in "
                                        + DisplayPath.of(before)
                                        + ": the parts of one export hold each file once; put"
                                        + " the parts of one export in a folder of their own");
                    }
                }
            }
        } catch (ZipException e) {
            throw InvalidInputException.at(
                    Location.of(shown), "not a zip file Vigie can read: " + e.getMessage());
        } catch (IOException e) {
            throw InvalidInputException.at(Location.of(shown), "cannot read: " + e.getMessage());
        }
    }

    static boolean isOutside(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String entry) {
        String n = entry.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** "WE_00D..." of "WE_00D..._2.zip": the parts of one export share it. */
    private static String exportName(Path zip) {
        String name = zip.getFileName().toString();
        return name.substring(0, name.length() - 4).replaceFirst("_\\d+$", "");
    }

    private static long partNumber(Path zip) {
        String name = zip.getFileName().toString();
        var m =
                java.util.regex.Pattern.compile(
                                "_(\\d{1,9})\\.zip$", java.util.regex.Pattern.CASE_INSENSITIVE)
                        .matcher(name);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** An entry's bytes, refused beyond the limit as they inflate. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private final String shown;
        private long read;

        Capped(InputStream in, long cap, String shown) {
            super(in);
            this.cap = cap;
            this.shown = shown;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > cap) {
                throw InvalidInputException.at(
                        Location.of(shown),
                        String.format(
                                Locale.ROOT,
                                "the entry inflates beyond the %,d MB allowed (limits: max-file-mb"
                                        + " in the mapping), more than its zip says: Vigie"
                                        + " refuses it as a zip bomb",
                                cap / (1024 * 1024)));
            }
        }
    }
}
