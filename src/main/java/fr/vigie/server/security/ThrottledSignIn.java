package fr.vigie.server.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the {@link LoginThrottle}: a locked account or address is refused before
 * its password is checked.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    /** Refused because of too many failed attempts. */
    static final class TooManyAttempts extends LockedException {
        TooManyAttempts() {
            super("too many failed sign-ins");
        }
    }

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String username = request.getName();
        String address =
                request.getDetails() instanceof WebAuthenticationDetails web
                        ? web.getRemoteAddress()
                        : null;
        if (throttle.locked(username, address)) {
            throw new TooManyAttempts();
        }
        try {
            Authentication done = passwords.authenticate(request);
            throttle.succeeded(username);
            return done;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
