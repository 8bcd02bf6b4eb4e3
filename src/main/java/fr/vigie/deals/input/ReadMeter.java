package fr.vigie.deals.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How much of a run's input files has been read, for the progress bar: every file a reader opens on
 * the thread that reads the deals, while a meter is {@link #measuring} there, adds its size to the
 * total and the bytes read from it to the count. The fraction is therefore the share of the bytes
 * of every file opened so far (a side file read whole at the start counts whole), never more than
 * 1; nothing is measured outside a run.
 */
public final class ReadMeter {

    private static final ThreadLocal<ReadMeter> CURRENT = new ThreadLocal<>();

    private final AtomicLong size = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    /** Runs {@code reading} with this meter counting the files opened on this thread. */
    public <T> T measuring(Supplier<T> reading) {
        ReadMeter before = CURRENT.get();
        CURRENT.set(this);
        try {
            return reading.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The meter measuring on this thread, or null. */
    public static ReadMeter current() {
        return CURRENT.get();
    }

    /**
     * {@code in}, the content of {@code file}, counted by the meter measuring on this thread if
     * there is one; {@code in} itself otherwise.
     */
    public static InputStream counted(Path file, InputStream in) {
        ReadMeter meter = CURRENT.get();
        if (meter == null) {
            return in;
        }
        try {
            meter.size.addAndGet(Files.size(file));
        } catch (IOException e) {
            return in; // a size unknown (a pipe): the bar shows no percentage for it
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    meter.read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    meter.read.addAndGet(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                meter.read.addAndGet(Math.max(0, skipped));
                return skipped;
            }
        };
    }

    /** The share of the bytes of the files opened so far that was read, 0 to 1; -1 when none. */
    public double fraction() {
        long total = size.get();
        return total <= 0 ? -1 : Math.min(1.0, (double) read.get() / total);
    }
}
