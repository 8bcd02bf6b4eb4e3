package fr.vigie.strategy.model;

import fr.vigie.common.Location;
import java.math.BigDecimal;

/**
 * One statement of the CEO's strategy, as a fact rules reason over: its kind, what it is about
 * ({@code subject}: a segment, a product or product line, an account, a role...) and its value (a
 * percentage, an amount, a number of days), with where it is written.
 */
public record StrategyItem(
        Kind kind, String subject, BigDecimal value, String text, Owner owner, Location location)
        implements Declared {

    /** What the strategy says. */
    public enum Kind {
        /** Revenue target for the strategy's year; {@code value} in the workspace currency. */
        REVENUE_TARGET,
        /** Revenue target for one quarter ({@code subject} = 2026-Q3). */
        QUARTER_REVENUE_TARGET,
        /** Average margin target, in percent. */
        MARGIN_TARGET,
        /** Share of revenue from new customers, in percent. */
        NEW_CUSTOMERS_SHARE,
        /** A segment to focus on. */
        FOCUS_SEGMENT,
        /** A segment the company does not sell to. */
        EXCLUDED_SEGMENT,
        /** A priority product or product line. */
        PRIORITY_PRODUCT,
        /** Maximum discount, in percent ({@code subject} = a product line, or null for all). */
        MAX_DISCOUNT,
        /**
         * Minimum margin per deal, in percent ({@code subject} = a product line, or null for all).
         */
        MIN_MARGIN,
        /** Longest payment terms, in days. */
        MAX_PAYMENT_DAYS,
        /** A sales channel the company uses. */
        CHANNEL,
        /** A strategic account (by account id or name). */
        STRATEGIC_ACCOUNT
    }

    @Override
    public String describe() {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return name
                + (subject == null ? "" : " " + subject)
                + (value == null ? "" : " " + value.stripTrailingZeros().toPlainString());
    }
}
