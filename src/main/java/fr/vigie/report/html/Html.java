package fr.vigie.report.html;

import fr.vigie.common.VisibleText;

/**
 * Escapes text from the data so that it shows as text in HTML (and in the XHTML the PDF is made
 * from): no markup, no entity, nothing an XML parser refuses.
 */
public final class Html {

    private Html() {}

    /** Markup made by the renderer itself, passed where escaped text is expected. */
    public record Markup(String html) {

        @Override
        public String toString() {
            return html;
        }
    }

    public static Markup raw(String html) {
        return new Markup(html);
    }

    /**
     * The value as text, safe in an element and in a quoted attribute. Characters XML 1.0 forbids
     * (controls, lone surrogates) and bidirectional overrides become U+FFFD ({@link VisibleText})
     * so that one odd byte in a CRM export cannot break the PDF nor reorder what the reader sees.
     */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Markup markup) {
            return markup.html();
        }
        String text = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement =
                    switch (c) {
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '&' -> "&amp;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> allowed(text, i) ? null : "\uFFFD";
                    };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean allowed(String text, int i) {
        return !VisibleText.acts(text, i);
    }

    /**
     * An id attribute for a value from the data, one to one: letters, digits and '-' stay, every
     * other character becomes '_' and its code in hex.
     */
    public static String id(String prefix, String value) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-') {
                out.append(c);
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return out.toString();
    }
}
