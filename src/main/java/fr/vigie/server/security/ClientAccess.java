package fr.vigie.server.security;

import fr.vigie.server.web.NotFound;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may open a client's pages: the consultants who serve it, its CEO and its sales director.
 * Anyone else gets "not found", exactly as for a client that does not exist.
 */
@Component
public class ClientAccess {

    private final Accounts accounts;

    ClientAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code client} if {@code who} may see it; {@link NotFound} otherwise. */
    public UUID open(SignedIn who, UUID client) {
        if (who == null || client == null || !accounts.mayAccess(who.id(), client)) {
            throw new NotFound();
        }
        return client;
    }

    /** The same, for pages only a consultant of the client may use (uploads, audits). */
    public UUID serve(SignedIn who, UUID client) {
        open(who, client);
        if (who.role() != Role.CONSULTANT) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "only the client's consultant may do this");
        }
        return client;
    }
}
