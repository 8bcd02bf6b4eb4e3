package fr.vigie.deals.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The expected close date was changed from {@code from} to {@code to}. */
public record CloseDateChange(OffsetDateTime at, LocalDate from, LocalDate to, String by) {

    public boolean isPushedBack() {
        return from != null && to != null && to.isAfter(from);
    }
}
