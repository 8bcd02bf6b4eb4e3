package fr.vigie.job;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.common.CannotWriteException;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a run writes: files are written into a hidden staging folder, locked while the run lives,
 * and moved into place only when the run succeeds, so that a failed run never leaves a half-written
 * report and the previous one stays as it was. The folder then holds this run only: the files of
 * {@code names} it did not write again are removed, and so are the staging folders of runs that
 * were stopped (older than this one, their lock released). A file that cannot be written is a
 * {@link CannotWriteException}.
 */
public final class OutputFolder implements AutoCloseable {

    static final String STAGING_PREFIX = ".vigie-run-";
    private static final String LOCK = ".lock";

    /**
     * A staging folder without its lock may be a run starting at this instant: it is left alone
     * this long.
     */
    private static final Duration STARTING = Duration.ofMinutes(1);

    private final Path target;
    private final Set<String> names;
    private final Path staging;
    private final FileChannel lockFile;
    private final List<String> removed = new ArrayList<>();
    private final List<String> replaced = new ArrayList<>();
    private boolean committed;

    /** A run writing into {@code target} files named among {@code names}. */
    public OutputFolder(Path target, Collection<String> names) {
        this.target = target;
        this.names = Set.copyOf(names);
        try {
            Files.createDirectories(target);
            this.staging = Files.createTempDirectory(target, STAGING_PREFIX);
            this.lockFile =
                    FileChannel.open(
                            staging.resolve(LOCK),
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
            lockFile.lock();
            removeStoppedRuns();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /**
     * Refuses an output folder inside one of the {@code inputs} (what it is, by its folder): the
     * reports would be read as input by the next run, or mixed with the client's files.
     */
    public static void checkOutside(Path out, Map<String, Path> inputs) {
        Path written = real(out);
        inputs.forEach(
                (what, folder) -> {
                    if (folder != null && written.startsWith(real(folder))) {
                        throw InvalidInputException.at(
                                Location.of("--out"),
                                DisplayPath.of(out)
                                        + " is inside "
                                        + what
                                        + " ("
                                        + DisplayPath.of(folder)
                                        + "): the next run would read the reports as input; write"
                                        + " them elsewhere (default: WORKSPACE/out/<period>/)");
                    }
                });
    }

    /**
     * The path with every link its existing part holds followed, so that two names of one folder
     * compare equal.
     */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null
                    ? absolute
                    : existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    public Path staged(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    /**
     * {@code writers}, whose failures to write become a {@link CannotWriteException} naming this
     * folder.
     */
    public List<AuditListener> guard(List<AuditListener> writers) {
        return writers.stream()
                .<AuditListener>map(writer -> new Writing(writer, this::cannotWrite))
                .toList();
    }

    /**
     * Moves the staged files into the target folder, replacing the previous run's, then removes the
     * files of {@code names} this run did not write (said by {@link #removed}).
     */
    public List<Path> commit() {
        try (Stream<Path> files = Files.list(staging)) {
            List<Path> moved = new ArrayList<>();
            for (Path file :
                    files.filter(f -> !f.getFileName().toString().equals(LOCK)).sorted().toList()) {
                Path into = target.resolve(file.getFileName());
                if (Files.exists(into)) {
                    replaced.add(file.getFileName().toString());
                }
                moved.add(Files.move(file, into, StandardCopyOption.REPLACE_EXISTING));
            }
            committed = true;
            Set<String> written =
                    moved.stream()
                            .map(m -> m.getFileName().toString())
                            .collect(java.util.stream.Collectors.toSet());
            for (String name : names.stream().sorted().toList()) {
                if (!written.contains(name) && Files.deleteIfExists(target.resolve(name))) {
                    removed.add(name);
                }
            }
            return moved;
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** The files of an earlier run this one wrote over. */
    public List<String> replaced() {
        return List.copyOf(replaced);
    }

    /**
     * What was removed: files of an earlier run this one did not write, staging folders of runs
     * that were stopped.
     */
    public List<String> removed() {
        return List.copyOf(removed);
    }

    /**
     * Removes the staging folders of runs stopped before their end: older than this one, and their
     * lock free.
     */
    private void removeStoppedRuns() throws IOException {
        FileTime mine = Files.getLastModifiedTime(staging);
        List<Path> others;
        try (Stream<Path> list = Files.list(target)) {
            others =
                    list.filter(
                                    p ->
                                            p.getFileName().toString().startsWith(STAGING_PREFIX)
                                                    && !p.equals(staging)
                                                    && Files.isDirectory(p))
                            .sorted()
                            .toList();
        }
        for (Path other : others) {
            if (Files.getLastModifiedTime(other).compareTo(mine) <= 0 && stopped(other, mine)) {
                delete(other);
                removed.add(other.getFileName() + " (left by a run that was stopped)");
            }
        }
    }

    /**
     * Whether the run that staged {@code other} is gone: its lock is free, or it never took one and
     * is older than a start.
     */
    private static boolean stopped(Path other, FileTime mine) throws IOException {
        Path lock = other.resolve(LOCK);
        if (!Files.exists(lock)) {
            return Files.getLastModifiedTime(other)
                    .toInstant()
                    .isBefore(mine.toInstant().minus(STARTING));
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock free = channel.tryLock()) {
            return free != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private CannotWriteException cannotWrite(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String why =
                cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? fs.getReason()
                        : cause.getMessage();
        return new CannotWriteException(
                Location.of(DisplayPath.of(target)),
                "cannot write the reports here ("
                        + why
                        + "); nothing of this run was moved into place, the previous reports are as"
                        + " they were",
                e);
    }

    @Override
    public void close() {
        try {
            lockFile.close();
            delete(staging);
        } catch (IOException e) {
            if (!committed) {
                throw cannotWrite(e);
            }
        }
    }
}
