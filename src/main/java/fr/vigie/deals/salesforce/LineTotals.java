package fr.vigie.deals.salesforce;

import fr.vigie.common.Location;
import fr.vigie.common.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An OpportunityLineItem's TotalPrice checked against what Salesforce means by its other columns:
 * {@code TotalPrice = Quantity × UnitPrice × (1 − Discount/100)}, to the cent. An org that fills
 * UnitPrice or Discount otherwise (a unit price already discounted, a discount in money) gives
 * lines that do not add up: such a line is read at its TotalPrice, what the customer pays, and
 * named in a warning, rather than given a discount the export did not mean.
 */
final class LineTotals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private LineTotals() {}

    /**
     * Quantity × UnitPrice × (1 − Discount/100), or null when the quantity or the unit price is
     * missing.
     */
    static BigDecimal total(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
        if (quantity == null || unitPrice == null) {
            return null;
        }
        BigDecimal gross = quantity.multiply(unitPrice);
        BigDecimal percent = discount == null ? BigDecimal.ZERO : discount;
        return gross.subtract(gross.multiply(percent).divide(HUNDRED, 6, RoundingMode.HALF_EVEN))
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * Whether two totals are the same to the cent (Salesforce rounds TotalPrice to the currency's
     * decimals).
     */
    static boolean same(BigDecimal exported, BigDecimal computed) {
        return exported.subtract(computed).abs().compareTo(CENT) <= 0;
    }

    /** The unit price a line's total means: TotalPrice / Quantity. */
    static BigDecimal unitPrice(BigDecimal total, BigDecimal quantity) {
        return total.divide(quantity, 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static Problem differs(
            Location at,
            String lineId,
            BigDecimal total,
            BigDecimal computed,
            BigDecimal quantity) {
        return Problem.warning(
                at,
                "product line "
                        + (lineId == null ? "" : lineId + " ")
                        + "has TotalPrice "
                        + total.toPlainString()
                        + " where Quantity × UnitPrice × (1 − Discount/100) is "
                        + computed.toPlainString()
                        + ": the export does not mean UnitPrice and"
                        + " Discount as Salesforce does; the line is read at its TotalPrice ("
                        + unitPrice(total, quantity).toPlainString()
                        + " a unit, no line discount). Check how the org fills UnitPrice and"
                        + " Discount");
    }
}
