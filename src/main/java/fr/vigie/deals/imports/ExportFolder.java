package fr.vigie.deals.imports;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.yaml.YamlObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The folder an export was unpacked in: its CSV files, found by name in any case or as the
 * mapping's {@code files:} names them, and those Vigie did not read (said, so that nothing is left
 * out unknowingly).
 */
public final class ExportFolder implements AutoCloseable {

    /** The folder, or null for an export read from its zips. */
    private final ClientFolder folder;

    /** The zips the export is read from, or null. */
    private final ExportZip zips;

    private final List<Path> csvFiles;
    private final Set<Path> used = new LinkedHashSet<>();

    private ExportFolder(ClientFolder folder, ExportZip zips, List<Path> csvFiles) {
        this.folder = folder;
        this.zips = zips;
        this.csvFiles = csvFiles;
    }

    /**
     * The export in {@code deals}: the folder's CSV files, or when it holds none of {@code marker}
     * but zips (or is a zip), the CSV files of all the zips' parts ({@link ExportZip}). Close it
     * once the export is read.
     */
    public static ExportFolder of(Path deals, String marker, Limits limits) {
        if (Files.isDirectory(deals) && !ExportFolder.of(deals).has(marker)
                || ExportZip.isZip(deals)) {
            if (!ExportZip.parts(deals).isEmpty()) {
                ExportZip zips = ExportZip.open(deals, limits);
                return new ExportFolder(null, zips, zips.csvFiles());
            }
        }
        return of(deals);
    }

    private boolean has(String name) {
        return csvFiles.stream().anyMatch(p -> p.getFileName().toString().equalsIgnoreCase(name));
    }

    public static ExportFolder of(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(folder)),
                    "an export is a folder of CSV files: pass the folder");
        }
        ClientFolder files = ClientFolder.of(folder);
        return new ExportFolder(
                files,
                null,
                files.files(folder, name -> name.toLowerCase(Locale.ROOT).endsWith(".csv")));
    }

    public String shown() {
        return zips != null ? zips.shown() : DisplayPath.of(folder.root());
    }

    @Override
    public void close() {
        if (zips != null) {
            zips.close();
        }
    }

    public List<Path> csvFiles() {
        return csvFiles;
    }

    /**
     * The files the mapping names under {@code files:} for {@code roles}, by role, in the order of
     * {@code roles}.
     */
    public java.util.Map<String, Path> named(
            List<String> roles, SourceMapping mapping, Problems problems) {
        java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        for (String role : roles) {
            Path named = mapping.file(role) == null ? null : find(role, null, mapping, problems);
            if (named != null) {
                files.put(role, named);
            }
        }
        return files;
    }

    /**
     * The file for {@code role}: the one the mapping names under {@code files:} (an error when it
     * is not there), else {@code defaultName} in any case; null when absent.
     */
    public Path find(String role, String defaultName, SourceMapping mapping, Problems problems) {
        YamlObject.Located<String> named = mapping.file(role);
        if (named != null) {
            Path path =
                    zips != null
                            ? csvFiles.stream()
                                    .filter(
                                            p ->
                                                    p.getFileName()
                                                            .toString()
                                                            .equalsIgnoreCase(named.value()))
                                    .findFirst()
                                    .orElse(null)
                            : folder.named(named.value(), named.location());
            if (path == null || !Files.isRegularFile(path)) {
                problems.error(
                        named.location(),
                        "no file '"
                                + named.value()
                                + "' in "
                                + shown()
                                + DidYouMean.hint(
                                        named.value(),
                                        csvFiles.stream()
                                                .map(p -> p.getFileName().toString())
                                                .toList()));
                return null;
            }
            used.add(path);
            return path;
        }
        for (Path file : csvFiles) {
            if (file.getFileName().toString().equalsIgnoreCase(defaultName)) {
                used.add(file);
                return file;
            }
        }
        return null;
    }

    /**
     * Adds to {@code files} (the files the mapping names, by role) the other CSV files whose header
     * {@code roleOf} tells the role of (null: none), for the roles not named yet. Several files of
     * one role are an error: the mapping must name the one to read.
     */
    public void addByHeader(
            java.util.Map<String, Path> files,
            java.util.function.Function<List<String>, String> roleOf,
            String crm,
            SourceMapping mapping,
            Problems problems) {
        java.util.Map<String, List<Path>> found = new java.util.LinkedHashMap<>();
        for (Path file : csvFiles) {
            String role = files.containsValue(file) ? null : roleOf.apply(HeaderPeek.columns(file));
            if (role != null && !files.containsKey(role)) {
                found.computeIfAbsent(role, r -> new ArrayList<>()).add(file);
            }
        }
        found.forEach(
                (role, paths) -> {
                    if (paths.size() > 1) {
                        problems.error(
                                Location.of(shown()),
                                "several files look like the "
                                        + role
                                        + " of a "
                                        + crm
                                        + " export ("
                                        + String.join(
                                                ", ",
                                                paths.stream()
                                                        .map(p -> p.getFileName().toString())
                                                        .toList())
                                        + "): name the one to read in files: "
                                        + role
                                        + ": of "
                                        + mapping.shown());
                    } else {
                        files.put(role, paths.get(0));
                        used.add(paths.get(0));
                    }
                });
    }

    /** Checks the roles the mapping names under {@code files:}. */
    public static void checkRoles(
            SourceMapping mapping, Collection<String> roles, Problems problems) {
        for (String role : mapping.fileRoles()) {
            if (!roles.contains(role)) {
                problems.error(
                        mapping.file(role).location(),
                        "unknown file role '"
                                + role
                                + "'"
                                + DidYouMean.hint(role, roles)
                                + "; files: names "
                                + String.join(", ", roles));
            }
        }
    }

    /** Adds to {@code notes} which CSV files of the folder were not read, when some were not. */
    public void noteUnusedTo(List<String> notes) {
        String unused = unusedNote();
        if (unused != null) {
            notes.add(unused);
        }
    }

    /** Counts {@code file} as read, for {@link #noteUnusedTo}. */
    public void read(Path file) {
        used.add(file);
    }

    /** "not read: Contact.csv, Lead.csv", or null when every CSV file was read. */
    private String unusedNote() {
        Set<Path> read = new java.util.HashSet<>();
        used.forEach(file -> read.add(file.toAbsolutePath().normalize()));
        List<String> unused = new ArrayList<>();
        for (Path file : csvFiles) {
            if (!read.contains(file.toAbsolutePath().normalize())) {
                unused.add(file.getFileName().toString());
            }
        }
        return unused.isEmpty()
                ? null
                : shown() + ": not read (Vigie does not use them): " + String.join(", ", unused);
    }
}
