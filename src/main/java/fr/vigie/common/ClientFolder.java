package fr.vigie.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A folder of the client's files (the workspace, the folder of the deals, a rule pack) and the only
 * way a reader finds a file in it: by its place ({@code vigie.yaml}), by a name a file writes (a
 * mapping's {@code files:}), or by listing. What it gives stays inside the folder once links are
 * followed: a name that leaves it ({@code ../other-client/x.csv}, {@code /etc/passwd}) is refused
 * where it is written, a link to a file outside is refused at the link, and no byte of such a file
 * is read, so that no message can quote it.
 */
public final class ClientFolder {

    private final Path root;
    private final Path real;

    private ClientFolder(Path root, Path real) {
        this.root = root;
        this.real = real;
    }

    /**
     * The folder {@code root}, as the user gave it (it may be a link itself: what is inside is what
     * counts).
     */
    public static ClientFolder of(Path root) {
        try {
            return new ClientFolder(root, root.toRealPath());
        } catch (IOException e) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(root)),
                    "cannot read this folder: " + e.getMessage());
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The file or folder at {@code relative}, a place Vigie looks at ({@code vigie.yaml}, {@code
     * process}), or null when there is none.
     */
    public Path find(String relative) {
        Path path = root.resolve(relative);
        return Files.exists(path) ? inside(path) : null;
    }

    /**
     * The file {@code name} as {@code where} writes it, in this folder, whether it exists or not
     * (the caller says when it does not); a name that leads outside is refused at {@code where}.
     */
    public Path named(String name, Location where) {
        Path path = root.resolve(name);
        if (!path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                || Files.exists(path) && !contains(path)) {
            throw InvalidInputException.at(
                    where,
                    "'"
                            + name
                            + "' is outside "
                            + DisplayPath.of(root)
                            + ": a file named here is read from that folder only (links included)");
        }
        return path;
    }

    /**
     * The regular files directly in {@code dir} (a folder of this one) whose names {@code accept}
     * takes, sorted by name.
     */
    public List<Path> files(Path dir, Predicate<String> accept) {
        if (!Files.isDirectory(inside(dir))) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> accept.test(p.getFileName().toString()))
                    .map(this::inside)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(dir)), "cannot list this folder: " + e.getMessage());
        }
    }

    /**
     * Like {@link #files}, in {@code dir} and the folders under it; a link to a folder outside is
     * refused too.
     */
    public List<Path> walk(Path dir, Predicate<String> accept) {
        if (!Files.isDirectory(inside(dir))) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(
                            p -> Files.isSymbolicLink(p) || accept.test(p.getFileName().toString()))
                    .map(this::inside)
                    .filter(p -> Files.isRegularFile(p) && accept.test(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(dir)), "cannot list this folder: " + e.getMessage());
        }
    }

    /** Whether {@code path}, which exists, is inside this folder once every link is followed. */
    public boolean contains(Path path) {
        try {
            return path.toRealPath().startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code path}, an existing place of this folder, refused when a link takes it outside (where
     * it leads is not said).
     */
    public Path inside(Path path) {
        if (Files.exists(path) && !contains(path)) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(path)),
                    "a link to outside "
                            + DisplayPath.of(root)
                            + ": Vigie reads only the client's own files; put the file itself in"
                            + " the folder");
        }
        return path;
    }
}
