package fr.vigie.report.outline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Blocks kept in a side file while the deals come, so that memory stays flat however many deals
 * have findings, then read back, in order, as the document is rendered. The file is Vigie's own,
 * written and read by the same run, and deleted at the end.
 */
final class Spool implements AutoCloseable {

    /** What the side file may hold: blocks, their texts, lists and numbers. */
    private static final ObjectInputFilter ONLY_BLOCKS =
            ObjectInputFilter.Config.createFilter(
                    "fr.vigie.report.outline.*;java.util.*;java.lang.*;java.math.*;!*");

    private final Path file;
    private ObjectOutputStream out;
    private long size;

    Spool(Path file) {
        this.file = file;
        try {
            out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Block block) {
        try {
            out.writeUnshared(block);
            out.reset();
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long size() {
        return size;
    }

    /** The blocks in the order they came; read each time it is iterated. */
    Iterable<Block> blocks() {
        finishWriting();
        return () -> new Reading();
    }

    private void finishWriting() {
        if (out == null) {
            return;
        }
        try {
            out.close();
            out = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        finishWriting();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Reading implements Iterator<Block> {

        private final ObjectInputStream in;
        private long read;

        Reading() {
            try {
                in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)));
                in.setObjectInputFilter(ONLY_BLOCKS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            boolean more = read < size;
            if (!more) {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return more;
        }

        @Override
        public Block next() {
            if (read >= size) {
                throw new NoSuchElementException();
            }
            try {
                read++;
                return (Block) in.readUnshared();
            } catch (EOFException e) {
                throw new NoSuchElementException();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
