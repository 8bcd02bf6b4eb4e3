package fr.vigie.audit.result;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Deals won out of deals closed, with the 95 % Wilson score interval of the rate: on 12 deals, 50 %
 * means anything from 25 % to 75 %, and the report says so.
 */
public record WinRate(long won, long closed) {

    private static final double Z = 1.959964;

    /** Won out of closed, in percent with one decimal; null with no closed deal. */
    public BigDecimal percent() {
        return closed == 0 ? null : Figures.percent(won, closed);
    }

    /** The lower bound of the 95 % Wilson interval, in percent; null with no closed deal. */
    public BigDecimal low() {
        return closed == 0 ? null : bound(-1);
    }

    /** The upper bound of the 95 % Wilson interval, in percent; null with no closed deal. */
    public BigDecimal high() {
        return closed == 0 ? null : bound(1);
    }

    private BigDecimal bound(int sign) {
        double n = closed;
        double p = won / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        double value = Math.max(0, Math.min(1, centre + sign * half));
        return BigDecimal.valueOf(value * 100).setScale(1, RoundingMode.HALF_EVEN);
    }

    /**
     * Whether this rate and {@code other} differ beyond chance at the 5 % level (two-proportion
     * z-test with the pooled rate); never with an empty side.
     */
    public boolean differsFrom(WinRate other) {
        if (closed == 0 || other.closed == 0) {
            return false;
        }
        double pooled = (double) (won + other.won) / (closed + other.closed);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / closed + 1.0 / other.closed));
        if (se == 0) {
            return false;
        }
        double z = ((double) won / closed - (double) other.won / other.closed) / se;
        return Math.abs(z) >= Z;
    }
}
