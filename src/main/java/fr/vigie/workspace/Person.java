package fr.vigie.workspace;

/** Someone at the client who appears in the deals: display name, role and team. */
public record Person(String id, String name, String role, String team) {}
