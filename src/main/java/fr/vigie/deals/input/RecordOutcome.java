package fr.vigie.deals.input;

import fr.vigie.common.Location;
import fr.vigie.deals.model.Deal;

/** What reading one input record gave: a deal to audit, or a rejection. */
public sealed interface RecordOutcome {

    Location location();

    /** A deal read successfully; {@code events} counts the child rows it was made of, if any. */
    record Accepted(Deal deal, Location location, int events) implements RecordOutcome {}

    /** A record that could not be read as a deal; {@code events} counts its child rows, if any. */
    record Rejected(Rejection rejection, int events) implements RecordOutcome {
        @Override
        public Location location() {
            return rejection.location();
        }
    }
}
