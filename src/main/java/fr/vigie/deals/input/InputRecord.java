package fr.vigie.deals.input;

import fr.vigie.common.Location;

/**
 * One record as read from the input, not yet interpreted. {@link #read()} may run on any thread, so
 * that the work of parsing is shared by the audit's workers.
 */
public interface InputRecord {

    Location location();

    RecordOutcome read();
}
