package fr.vigie.deals.model;

import java.time.OffsetDateTime;

/** Something a person did on the deal: a call, a meeting, a demo... */
public record Activity(String type, OffsetDateTime at, String by, String outcome) {}
