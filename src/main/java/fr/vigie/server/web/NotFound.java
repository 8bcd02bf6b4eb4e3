package fr.vigie.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What does not exist for the person asking: a page of a client they may not see is answered the
 * same as a page that does not exist, so that nobody learns what other clients have.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public final class NotFound extends RuntimeException {

    public NotFound() {
        super(null, null, false, false);
    }
}
