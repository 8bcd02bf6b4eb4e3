package fr.vigie.common;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text from the data as every output shows it (the reports, the CSV files, the console): a
 * character that would act instead of showing (a control such as ESC, NUL or BEL, which a terminal
 * obeys; a bidirectional embedding, override or isolate such as U+202E, which reorders what follows
 * it; a lone surrogate) becomes U+FFFD, the replacement character, so that the reader sees that
 * something was there. Tabs and line breaks stay: each format handles them its own way.
 */
public final class VisibleText {

    public static final char REPLACEMENT = '\uFFFD';

    private VisibleText() {}

    /** Whether the character at {@code i} of {@code text} acts instead of showing. */
    public static boolean acts(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return acts(c);
    }

    /**
     * Whether {@code c}, not a surrogate, is a control (but tab and line breaks) or a bidirectional
     * embedding, override or isolate.
     */
    public static boolean acts(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7F && c <= 0x9F
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\uFFFE'
                || c == '\uFFFF';
    }

    /**
     * {@code text} with each character that {@link #acts} replaced by U+FFFD; the same string when
     * there is none.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            boolean replace = acts(text, i);
            if (replace && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replace ? REPLACEMENT : text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /** A buffered UTF-8 writer to {@code file}, through {@link #writer}. */
    public static Writer file(Path file) throws IOException {
        return new BufferedWriter(
                writer(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)),
                64 * 1024);
    }

    /**
     * A writer that writes through {@code out} what it is given, each character that {@link #acts}
     * replaced.
     */
    public static Writer writer(Writer out) {
        return new FilterWriter(out) {
            private char pendingHigh;

            @Override
            public void write(int c) throws IOException {
                write(new char[] {(char) c}, 0, 1);
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    char c = text.charAt(i);
                    if (acts(c) || Character.isSurrogate(c)) {
                        write(text.substring(offset, offset + length).toCharArray(), 0, length);
                        return;
                    }
                }
                pendingHigh = 0;
                out.write(text, offset, length);
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                char[] shown = null;
                int end = offset + length;
                for (int i = offset; i < end; i++) {
                    char c = chars[i];
                    boolean replace;
                    if (Character.isHighSurrogate(c)) {
                        replace = i + 1 < end ? !Character.isLowSurrogate(chars[i + 1]) : false;
                    } else if (Character.isLowSurrogate(c)) {
                        replace =
                                i > offset
                                        ? !Character.isHighSurrogate(chars[i - 1])
                                        : pendingHigh == 0;
                    } else {
                        replace = acts(c);
                    }
                    if (replace) {
                        if (shown == null) {
                            shown = java.util.Arrays.copyOfRange(chars, offset, end);
                        }
                        shown[i - offset] = REPLACEMENT;
                    }
                }
                pendingHigh =
                        length > 0 && Character.isHighSurrogate(chars[end - 1])
                                ? chars[end - 1]
                                : 0;
                if (shown == null) {
                    out.write(chars, offset, length);
                } else {
                    out.write(shown, 0, length);
                }
            }
        };
    }
}
