package fr.vigie.report.html;

import fr.vigie.report.ReportText;

/**
 * The report's words as HTML: the bundle's sentence escaped, and each value put in it escaped too,
 * unless it is markup the renderer made ({@link Html.Markup}). Numbers go into the sentence as
 * numbers, so that its plural forms ({@code {0, plural, one {…} other {…}}}) can choose.
 */
final class Words {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private final ReportText text;

    Words(ReportText text) {
        this.text = text;
    }

    ReportText text() {
        return text;
    }

    String get(String key, Object... args) {
        if (args.length == 0) {
            return Html.escape(text.get(key));
        }
        Object[] marks = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            marks[i] = args[i] instanceof Number ? args[i] : OPEN + Integer.toString(i) + CLOSE;
        }
        String html = Html.escape(text.get(key, marks));
        StringBuilder out = new StringBuilder(html.length() + 64);
        int at = 0;
        for (int open = html.indexOf(OPEN); open >= 0; open = html.indexOf(OPEN, at)) {
            int close = html.indexOf(CLOSE, open);
            out.append(html, at, open)
                    .append(Html.escape(args[Integer.parseInt(html.substring(open + 1, close))]));
            at = close + 1;
        }
        return out.append(html, at, html.length()).toString();
    }
}
