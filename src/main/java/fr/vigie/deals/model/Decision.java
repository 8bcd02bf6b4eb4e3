package fr.vigie.deals.model;

import fr.vigie.common.Numbers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A decision recorded on the deal: what was decided ({@code type}, e.g. discount-approval), its
 * value (e.g. the approved discount, in percent), who took it, in which role, and when.
 */
public record Decision(
        String type, String value, String by, String role, OffsetDateTime at, String comment) {

    /**
     * Whether this decision says the opposite of {@code other} on the same deal: an approval
     * against a refusal of the same thing ("discount-approval" and "discount-refusal"), or the same
     * kind of decision answered yes by one and no by the other (go / no-go, oui / non, true /
     * false...). Two different amounts are not opposite: they are two decisions about the same
     * thing.
     */
    public boolean opposes(Decision other) {
        if (type.equals(other.type)) {
            Boolean mine = answer(value);
            Boolean theirs = answer(other.value);
            return mine != null && theirs != null && !mine.equals(theirs);
        }
        return subjectOf(type) != null
                && subjectOf(type).equals(subjectOf(other.type))
                && (type.endsWith("-approval") && other.type.endsWith("-refusal")
                        || type.endsWith("-refusal") && other.type.endsWith("-approval"));
    }

    private static final java.util.Set<String> YES =
            java.util.Set.of(
                    "go",
                    "yes",
                    "oui",
                    "true",
                    "approved",
                    "approuvé",
                    "accepted",
                    "accepté",
                    "ok");
    private static final java.util.Set<String> NO =
            java.util.Set.of(
                    "no-go",
                    "nogo",
                    "no",
                    "non",
                    "false",
                    "refused",
                    "refusé",
                    "rejected",
                    "rejeté",
                    "ko");

    /** A yes/no value, or null for anything else (an amount, a text). */
    private static Boolean answer(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return YES.contains(v) ? Boolean.TRUE : NO.contains(v) ? Boolean.FALSE : null;
    }

    /** Whether it approves something ("...-approval"). */
    public boolean isApproval() {
        return type.endsWith("-approval");
    }

    private static String subjectOf(String type) {
        int dash = type.lastIndexOf('-');
        return dash <= 0 ? null : type.substring(0, dash);
    }

    /**
     * The value as a number, or null when it is not one Vigie can read ({@link Numbers#readable}).
     */
    public BigDecimal numericValue() {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            return Numbers.readable(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
