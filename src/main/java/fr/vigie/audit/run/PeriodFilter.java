package fr.vigie.audit.run;

import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.StageChange;
import fr.vigie.workspace.DealsInPeriod;
import fr.vigie.workspace.Period;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Tells the deals of the audited period from those outside it, by the days of the client's zone.
 */
public final class PeriodFilter {

    private final Period period;
    private final DealsInPeriod rule;
    private final ZoneId zone;

    public PeriodFilter(Period period, DealsInPeriod rule, ZoneId zone) {
        this.period = period;
        this.rule = rule;
        this.zone = zone;
    }

    public boolean contains(Deal deal) {
        LocalDate created = day(deal.createdAt());
        LocalDate closed = deal.isOpen() ? null : closingDay(deal);
        LocalDate first = created;
        LocalDate last = closed;
        for (StageChange change : deal.stages()) {
            LocalDate entered = day(change.at());
            first = earliest(first, entered);
            if (!deal.isOpen()) {
                last = last == null || (entered != null && entered.isAfter(last)) ? entered : last;
            }
        }
        return rule.contains(period, created, closed, first, last);
    }

    /** The day the deal closed: its close date, else the day it entered its last stage. */
    private LocalDate closingDay(Deal deal) {
        if (deal.closedAt() != null) {
            return day(deal.closedAt());
        }
        return deal.stages().isEmpty()
                ? null
                : day(deal.stages().get(deal.stages().size() - 1).at());
    }

    /** How the period is chosen, for a message: "2026-Q3 (open during)". */
    public String describe() {
        return period.label() + " (" + rule.code().replace('-', ' ') + ")";
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private LocalDate day(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toLocalDate();
    }
}
