package fr.vigie.server.uploads;

/**
 * An upload that cannot be taken, with the sentence that says why (no content of the file in it).
 */
public final class UploadRefused extends RuntimeException {

    public UploadRefused(String message) {
        super(message);
    }
}
