package fr.vigie.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may show: who is signed in (their name and role, nothing else), and the upload
 * limit.
 */
@ControllerAdvice
class Signed {

    private final fr.vigie.server.uploads.UploadLimits limits;

    Signed(fr.vigie.server.uploads.UploadLimits limits) {
        this.limits = limits;
    }

    @ModelAttribute("uploadLimitMb")
    long uploadLimit() {
        return limits.maxUploadMegabytes();
    }

    /** The header's line. */
    record Me(String name, String role, boolean admin, boolean consultant) {}

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        if (authentication == null
                || !(authentication.getPrincipal()
                        instanceof fr.vigie.server.security.SignedIn user)) {
            return null;
        }
        return new Me(
                user.account().displayName(),
                user.role().name(),
                user.role() == fr.vigie.server.security.Role.ADMIN,
                user.role() == fr.vigie.server.security.Role.CONSULTANT);
    }
}
