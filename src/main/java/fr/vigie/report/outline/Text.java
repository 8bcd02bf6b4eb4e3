package fr.vigie.report.outline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A sentence of the report as pieces ({@link Span}): what every renderer writes, escaped. */
public record Text(List<Span> spans) implements Serializable {

    public Text {
        spans = List.copyOf(spans);
    }

    public static Text of(String plain) {
        return new Text(List.of(Span.text(plain)));
    }

    public static Text of(Span... spans) {
        return new Text(List.of(spans));
    }

    /** This text followed by {@code more}. */
    public Text then(Span... more) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(List.of(more));
        return new Text(all);
    }

    public Text then(Text more) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(more.spans());
        return new Text(all);
    }

    /** The words alone, without roles: for titles, bookmarks and tests. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            out.append(span.kind() == Span.Kind.BREAK ? " " : span.text());
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return spans.stream().allMatch(s -> s.text().isEmpty() && s.kind() != Span.Kind.BREAK);
    }
}
