package fr.vigie.server.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens an uploaded zip into a fresh folder, refusing what could reach outside it or fill the disk:
 * entry names that climb ({@code ..}), start at a root or a drive, or hold a backslash or a control
 * character; the same name twice; more entries than allowed; an entry that expands more than {@code
 * maxRatio} times its compressed size; more bytes in all than allowed. Sizes are counted as the
 * bytes come out, never taken from the zip's headers. Only files and folders are made: no link, no
 * permission from the zip.
 */
public final class SafeZip {

    /** What any zip may expand to, whatever its ratio: small files compress a lot. */
    static final long FREE = 1024 * 1024;

    private final UploadLimits limits;

    public SafeZip(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * Extracts {@code zip} into {@code target} (created, must not exist); refused uploads leave
     * {@code target} to the caller to remove.
     */
    public void extract(Path zip, Path target) {
        size(zip);
        try (Counting raw = new Counting(Files.newInputStream(zip));
                ZipInputStream in = new ZipInputStream(raw)) {
            Files.createDirectories(target);
            Set<String> names = new HashSet<>();
            long total = 0;
            int entries = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new UploadRefused(
                            "the zip holds more than " + limits.maxEntries() + " entries");
                }
                String name = checkedName(entry.getName());
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw new UploadRefused("the zip holds '" + name + "' twice");
                }
                Path destination = target.resolve(name).normalize();
                if (!destination.startsWith(target)) {
                    throw new UploadRefused(
                            "the zip entry '" + name + "' would be written outside its folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                long written = 0;
                long allowed =
                        entry.getCompressedSize() < 0
                                ? Long.MAX_VALUE
                                : Math.max(FREE, entry.getCompressedSize() * limits.maxRatio());
                try (OutputStream out = Files.newOutputStream(destination)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        written += n;
                        total += n;
                        if (total > limits.maxUnzipped().toBytes()) {
                            throw new UploadRefused(
                                    "the zip expands to more than "
                                            + limits.maxUnzipped().toMegabytes()
                                            + " MB");
                        }
                        if (written > allowed
                                || total > FREE && total > raw.count * (long) limits.maxRatio()) {
                            throw new UploadRefused(
                                    "the zip entry '"
                                            + name
                                            + "' expands more than "
                                            + limits.maxRatio()
                                            + " times its compressed size: refused as a possible"
                                            + " zip bomb");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (entries == 0) {
                throw new UploadRefused("the file is not a zip, or an empty one");
            }
        } catch (ZipException e) {
            throw new UploadRefused("the file is not a readable zip");
        } catch (IOException e) {
            throw new UploadRefused("the zip could not be opened: " + e.getClass().getSimpleName());
        }
    }

    /** The bytes read so far from the zip file: what the entries expanded from. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }

    /** The entry's name if it stays inside the folder; refused otherwise. */
    static String checkedName(String name) {
        if (name == null || name.isEmpty()) {
            throw new UploadRefused("the zip holds an entry without a name");
        }
        boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (control
                || name.contains("\\")
                || name.startsWith("/")
                || name.matches("^[A-Za-z]:.*")) {
            throw new UploadRefused(
                    "the zip entry '"
                            + printable(name)
                            + "' has an absolute path or a forbidden character");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new UploadRefused(
                        "the zip entry '" + printable(name) + "' climbs out of its folder (..)");
            }
        }
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String printable(String name) {
        return name.replaceAll("[\\p{Cntrl}]", "?");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UploadRefused("the upload could not be read");
        }
    }
}
