package fr.vigie.server.clients;

import fr.vigie.server.store.Flags;
import org.springframework.stereotype.Component;

/**
 * Whether the server may run a workspace's own DRL rules. A client's rules are code written by
 * someone else: the server runs them only confined, in a process of their own. Until the engine can
 * confine them (issue 13), a workspace with its own rules is refused, unless the admin allows
 * unconfined rules on the admin page.
 */
@Component
public class RuleConfinement {

    /**
     * Whether the engine can run a workspace's rules confined; false until the confined engine
     * lands.
     */
    static final boolean AVAILABLE = false;

    private final Flags flags;

    RuleConfinement(Flags flags) {
        this.flags = flags;
    }

    public boolean confinedAvailable() {
        return AVAILABLE;
    }

    public boolean unconfinedAllowed() {
        return flags.on(Flags.UNCONFINED_RULES);
    }

    /** Whether a workspace that carries its own rules ({@code ownRules}) may be audited now. */
    public boolean mayAudit(boolean ownRules) {
        return !ownRules || AVAILABLE || unconfinedAllowed();
    }
}
