package fr.vigie.audit.result;

import fr.vigie.common.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a group of deals did (a person's, a team's, those that followed the process...): how many
 * were worked, closed, won and lost, what was won, the activities spent, the days to close, the
 * discount given away, and the findings on them. Ratios are derived, never stored.
 */
public record Figures(
        long deals,
        long closed,
        long won,
        long lost,
        BigDecimal wonAmount,
        long activities,
        long cycleDays,
        long wonCycleDays,
        BigDecimal discountGiven,
        BigDecimal discountPercentOfWon,
        long dealsWithFindings,
        long findings) {

    public static final Figures NONE =
            new Figures(
                    0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    /** Won against closed, in percent; null with no closed deal. */
    public BigDecimal winRate() {
        return closed == 0 ? null : percent(won, closed);
    }

    /**
     * The signature delay: average days from creation to close of the won deals; null with none.
     * Lost deals are apart ({@link #averageLostCycleDays}): a deal lost fast would look like a fast
     * signature.
     */
    public BigDecimal averageCycleDays() {
        return won == 0
                ? null
                : BigDecimal.valueOf(wonCycleDays)
                        .divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_EVEN);
    }

    /** Average days from creation to close of the lost deals; null with none. */
    public BigDecimal averageLostCycleDays() {
        return lost == 0
                ? null
                : BigDecimal.valueOf(cycleDays - wonCycleDays)
                        .divide(BigDecimal.valueOf(lost), 1, RoundingMode.HALF_EVEN);
    }

    /** Average discount of the won deals, in percent; null with none. */
    public BigDecimal averageDiscount() {
        return won == 0
                ? null
                : discountPercentOfWon.divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_EVEN);
    }

    /** Revenue won per activity recorded; null without activities. */
    public BigDecimal revenuePerActivity() {
        return activities == 0
                ? null
                : wonAmount.divide(BigDecimal.valueOf(activities), 0, RoundingMode.HALF_EVEN);
    }

    /** Revenue won per deal worked; null without deals. */
    public BigDecimal revenuePerDeal() {
        return deals == 0
                ? null
                : wonAmount.divide(BigDecimal.valueOf(deals), 0, RoundingMode.HALF_EVEN);
    }

    /**
     * Share of deals with no finding (of minor severity or above is not known here: any finding).
     */
    public BigDecimal conformity() {
        return deals == 0 ? null : percent(deals - dealsWithFindings, deals);
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
    }

    /** Adds up deals one by one. */
    public static final class Builder {
        private long deals;
        private long closed;
        private long won;
        private long lost;
        private BigDecimal wonAmount = BigDecimal.ZERO;
        private long activities;
        private long cycleDays;
        private long wonCycleDays;
        private BigDecimal discountGiven = BigDecimal.ZERO;
        private BigDecimal discountPercentOfWon = BigDecimal.ZERO;
        private long dealsWithFindings;
        private long findings;

        public void add(AuditedDeal deal, int dealFindings, boolean flagged) {
            deals++;
            activities += deal.activities();
            findings += dealFindings;
            dealsWithFindings += flagged ? 1 : 0;
            if (deal.closedAt() != null) {
                closed++;
                cycleDays += deal.cycleDays();
            }
            if (deal.outcome() == Outcome.WON) {
                won++;
                wonCycleDays += deal.closedAt() == null ? 0 : deal.cycleDays();
                wonAmount = wonAmount.add(deal.amount() == null ? BigDecimal.ZERO : deal.amount());
                discountGiven = discountGiven.add(deal.discountAmount());
                discountPercentOfWon = discountPercentOfWon.add(deal.discountPercent());
            } else if (deal.outcome() == Outcome.LOST) {
                lost++;
            }
        }

        public Figures build() {
            return new Figures(
                    deals,
                    closed,
                    won,
                    lost,
                    wonAmount,
                    activities,
                    cycleDays,
                    wonCycleDays,
                    discountGiven,
                    discountPercentOfWon,
                    dealsWithFindings,
                    findings);
        }
    }
}
