package fr.vigie.audit.result;

import fr.vigie.audit.model.Lever;

/**
 * Something to act on, drawn by a recommendation rule from the run's figures: {@code atStake} is
 * the money at stake in the deals it is about (each deal's heaviest cause, as for the deals worth a
 * look; zero when the rule gives none), {@code weight} orders those of one severity and amount.
 */
public record Recommendation(
        String rule, Lever lever, java.math.BigDecimal atStake, int weight, String message) {}
