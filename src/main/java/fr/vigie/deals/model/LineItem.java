package fr.vigie.deals.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A product line: quantity, list price, the unit price agreed before the line discount, and the
 * line discount in percent (0 when none).
 */
public record LineItem(
    String product, BigDecimal quantity, BigDecimal listPrice, BigDecimal unitPrice, BigDecimal discount) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public BigDecimal listTotal() {
    return listPrice.multiply(quantity);
  }

  public BigDecimal netTotal() {
    BigDecimal gross = unitPrice.multiply(quantity);
    return gross.subtract(gross.multiply(discount).divide(HUNDRED, 6, RoundingMode.HALF_EVEN));
  }
}
