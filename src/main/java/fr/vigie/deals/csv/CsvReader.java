package fr.vigie.deals.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file record by record (RFC 4180: cells in double quotes may hold the separator, line
 * breaks and quotes written twice), with bounded memory and the exact line and column of every cell
 * and problem. The separator, ',' or ';', is the one found on the header line. A record that cannot
 * be read as written comes back with its problem, and reading goes on after it; a quote that is
 * never closed is reported where it opens, and reading resumes on the next line, so that one stray
 * quote cannot swallow the rest of the file.
 */
public final class CsvReader implements AutoCloseable {

    /** The longest record kept in memory, in characters. */
    public static final int DEFAULT_MAX_ROW_CHARS = 1_000_000;

    private final Reader source;
    private final CharCursor in;
    private final int maxRowChars;
    private final String encoding;
    private final StringBuilder text = new StringBuilder();
    private char separator;
    private int rowChars;
    private CsvRow.Problem problem;

    /** A reader of UTF-8 text (a character that could not be decoded is reported as not UTF-8). */
    public CsvReader(Reader source, int maxRowChars) {
        this(source, maxRowChars, "UTF-8");
    }

    /**
     * A reader of text decoded from {@code encoding}, whose decoder replaces what it cannot decode
     * with U+FFFD: such a cell is reported as "not valid {@code encoding}".
     */
    public CsvReader(Reader source, int maxRowChars, String encoding) {
        this.source = source;
        this.in = new CharCursor(source);
        this.maxRowChars = maxRowChars;
        this.encoding = encoding;
    }

    /**
     * The header record with the separator the caller states (an export's mapping may say it), or,
     * when {@code stated} is null, the one found on its line as {@link #header()} does.
     */
    public CsvRow header(Character stated) throws IOException {
        if (stated == null) {
            return header();
        }
        separator = stated;
        return next();
    }

    /**
     * The header record, after finding the separator on its line; null for a file with no text.
     * When the separator cannot be told, the header comes back with that problem.
     */
    public CsvRow header() throws IOException {
        skipBlankLines();
        if (in.peek() == CharCursor.END) {
            return null;
        }
        int line = in.line();
        in.mark();
        boolean comma = false;
        boolean semicolon = false;
        int c;
        while ((c = in.peek()) != CharCursor.END && c != '\n' && in.markedLength() < maxRowChars) {
            comma |= c == ',';
            semicolon |= c == ';';
            in.read();
        }
        in.rewind(line);
        if (comma == semicolon) {
            separator = ',';
            CsvRow header = next();
            String why =
                    comma
                            ? "the header line holds both ',' and ';': separate the columns with"
                                    + " one of them only"
                            : "the header line holds neither ',' nor ';': separate the column names"
                                    + " with one of them";
            return new CsvRow(
                    header.line(),
                    header.cells(),
                    new CsvRow.Problem(line, 1, why),
                    header.endLine(),
                    header.endColumn());
        }
        separator = comma ? ',' : ';';
        return next();
    }

    public char separator() {
        return separator;
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public CsvRow next() throws IOException {
        skipBlankLines();
        if (in.peek() == CharCursor.END) {
            return null;
        }
        int line = in.line();
        List<CsvRow.Cell> cells = new ArrayList<>();
        problem = null;
        rowChars = 0;
        while (true) {
            int cellLine = in.line();
            int cellColumn = in.column();
            text.setLength(0);
            if (in.peek() == '"') {
                if (!readQuoted(cellLine, cellColumn)) {
                    return new CsvRow(line, cells, problem, cellLine, cellColumn);
                }
            } else {
                readUnquoted();
            }
            cells.add(new CsvRow.Cell(text.toString(), cellLine, cellColumn));
            if (in.peek() == separator) {
                if (rowChars < maxRowChars) {
                    in.read();
                    rowChars++;
                    continue;
                }
                tooLong();
            }
            int endLine = in.line();
            int endColumn = in.column();
            in.read();
            return new CsvRow(line, cells, problem, endLine, endColumn);
        }
    }

    /**
     * Reads a cell in quotes, and anything written after its closing quote (a problem). Returns
     * false when the quote is never closed: the record ends there, and reading resumes on the line
     * after the opening quote.
     */
    private boolean readQuoted(int line, int column) throws IOException {
        in.read();
        boolean marking = false;
        while (true) {
            int atLine = in.line();
            int atColumn = in.column();
            int c = in.read();
            boolean closing = c == '"' && in.peek() != '"';
            if (closing) {
                break;
            }
            if (c == '"') {
                in.read();
            }
            if (c == CharCursor.END || rowChars >= maxRowChars) {
                if (marking) {
                    in.rewind(line + 1);
                } else {
                    skipRestOfLine();
                }
                report(
                        line,
                        column,
                        c == CharCursor.END
                                ? "unclosed quote: this cell runs to the end of the file; end it"
                                        + " with \" (a quote inside a quoted cell is written twice:"
                                        + " \"\")"
                                : "unclosed quote: this cell runs on for more than "
                                        + maxRowChars
                                        + " characters; end it with \" (a quote inside a quoted"
                                        + " cell is written twice: \"\")");
                return false;
            }
            if (c == '\n' && !marking) {
                in.mark();
                marking = true;
            }
            append(c, atLine, atColumn);
        }
        if (marking) {
            in.unmark();
        }
        int after = in.peek();
        if (after != separator && after != '\n' && after != CharCursor.END) {
            report(
                    in.line(),
                    in.column(),
                    "unexpected "
                            + shown(after)
                            + " after the closing quote of the cell; a quote inside a quoted cell"
                            + " is written twice (\"\")");
            readUnquoted();
        }
        return true;
    }

    private void readUnquoted() throws IOException {
        int c;
        while ((c = in.peek()) != separator && c != '\n' && c != CharCursor.END) {
            int atLine = in.line();
            int atColumn = in.column();
            if (rowChars >= maxRowChars) {
                tooLong();
                return;
            }
            in.read();
            append(c, atLine, atColumn);
        }
    }

    private void append(int c, int line, int column) {
        if (c == '\uFFFD') {
            report(line, column, "not valid " + encoding + ": save the file as " + encoding);
        }
        rowChars++;
        text.append((char) c);
    }

    private void report(int line, int column, String message) {
        if (problem == null) {
            problem = new CsvRow.Problem(line, column, message);
        }
    }

    private void tooLong() throws IOException {
        report(in.line(), in.column(), "row longer than " + maxRowChars + " characters");
        skipRestOfLine();
    }

    /**
     * Skips to the end of the physical line, quotes included: the record is lost anyway, the next
     * one starts there.
     */
    private void skipRestOfLine() throws IOException {
        int c;
        while ((c = in.peek()) != '\n' && c != CharCursor.END) {
            in.read();
        }
    }

    private void skipBlankLines() throws IOException {
        while (in.peek() == '\n') {
            in.read();
        }
    }

    private static String shown(int c) {
        return Character.isWhitespace(c) ? "space" : "'" + (char) c + "'";
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
