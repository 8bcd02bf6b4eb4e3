package fr.vigie.deals.model;

import java.time.OffsetDateTime;

/** The deal entered {@code stage} at {@code at}, moved there by {@code by}. */
public record StageChange(String stage, OffsetDateTime at, String by) {}
