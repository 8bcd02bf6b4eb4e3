package fr.vigie.deals.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A decision recorded on the deal: what was decided ({@code type}, e.g. discount-approval), its
 * value (e.g. the approved discount, in percent), who took it, in which role, and when.
 */
public record Decision(
    String type, String value, String by, String role, OffsetDateTime at, String comment) {

  /**
   * Whether this decision says the opposite of {@code other} on the same deal: the same kind of
   * decision with another value, or an approval against a refusal ("discount-approval" and
   * "discount-refusal").
   */
  public boolean opposes(Decision other) {
    if (type.equals(other.type)) {
      return value != null && other.value != null && !value.strip().equalsIgnoreCase(other.value.strip());
    }
    return subjectOf(type) != null && subjectOf(type).equals(subjectOf(other.type))
        && (type.endsWith("-approval") && other.type.endsWith("-refusal") || type.endsWith("-refusal") && other.type.endsWith("-approval"));
  }

  /** Whether it approves something ("...-approval"). */
  public boolean isApproval() {
    return type.endsWith("-approval");
  }

  private static String subjectOf(String type) {
    int dash = type.lastIndexOf('-');
    return dash <= 0 ? null : type.substring(0, dash);
  }

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
