package fr.vigie.deals.input;

import fr.vigie.common.Location;
import fr.vigie.common.Message;

/**
 * An input record that is not audited, and why: where it is, which deal it was about (when that
 * could be read), and the reason, phrased so that the record can be fixed and put in words in the
 * run's language where it is shown.
 */
public record Rejection(Location location, String dealId, Message why) {

    /** A reason not yet in the message catalogue, shown as written in every language. */
    public Rejection(Location location, String dealId, String reason) {
        this(location, dealId, Message.asWritten(reason));
    }

    /** The reason in English, for logs and tests; {@link #why} in the run's language elsewhere. */
    public String reason() {
        return why.toString();
    }
}
