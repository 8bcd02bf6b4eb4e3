package fr.vigie.report.outline;

import fr.vigie.report.ReportText;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundle's sentences as {@link Text}: each value put in a sentence stays a piece of its own
 * (data is never read as markup), numbers go in as numbers so that plural forms can choose, and
 * "**…**" in a sentence is strong.
 */
public final class Phrases {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private final ReportText text;

    public Phrases(ReportText text) {
        this.text = text;
    }

    public ReportText text() {
        return text;
    }

    public Text get(String key, Object... args) {
        Object[] marks = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            marks[i] = args[i] instanceof Number ? args[i] : OPEN + Integer.toString(i) + CLOSE;
        }
        String sentence = text.get(key, marks);
        List<Span> spans = new ArrayList<>();
        boolean strong = false;
        int at = 0;
        for (int open = sentence.indexOf(OPEN); open >= 0; open = sentence.indexOf(OPEN, at)) {
            int close = sentence.indexOf(CLOSE, open);
            strong = literal(sentence.substring(at, open), strong, spans);
            Object arg = args[Integer.parseInt(sentence.substring(open + 1, close))];
            List<Span> value =
                    arg instanceof Span span
                            ? List.of(span)
                            : arg instanceof Text t
                                    ? t.spans()
                                    : List.of(Span.text(arg == null ? "" : arg.toString()));
            for (Span span : value) {
                spans.add(
                        strong && span.kind() == Span.Kind.TEXT
                                ? new Span(Span.Kind.STRONG, span.text(), span.style())
                                : span);
            }
            at = close + 1;
        }
        literal(sentence.substring(at), strong, spans);
        return new Text(spans);
    }

    /** A sentence of the bundle, words alone. */
    public String plain(String key, Object... args) {
        return get(key, args).plain();
    }

    /**
     * Words of the bundle, "**" marking what is strong; {@code strong}: whether they start inside
     * "**"; returns whether they end inside.
     */
    private static boolean literal(String words, boolean strong, List<Span> spans) {
        int at = 0;
        for (int mark = words.indexOf("**"); mark >= 0; mark = words.indexOf("**", at)) {
            add(words.substring(at, mark), strong, spans);
            strong = !strong;
            at = mark + 2;
        }
        add(words.substring(at), strong, spans);
        return strong;
    }

    private static void add(String words, boolean strong, List<Span> spans) {
        if (!words.isEmpty()) {
            spans.add(strong ? Span.strong(words) : Span.text(words));
        }
    }
}
