package fr.vigie.deals.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A product line: quantity, list price, the unit price agreed before the line discount, the line
 * discount in percent (0 when none), and the unit cost when the CRM knows it (null otherwise).
 */
public record LineItem(
        String product,
        BigDecimal quantity,
        BigDecimal listPrice,
        BigDecimal unitPrice,
        BigDecimal discount,
        BigDecimal unitCost) {

    public LineItem(
            String product,
            BigDecimal quantity,
            BigDecimal listPrice,
            BigDecimal unitPrice,
            BigDecimal discount) {
        this(product, quantity, listPrice, unitPrice, discount, null);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BigDecimal listTotal() {
        return listPrice.multiply(quantity);
    }

    /** The discount against the list price, in percent (0 when the list price is 0). */
    public BigDecimal effectiveDiscount() {
        BigDecimal list = listTotal();
        if (list.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.ONE
                .subtract(netTotal().divide(list, 8, RoundingMode.HALF_EVEN))
                .multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    public boolean hasCost() {
        return unitCost != null;
    }

    public BigDecimal costTotal() {
        return unitCost == null ? BigDecimal.ZERO : unitCost.multiply(quantity);
    }

    /**
     * Whether this line is of {@code productOrLine}: the same code, or a code that starts with it
     * and a dash ("LASER" covers "LASER-3000").
     */
    public boolean isOf(String productOrLine) {
        return product != null
                && (product.equals(productOrLine) || product.startsWith(productOrLine + "-"));
    }

    public BigDecimal netTotal() {
        BigDecimal gross = unitPrice.multiply(quantity);
        return gross.subtract(gross.multiply(discount).divide(HUNDRED, 6, RoundingMode.HALF_EVEN));
    }
}
