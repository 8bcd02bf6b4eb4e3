package fr.vigie.report.outline;

import java.io.Serializable;
import java.util.Map;

/**
 * A piece of a sentence: plain text (data or words, escaped by every renderer), or text with a role
 * each renderer shows its own way: strong, a rule's code, a severity badge, a finding's id, a line
 * break. {@code style} names the piece for the page's style sheet ({@code "account"}, {@code
 * "days"}) or, for a severity, its code.
 */
public record Span(Kind kind, String text, String style) implements Serializable {

    public enum Kind {
        TEXT,
        STRONG,
        EMPHASIS,
        CODE,
        SEVERITY,
        ID,
        FIGURE,
        BREAK
    }

    /**
     * A shape per severity, so that it reads without colour: ◆ critical, ▲ major, ● minor, ○ info.
     */
    private static final Map<String, String> MARKS =
            Map.of("critical", "\u25C6", "major", "\u25B2", "minor", "\u25CF", "info", "\u25CB");

    public static Span text(String text) {
        return new Span(Kind.TEXT, text, null);
    }

    public static Span styled(String style, String text) {
        return new Span(Kind.TEXT, text, style);
    }

    public static Span strong(String text) {
        return new Span(Kind.STRONG, text, null);
    }

    public static Span code(String text) {
        return new Span(Kind.CODE, text, null);
    }

    public static Span id(String text) {
        return new Span(Kind.ID, text, null);
    }

    public static Span severity(String code, String word) {
        return new Span(Kind.SEVERITY, word, code);
    }

    /** A headline figure, {@code id} naming it in the page so that a reader or a test finds it. */
    public static Span figure(String id, String text) {
        return new Span(Kind.FIGURE, text, id);
    }

    public static Span lineBreak() {
        return new Span(Kind.BREAK, "", null);
    }

    /** The shape of a severity badge; empty for other pieces. */
    public String mark() {
        return kind == Kind.SEVERITY ? MARKS.getOrDefault(style, "") : "";
    }

    public String kindName() {
        return kind.name();
    }
}
