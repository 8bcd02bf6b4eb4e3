package fr.vigie.audit.waivers;

import fr.vigie.audit.model.Finding;
import fr.vigie.common.Location;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A finding the client accepts, for a reason, until a date: by its id, or by rule and deal (and
 * stage). Waived findings leave the conformity rate but stay visible in their own section.
 */
public record Waiver(
        String finding,
        String rule,
        String deal,
        String stage,
        String justification,
        String acceptedBy,
        LocalDate until,
        Location location) {

    public boolean matches(Finding candidate) {
        if (finding != null) {
            return finding.equals(candidate.id());
        }
        return rule.equals(candidate.rule())
                && Objects.equals(deal, candidate.deal())
                && (stage == null || stage.equals(candidate.stage()));
    }

    /** Whether it still holds at the end of the period audited. */
    public boolean isActiveOn(LocalDate day) {
        return !until.isBefore(day);
    }

    public String describe() {
        return finding != null
                ? finding
                : rule
                        + (deal == null ? "" : " on " + deal)
                        + (stage == null ? "" : " at " + stage);
    }
}
