package fr.vigie.deals.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Characters of a text file with the line and column of the next one. Line breaks (\n, \r\n or \r)
 * all read as '\n'; a byte-order mark at the start is skipped; columns count characters as an
 * editor shows them (a character outside the BMP counts once). The text read since {@link #mark()}
 * can be read again from a given line with {@link #rewind(int)}: that is how a quote left open is
 * recovered from, one line after it, instead of losing the rest of the file.
 */
final class CharCursor {

    static final int END = -1;
    private static final int NONE = -2;

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int length;
    private int position;
    private int peeked = NONE;
    private StringBuilder replay;
    private int replayPosition;
    private StringBuilder marked;
    private int line = 1;
    private int column = 1;
    private boolean started;

    CharCursor(Reader reader) {
        this.reader = reader;
    }

    /** The line of the next character, 1-based. */
    int line() {
        return line;
    }

    /** The column of the next character, 1-based. */
    int column() {
        return column;
    }

    /** The next character without consuming it, or {@link #END}. */
    int peek() throws IOException {
        if (peeked == NONE) {
            peeked = fetch();
        }
        return peeked;
    }

    /** Consumes the next character, or returns {@link #END}. */
    int read() throws IOException {
        int c = peek();
        peeked = NONE;
        if (c == END) {
            return END;
        }
        if (marked != null) {
            marked.append((char) c);
        }
        if (c == '\n') {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate((char) c)) {
            column++;
        }
        return c;
    }

    /** Starts keeping what is read, for a later {@link #rewind(int)}. */
    void mark() {
        marked = new StringBuilder();
    }

    /** Stops keeping what is read. */
    void unmark() {
        marked = null;
    }

    /** Characters kept since {@link #mark()}. */
    int markedLength() {
        return marked == null ? 0 : marked.length();
    }

    /**
     * Reads again what was read since {@link #mark()}, which started at column 1 of {@code
     * markedLine}.
     */
    void rewind(int markedLine) {
        StringBuilder again = marked;
        marked = null;
        if (peeked != NONE && peeked != END) {
            again.append((char) peeked);
        }
        peeked = NONE;
        if (replay != null) {
            again.append(replay, replayPosition, replay.length());
        }
        replay = again;
        replayPosition = 0;
        line = markedLine;
        column = 1;
    }

    private int fetch() throws IOException {
        int c = raw();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = raw();
            }
        }
        if (c == '\r') {
            if (rawPeek() == '\n') {
                raw();
            }
            return '\n';
        }
        return c;
    }

    private int raw() throws IOException {
        if (replay != null) {
            if (replayPosition < replay.length()) {
                return replay.charAt(replayPosition++);
            }
            replay = null;
        }
        if (position == length && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private int rawPeek() throws IOException {
        if (replay != null && replayPosition < replay.length()) {
            return replay.charAt(replayPosition);
        }
        if (position == length && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        length = n;
        position = 0;
        return true;
    }
}
