package fr.vigie.strategy.model;

import fr.vigie.common.Location;

/**
 * Something the CEO's strategy or the director's tactics say, with the place it is written and who
 * owns it, so that a contradiction can quote both sides.
 */
public interface Declared {

    Location location();

    /** Whose word it is: the strategy's owner or the tactics' owner. */
    Owner owner();

    /**
     * A few words saying what it is, for lists ("excluded segment TPE", "campaign Rentrée TPE").
     */
    String describe();
}
