package fr.vigie.common;

/**
 * The output cannot be written (a full disk, a folder without permission): nothing of the run was
 * moved into place, the previous reports are as they were. Exit code 4.
 */
public class CannotWriteException extends RuntimeException {

    private final transient Location location;

    public CannotWriteException(Location location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    public Location location() {
        return location;
    }

    @Override
    public String toString() {
        return location + ": " + getMessage();
    }
}
