package fr.vigie.strategy.model;

import fr.vigie.common.Location;
import java.math.BigDecimal;

/**
 * A decision that belongs to a role, as the strategy sets it: the decision type (as recorded on
 * deals, e.g. discount-approval), and for valued decisions the range of values it covers ({@code
 * above} excluded, {@code upTo} included, in percent).
 */
public record DecisionRight(
        String role,
        String decision,
        BigDecimal above,
        BigDecimal upTo,
        Owner owner,
        Location location)
        implements Declared {

    /** Whether a decision of this type with this value is this role's to take. */
    public boolean covers(String type, BigDecimal value) {
        if (!decision.equals(type)) {
            return false;
        }
        if (value == null) {
            return above == null;
        }
        return (above == null || value.compareTo(above) > 0)
                && (upTo == null || value.compareTo(upTo) <= 0);
    }

    @Override
    public String describe() {
        return "decision right of "
                + role
                + ": "
                + decision
                + (range().isEmpty() ? "" : " " + range());
    }

    public String range() {
        if (above == null && upTo == null) {
            return "";
        }
        if (above == null) {
            return "≤ " + upTo.stripTrailingZeros().toPlainString() + " %";
        }
        return upTo == null
                ? "> " + above.stripTrailingZeros().toPlainString() + " %"
                : above.stripTrailingZeros().toPlainString()
                        + "–"
                        + upTo.stripTrailingZeros().toPlainString()
                        + " %";
    }
}
