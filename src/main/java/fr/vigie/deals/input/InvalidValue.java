package fr.vigie.deals.input;

import fr.vigie.common.Message;

/**
 * A value, or a whole deal, that breaks the canonical format: the field at fault (as the reader
 * named it) and a message saying how to fix it. Each reader adds the location it knows.
 */
public final class InvalidValue extends RuntimeException {

    private final String field;
    private final transient Message reason;

    public InvalidValue(String field, Message reason) {
        super(reason.toString(), null, false, false);
        this.field = field;
        this.reason = reason;
    }

    /** A reason not yet in the message catalogue, shown as written in every language. */
    public InvalidValue(String field, String message) {
        this(field, Message.asWritten(message));
    }

    /**
     * The field or column at fault, as named in the message; the reader uses it to locate the
     * problem.
     */
    public String field() {
        return field;
    }

    /** Why, to be put in words in the run's language. */
    public Message reason() {
        return reason;
    }
}
