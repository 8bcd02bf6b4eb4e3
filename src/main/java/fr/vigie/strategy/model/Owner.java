package fr.vigie.strategy.model;

/**
 * Who wrote a plan: a person and the role they hold (the CEO for the strategy, the sales director
 * for the tactics).
 */
public record Owner(String person, String role, Plan plan) {

    /** Which of the two plans. */
    public enum Plan {
        STRATEGY,
        TACTICS
    }
}
