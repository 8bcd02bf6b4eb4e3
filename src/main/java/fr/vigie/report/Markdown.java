package fr.vigie.report;

/**
 * Escapes text from the data so that Markdown shows it as text: no markup, no HTML, no broken
 * tables.
 */
public final class Markdown {

    private Markdown() {}

    /** "&amp;" only where the text would otherwise read as an HTML entity ("&lt;", "&#60;"). */
    private static boolean startsEntity(String text, int at) {
        int i = at + 1;
        if (i < text.length() && text.charAt(i) == '#') {
            i++;
        }
        int start = i;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i < text.length() && text.charAt(i) == ';';
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append(startsEntity(text, i) ? "&amp;" : "&");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
