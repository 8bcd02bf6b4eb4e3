package fr.vigie.server.security;

import java.util.UUID;

/** Someone who signs in. */
public record Account(UUID id, String username, String displayName, Role role, boolean enabled) {}
