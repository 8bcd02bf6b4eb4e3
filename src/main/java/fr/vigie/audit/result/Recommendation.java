package fr.vigie.audit.result;

import fr.vigie.audit.model.Lever;

/**
 * Something to act on, drawn by a recommendation rule from the run's figures; {@code weight} orders
 * those of one severity.
 */
public record Recommendation(String rule, Lever lever, int weight, String message) {}
