package fr.vigie.deals.model;

/** The customer company a deal is with. */
public record Account(String id, String name, String segment, String industry, String region) {}
