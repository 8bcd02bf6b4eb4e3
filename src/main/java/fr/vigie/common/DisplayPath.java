package fr.vigie.common;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a path the way the user can open it: relative to the current folder when inside it. The
 * server writes a client's files relative to the client's folders ({@link #within}), so that its
 * messages and reports never show where the server keeps them.
 */
public final class DisplayPath {

    /**
     * Folders whose files are written relative to them, for the work of this thread and of the
     * threads it starts.
     */
    private static final InheritableThreadLocal<List<Path>> ROOTS = new InheritableThreadLocal<>();

    /** The zip files whose entries are read through a file system of their own, by file system. */
    private static final java.util.Map<java.nio.file.FileSystem, Path> ARCHIVES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private DisplayPath() {}

    /** Writes the entries of {@code fs} as inside {@code zip}: "export/WE_1.zip!/Task.csv". */
    public static void archive(java.nio.file.FileSystem fs, Path zip) {
        ARCHIVES.put(fs, zip);
    }

    /** Forgets {@code fs}, closed. */
    public static void forget(java.nio.file.FileSystem fs) {
        ARCHIVES.remove(fs);
    }

    public static String of(Path path) {
        Path zip = ARCHIVES.get(path.getFileSystem());
        if (zip != null) {
            return of(zip) + "!" + path.toAbsolutePath().normalize();
        }
        Path absolute = path.toAbsolutePath().normalize();
        List<Path> roots = ROOTS.get();
        if (roots != null) {
            for (Path root : roots) {
                if (absolute.startsWith(root)) {
                    String shown = root.relativize(absolute).toString();
                    return shown.isEmpty() ? "." : shown;
                }
            }
        }
        Path here = Path.of("").toAbsolutePath();
        String shown =
                absolute.startsWith(here)
                        ? here.relativize(absolute).toString()
                        : absolute.toString();
        return shown.isEmpty() ? "." : shown;
    }

    /**
     * Does {@code work} with the paths inside {@code roots} written relative to the first that
     * holds them.
     */
    public static <T> T within(List<Path> roots, Supplier<T> work) {
        List<Path> before = ROOTS.get();
        ROOTS.set(roots.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        try {
            return work.get();
        } finally {
            ROOTS.set(before);
        }
    }
}
