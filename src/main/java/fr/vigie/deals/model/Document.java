package fr.vigie.deals.model;

import java.time.OffsetDateTime;

/** A document attached to the deal (quote, signed order...), by type. */
public record Document(String type, OffsetDateTime at, String name) {}
