package fr.vigie.deals.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a text file line by line with bounded memory: a line longer than the limit is returned as a
 * {@link Line} with an error instead of bytes, and reading goes on at the next line. A byte-order
 * mark at the start is skipped.
 */
public final class LineReader implements AutoCloseable {

    /**
     * One line: its number (1-based) and its bytes (without the line break), or why it could not be
     * read. Decoding is left to the caller, so that it can run on another thread.
     */
    public record Line(long number, byte[] bytes, String error) {

        public boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkLength;
    private int chunkPosition;
    private byte[] line = new byte[1024];
    private long number;
    private boolean first = true;

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (chunkPosition == chunkLength) {
                chunkLength = in.read(chunk);
                chunkPosition = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = chunkPosition;
            int end = start;
            while (end < chunkLength && chunk[end] != '\n') {
                end++;
            }
            int count = end - start;
            if (!tooLong) {
                if (length + count > maxBytes) {
                    tooLong = true;
                } else {
                    ensure(length + count);
                    System.arraycopy(chunk, start, line, length, count);
                    length += count;
                }
            }
            chunkPosition = end;
            if (end < chunkLength) {
                chunkPosition++;
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "line longer than " + maxBytes + " bytes");
        }
        int from = 0;
        if (first) {
            first = false;
            if (length >= 3
                    && (line[0] & 0xff) == 0xEF
                    && (line[1] & 0xff) == 0xBB
                    && (line[2] & 0xff) == 0xBF) {
                from = 3;
            }
        }
        int to = length > from && line[length - 1] == '\r' ? length - 1 : length;
        return new Line(number, Arrays.copyOfRange(line, from, to), null);
    }

    private void ensure(int size) {
        if (size > line.length) {
            line = Arrays.copyOf(line, Math.max(size, line.length * 2));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
