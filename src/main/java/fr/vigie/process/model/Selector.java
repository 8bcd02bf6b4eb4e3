package fr.vigie.process.model;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Which deals a process applies to; an empty set means "any". A fallback process takes the deals
 * that no other process claims.
 */
public record Selector(
        Set<String> pipelines,
        Set<String> types,
        Set<String> segments,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        boolean fallback) {

    public static final Selector FALLBACK =
            new Selector(Set.of(), Set.of(), Set.of(), null, null, true);

    public Selector {
        pipelines = Set.copyOf(pipelines);
        types = Set.copyOf(types);
        segments = Set.copyOf(segments);
    }

    public boolean matches(String pipeline, String type, String segment, BigDecimal amount) {
        if (fallback) {
            return false;
        }
        return within(pipelines, pipeline)
                && within(types, type)
                && within(segments, segment)
                && (minAmount == null || amount != null && amount.compareTo(minAmount) >= 0)
                && (maxAmount == null || amount != null && amount.compareTo(maxAmount) <= 0);
    }

    private static boolean within(Set<String> allowed, String value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }

    public String describe() {
        if (fallback) {
            return "deals no other process takes";
        }
        StringBuilder text = new StringBuilder();
        append(text, "pipeline", pipelines);
        append(text, "type", types);
        append(text, "segment", segments);
        if (minAmount != null || maxAmount != null) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append("amount ")
                    .append(minAmount == null ? "" : minAmount.toPlainString())
                    .append("..")
                    .append(maxAmount == null ? "" : maxAmount.toPlainString());
        }
        return text.isEmpty() ? "all deals" : text.toString();
    }

    private static void append(StringBuilder text, String name, Set<String> values) {
        if (!values.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(name)
                    .append(" in ")
                    .append(values.stream().sorted().toList());
        }
    }
}
