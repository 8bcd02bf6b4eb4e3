package fr.vigie.audit.engine.safety;

/**
 * Java's unicode escapes ({@code \u0053}), which the Java compiler decodes before anything else,
 * even inside strings and comments: code is checked as the compiler will read it.
 */
final class UnicodeEscapes {

    private UnicodeEscapes() {}

    /** The offset of the first unicode escape of {@code text}, or -1. */
    static int first(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                return i;
            }
        }
        return -1;
    }

    static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (isEscape(text, i)) {
                int hex = i + 1;
                while (text.charAt(hex) == 'u') {
                    hex++;
                }
                out.append((char) Integer.parseInt(text.substring(hex, hex + 4), 16));
                i = hex + 4;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * A backslash preceded by an even number of backslashes, then one or more 'u' and four hex
     * digits.
     */
    private static boolean isEscape(String text, int i) {
        if (text.charAt(i) != '\\') {
            return false;
        }
        int before = 0;
        for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
            before++;
        }
        if (before % 2 != 0) {
            return false;
        }
        int hex = i + 1;
        if (hex >= text.length() || text.charAt(hex) != 'u') {
            return false;
        }
        while (hex < text.length() && text.charAt(hex) == 'u') {
            hex++;
        }
        if (hex + 4 > text.length()) {
            return false;
        }
        for (int k = hex; k < hex + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
