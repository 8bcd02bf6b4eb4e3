package fr.vigie.deals.xes;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Keeps line breaks and tabs inside attribute values: an XML reader turns a raw line break in an
 * attribute into a space, and the JDK's StAX writer writes them raw. The values are handed to the
 * writer with each break as a control character XML 1.0 cannot hold (so never one of the text's
 * own: {@link #value} replaces those), and this writer, under the StAX writer, turns them into
 * character references ({@code &#10;}).
 */
final class AttributeBreaks extends FilterWriter {

    private static final char LINE_FEED = '\u0001';
    private static final char CARRIAGE_RETURN = '\u0002';
    private static final char TAB = '\u0003';

    AttributeBreaks(Writer out) {
        super(out);
    }

    /**
     * The value to hand to the StAX writer: breaks marked, characters XML cannot hold replaced by
     * U+FFFD.
     */
    static String value(String text) {
        StringBuilder marked = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                marked.append(LINE_FEED);
            } else if (c == '\r') {
                marked.append(CARRIAGE_RETURN);
            } else if (c == '\t') {
                marked.append(TAB);
            } else if (c < 0x20
                    || c == '\uFFFE'
                    || c == '\uFFFF'
                    || Character.isSurrogate(c) && !validPair(text, i)) {
                marked.append('\uFFFD');
            } else {
                marked.append(c);
                if (Character.isHighSurrogate(c)) {
                    marked.append(text.charAt(++i));
                }
            }
        }
        return marked.toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    @Override
    public void write(int c) throws IOException {
        switch (c) {
            case LINE_FEED -> out.write("&#10;");
            case CARRIAGE_RETURN -> out.write("&#13;");
            case TAB -> out.write("&#9;");
            default -> out.write(c);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] <= TAB && chars[i] >= LINE_FEED) {
                out.write(chars, start, i - start);
                write(chars[i]);
                start = i + 1;
            }
        }
        out.write(chars, start, offset + length - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
