package fr.vigie.deals.xes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bytes of an XML file as the parser gets them, with no piece longer than it can hold: StAX
 * keeps a whole attribute value, comment or text in memory, so one 64 MB attribute would fill it.
 * An attribute value longer than the limit is cut at a character's boundary and ends with {@link
 * #CUT}, so that its trace is rejected where it is written; a comment, processing instruction,
 * CDATA section, declaration, tag or text longer than the limit is no XES Vigie reads: {@link
 * TooLong}, with its line.
 */
final class BoundedXml extends FilterInputStream {

    /** What ends a value cut at the limit: no XES writer writes it. */
    static final String CUT = "\uFFFD\uFFFD[cut by Vigie]";

    private static final byte[] CUT_BYTES = CUT.getBytes(StandardCharsets.UTF_8);

    /** A piece of the file longer than the limit, other than an attribute value. */
    static final class TooLong extends RuntimeException {
        private final long line;

        TooLong(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private enum State {
        TEXT,
        OPEN,
        BANG,
        TAG,
        VALUE,
        OTHER
    }

    private final int limit;
    private State state = State.TEXT;
    private int count;
    private byte quote;
    private boolean cutting;
    private String terminator;
    private String kind;
    private long line = 1;
    private byte[] pending;
    private int pendingAt;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkAt;
    private int chunkLength;
    private final byte[] one = new byte[1];

    /** The last three bytes of a comment, CDATA section... to see where it ends. */
    private int recent;

    BoundedXml(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (pending != null) {
                buffer[offset + written++] = pending[pendingAt++];
                if (pendingAt == pending.length) {
                    pending = null;
                }
                continue;
            }
            if (chunkAt == chunkLength) {
                if (written > 0) {
                    break;
                }
                chunkLength = in.read(chunk);
                chunkAt = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    return -1;
                }
            }
            byte next = chunk[chunkAt++];
            if (step(next)) {
                buffer[offset + written++] = next;
            }
        }
        return written;
    }

    @Override
    public int available() {
        return (pending == null ? 0 : pending.length - pendingAt) + chunkLength - chunkAt;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Moves past one byte; whether it goes to the parser. */
    private boolean step(byte b) {
        if (b == '\n') {
            line++;
        }
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.OPEN;
                } else {
                    grow("text between two elements");
                }
            }
            case OPEN -> {
                count = 0;
                if (b == '!') {
                    state = State.BANG;
                } else if (b == '?') {
                    other("?>", "processing instruction");
                } else {
                    state = State.TAG;
                }
            }
            case BANG -> {
                if (b == '-') {
                    other("-->", "comment");
                } else if (b == '[') {
                    other("]]>", "CDATA section");
                } else {
                    other(">", "declaration");
                }
            }
            case TAG -> {
                if (b == '"' || b == '\'') {
                    state = State.VALUE;
                    quote = b;
                    count = 0;
                } else if (b == '>') {
                    state = State.TEXT;
                    count = 0;
                } else {
                    grow("tag");
                }
            }
            case VALUE -> {
                if (b == quote) {
                    state = State.TAG;
                    count = 0;
                    if (cutting) {
                        cutting = false;
                        pending = new byte[CUT_BYTES.length + 1];
                        System.arraycopy(CUT_BYTES, 0, pending, 0, CUT_BYTES.length);
                        pending[CUT_BYTES.length] = b;
                        pendingAt = 0;
                        return false;
                    }
                    return true;
                }
                if (++count > limit && (b & 0xC0) != 0x80) {
                    cutting = true;
                }
                return !cutting;
            }
            case OTHER -> {
                grow(kind);
                recent = (recent << 8 | (b & 0xFF)) & 0xFFFFFF;
                if (ends(terminator)) {
                    state = State.TEXT;
                    count = 0;
                }
            }
        }
        return true;
    }

    private void other(String end, String what) {
        state = State.OTHER;
        terminator = end;
        kind = what;
        recent = 0;
    }

    /** Whether the last bytes read are {@code end} (at most three ASCII characters). */
    private boolean ends(String end) {
        int mask = (1 << (8 * end.length())) - 1;
        int wanted = 0;
        for (int i = 0; i < end.length(); i++) {
            wanted = wanted << 8 | end.charAt(i);
        }
        return (recent & mask) == wanted;
    }

    private void grow(String what) {
        if (++count > limit) {
            throw new TooLong(
                    line,
                    String.format(
                            Locale.ROOT,
                            "a %s longer than %,d bytes: an XES log holds no such text; remove it",
                            what,
                            limit));
        }
    }
}
