package fr.vigie.deals.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A decision recorded on the deal: what was decided ({@code type}, e.g. discount-approval), its
 * value (e.g. the approved discount, in percent), who took it, in which role, and when.
 */
public record Decision(
    String type, String value, String by, String role, OffsetDateTime at, String comment) {

  /** The value as a number, or null when it is not one. */
  public BigDecimal numericValue() {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
