package fr.vigie.audit.facts;

import fr.vigie.process.model.ApprovalRule;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The deal's discount calls for an approval under {@code rule}; {@code deadline} is when the deal
 * first reached the rule's "before" stage, by entering it or by jumping over it ({@code skipped}):
 * null when it has not, or when the rule sets none.
 */
public record RequiredApproval(
        ApprovalRule rule, BigDecimal discount, OffsetDateTime deadline, boolean skipped) {

    public boolean hasDeadline() {
        return deadline != null;
    }
}
