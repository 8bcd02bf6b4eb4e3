package fr.vigie.process.model;

import fr.vigie.common.Location;
import java.math.BigDecimal;
import java.util.List;

/**
 * A discount above {@code discountAbove} percent (and up to {@code discountUpTo}, when set), on a
 * deal of at least {@code amountAbove} when set, needs the approval of one of {@code roles}, given
 * before the deal enters stage {@code before}.
 */
public record ApprovalRule(
        String process,
        String version,
        BigDecimal discountAbove,
        BigDecimal discountUpTo,
        BigDecimal amountAbove,
        List<String> roles,
        String before,
        String beforeLabel,
        Location location) {

    public ApprovalRule {
        roles = List.copyOf(roles);
    }

    public boolean appliesTo(BigDecimal discount, BigDecimal amount) {
        if (discount == null || discount.compareTo(discountAbove) <= 0) {
            return false;
        }
        if (discountUpTo != null && discount.compareTo(discountUpTo) > 0) {
            return false;
        }
        return amountAbove == null || amount != null && amount.compareTo(amountAbove) > 0;
    }

    public boolean allows(String role) {
        return role != null && roles.contains(role);
    }

    public String rolesText() {
        return String.join(", ", roles);
    }
}
