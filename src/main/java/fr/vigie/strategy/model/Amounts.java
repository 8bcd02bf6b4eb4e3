package fr.vigie.strategy.model;

import java.math.BigDecimal;
import java.util.Collection;

/** Sums for the rules, exact (BigDecimal), where DRL's own sum would go through doubles. */
public final class Amounts {

    private Amounts() {}

    /**
     * What the quotas add up to: the quotas of people when there are any, else those of teams (a
     * team's quota usually repeats its members', so the two are not added).
     */
    public static BigDecimal quotaTotal(Collection<?> quotas) {
        BigDecimal people = BigDecimal.ZERO;
        BigDecimal teams = BigDecimal.ZERO;
        boolean anyPerson = false;
        for (Object item : quotas) {
            TacticItem quota = (TacticItem) item;
            if (quota.value() == null) {
                continue;
            }
            if (quota.person() != null) {
                anyPerson = true;
                people = people.add(quota.value());
            } else {
                teams = teams.add(quota.value());
            }
        }
        return anyPerson ? people : teams;
    }

    /** {@code base × (percent − ceiling) / 100}: what was given beyond a percentage ceiling. */
    public static BigDecimal beyond(BigDecimal base, BigDecimal percent, BigDecimal ceiling) {
        return base.multiply(percent.subtract(ceiling))
                .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_EVEN);
    }
}
