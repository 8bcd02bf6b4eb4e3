package fr.vigie.report;

import fr.vigie.common.VisibleText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV that Excel opens safely: UTF-8 with a byte-order mark, the locale's separator, and
 * cells that Excel would read as a formula (starting with = + - @, a tab or a carriage return)
 * neutralised with a leading apostrophe; controls and bidirectional overrides shown as U+FFFD
 * ({@link VisibleText}).
 */
public final class CsvWriter implements AutoCloseable {

    private final BufferedWriter out;
    private final char separator;

    public CsvWriter(OutputStream stream, char separator) {
        this.out =
                new BufferedWriter(
                        VisibleText.writer(new OutputStreamWriter(stream, StandardCharsets.UTF_8)),
                        64 * 1024);
        this.separator = separator;
        write("\uFEFF");
    }

    public void row(List<?> cells) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(separator);
            }
            Object cell = cells.get(i);
            line.append(quote(safe(cell == null ? "" : cell.toString())));
        }
        line.append("\r\n");
        write(line.toString());
    }

    /** The cell's text as Excel must show it: never as a formula. */
    public static String safe(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '='
                || first == '+'
                || first == '-'
                || first == '@'
                || first == '\t'
                || first == '\r') {
            return "'" + text;
        }
        return text;
    }

    private String quote(String text) {
        boolean needs =
                text.indexOf(separator) >= 0
                        || text.indexOf('"') >= 0
                        || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0;
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
