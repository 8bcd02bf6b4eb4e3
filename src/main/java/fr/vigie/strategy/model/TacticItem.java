package fr.vigie.strategy.model;

import fr.vigie.common.Location;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement of the sales director's tactics for a period, as a fact rules reason over: a
 * campaign, a band of the discount grid, a quota, a territory, an incentive, payment terms, a
 * change of stage rules. Fields that do not apply to a kind are empty.
 */
public record TacticItem(
        Kind kind,
        String id,
        String name,
        List<String> segments,
        List<String> products,
        BigDecimal value,
        String role,
        String person,
        String paysOn,
        LocalDate from,
        LocalDate to,
        String process,
        Owner owner,
        Location location)
        implements Declared {

    /** What the tactics say. */
    public enum Kind {
        /** A campaign: target segments, products, an offer discount ({@code value}), dates. */
        CAMPAIGN,
        /** A band of the discount grid: up to {@code value} percent, approved by {@code role}. */
        DISCOUNT_BAND,
        /** A quota of {@code value} for a person or a team ({@code person} or {@code name}). */
        QUOTA,
        /** A territory ({@code name}: region or segment) given to {@code person}. */
        TERRITORY,
        /**
         * An incentive paying on {@code paysOn}, for {@code segments} and {@code products}, with a
         * margin floor {@code value}.
         */
        INCENTIVE,
        /** Payment terms granted, {@code value} days. */
        PAYMENT_TERMS,
        /**
         * A stage ({@code id}) given other max-days ({@code value}) for the period, in one {@code
         * process} or all; {@code name} is the reason.
         */
        STAGE_RULE_CHANGE
    }

    public TacticItem {
        segments = List.copyOf(segments);
        products = List.copyOf(products);
    }

    @Override
    public String describe() {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String who = name != null ? name : id != null ? id : person != null ? person : role;
        return what
                + (who == null ? "" : " " + who)
                + (value == null ? "" : " " + value.stripTrailingZeros().toPlainString());
    }

    public boolean targets(String segment) {
        return segments.contains(segment);
    }

    /**
     * Whether the item promotes a product or product line: the same code, or codes one of which
     * extends the other with a dash ("LASER" and "LASER-3000").
     */
    public boolean promotes(String productOrLine) {
        for (String product : products) {
            if (product.equals(productOrLine)
                    || product.startsWith(productOrLine + "-")
                    || productOrLine.startsWith(product + "-")) {
                return true;
            }
        }
        return false;
    }
}
