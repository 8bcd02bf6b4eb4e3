package fr.vigie.server.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** Files and folders of uploads and workspaces: confined, hashed, copied, hidden from messages. */
public final class Folders {

    /**
     * Folders of a workspace that are not the workspace: reports of the command line, the deals
     * (uploaded per quarter).
     */
    static final List<String> NOT_THE_WORKSPACE = List.of("out", "deals");

    private Folders() {}

    /** A new private folder under {@code scratch}. */
    public static Path scratch(Path scratch, String what) {
        return scratch.resolve(what + "-" + UUID.randomUUID());
    }

    /**
     * The only file or folder inside {@code folder} when it holds nothing else (a zip of a folder,
     * a file uploaded alone), else {@code folder}.
     */
    public static Path singleTop(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> entries =
                    list.filter(
                                    p ->
                                            !p.getFileName().toString().startsWith(".")
                                                    && !p.getFileName()
                                                            .toString()
                                                            .equals("__MACOSX"))
                            .toList();
            if (entries.size() == 1 && !Files.isSymbolicLink(entries.get(0))) {
                return entries.get(0);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name a user gave their file, as shown on pages: the last part of it, at most 120
     * characters.
     */
    public static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    /**
     * A name safe to write a file under: letters, digits, dots, dashes and underscores, never
     * starting with a dot.
     */
    public static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /**
     * {@code relative} resolved under {@code root}, refused unless it stays inside once links are
     * followed.
     */
    public static Path inside(Path root, String relative) {
        if (relative == null || relative.isBlank()) {
            throw new UploadRefused("name a folder under the server's workspaces folder");
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(relative.strip()).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isDirectory(candidate)) {
                throw new UploadRefused(
                        "no such folder under the server's workspaces folder: " + relative.strip());
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new UploadRefused(
                        "no such folder under the server's workspaces folder: " + relative.strip());
            }
            return real;
        } catch (IOException e) {
            throw new UploadRefused(
                    "no such folder under the server's workspaces folder: " + relative.strip());
        }
    }

    /**
     * The files of the workspace in {@code folder}, sorted, relative to it: links are neither
     * followed nor taken, hidden files and {@code out/}, {@code deals/} are left out; refused
     * beyond the limits.
     */
    public static List<Path> workspaceFiles(Path folder, UploadLimits limits) {
        List<Path> files = new ArrayList<>();
        long[] total = {0};
        try {
            Files.walkFileTree(
                    folder,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attributes) {
                            String name =
                                    dir.getFileName() == null ? "" : dir.getFileName().toString();
                            boolean top = dir.getParent() != null && dir.getParent().equals(folder);
                            if (!dir.equals(folder)
                                    && (name.startsWith(".")
                                            || top && NOT_THE_WORKSPACE.contains(name))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(
                                Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile()
                                    && !file.getFileName().toString().startsWith(".")) {
                                files.add(folder.relativize(file));
                                total[0] += attributes.size();
                                if (files.size() > limits.maxEntries()
                                        || total[0] > limits.maxUnzipped().toBytes()) {
                                    throw new UploadRefused(
                                            "the workspace holds more than "
                                                    + limits.maxEntries()
                                                    + " files or "
                                                    + limits.maxUnzipped().toMegabytes()
                                                    + " MB");
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UploadRefused(
                    "the workspace could not be read: " + e.getClass().getSimpleName());
        }
        files.sort(Comparator.comparing(p -> p.toString().replace('\\', '/')));
        return files;
    }

    /** SHA-256 of the files: each one's path and bytes, in order. */
    public static String sha256(Path folder, List<Path> files) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            digest.update(
                    file.toString()
                            .replace('\\', '/')
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = Files.newInputStream(folder.resolve(file))) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of one file. */
    public static String sha256(Path file) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void copy(Path from, List<Path> files, Path to) {
        try {
            Files.createDirectories(to);
            for (Path file : files) {
                Path target = to.resolve(file.toString());
                Files.createDirectories(target.getParent());
                Files.copy(from.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            delete(to);
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code rules} holds DRL files (the workspace's own rules). */
    public static boolean hasDrl(Path rules) {
        if (!Files.isDirectory(rules)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(rules)) {
            return walk.anyMatch(
                    p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code folder} and everything in it, quietly. */
    public static void delete(Path folder) {
        if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the next clean-up
        }
    }
}
