package fr.vigie.deals.input;

/**
 * A value, or a whole deal, that breaks the canonical format: the field at fault (as the reader
 * named it) and a message saying how to fix it. Each reader adds the location it knows.
 */
public final class InvalidValue extends RuntimeException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /**
     * The field or column at fault, as named in the message; the reader uses it to locate the
     * problem.
     */
    public String field() {
        return field;
    }
}
