package fr.vigie.report.html;

import fr.vigie.report.ReportText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's style sheet, inlined: what both media share (report.css), then the screen's layout
 * and print rules (screen.css) or the PDF's pages (pdf.css, with the page numbers' words from the
 * bundle).
 */
final class Styles {

    private Styles() {}

    static String css(Medium medium, ReportText text) {
        String shared = resource("report.css");
        if (medium == Medium.SCREEN) {
            return shared + resource("screen.css");
        }
        return shared
                + resource("pdf.css")
                + "@page { @bottom-right { content: "
                + pageNumbers(text)
                + "; font-family: \"Vigie Sans\"; font-size: 7.5pt; color: #8a93a3; } }\n"
                + "@page :first { @bottom-right { content: none; } @bottom-left { content: none; }"
                + " }\n";
    }

    /**
     * The bundle's "page {0} / {1}" as a CSS content value: its words quoted, the numbers as
     * counters.
     */
    static String pageNumbers(ReportText text) {
        String pattern = text.get("pdf.page", "\uE000", "\uE001");
        StringBuilder css = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '\uE000' || c == '\uE001') {
                css.append(quoted(literal))
                        .append(c == '\uE000' ? " counter(page) " : " counter(pages) ");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return css.append(quoted(literal)).toString().strip();
    }

    private static String quoted(CharSequence literal) {
        StringBuilder out = new StringBuilder("\"");
        literal.chars()
                .forEach(
                        c -> {
                            if (c == '"' || c == '\\') {
                                out.append('\\').append((char) c);
                            } else if (c < 0x20) {
                                out.append('\\').append(Integer.toHexString(c)).append(' ');
                            } else {
                                out.append((char) c);
                            }
                        });
        return out.append('"').toString();
    }

    private static String resource(String name) {
        try (InputStream in = Styles.class.getResourceAsStream("/fr/vigie/report/html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing style sheet " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
