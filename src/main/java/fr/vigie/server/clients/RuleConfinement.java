package fr.vigie.server.clients;

import fr.vigie.audit.engine.worker.Bubblewrap;
import fr.vigie.server.store.Flags;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Whether the server may run a workspace's own DRL rules. A client's rules are code written by
 * someone else: the server runs them only confined, in a worker process under bubblewrap. Where
 * bubblewrap does not work, a workspace with its own rules is refused, unless the admin allows
 * unconfined rules on the admin page (they then run in a worker process, not confined).
 */
@Component
public class RuleConfinement {

    private final Flags flags;
    private volatile Supplier<String> problem = Bubblewrap::problem;

    RuleConfinement(Flags flags) {
        this.flags = flags;
    }

    public boolean confinedAvailable() {
        return problem.get() == null;
    }

    /** Why rules cannot run confined here, in a sentence; null when they can. */
    public String problem() {
        return problem.get();
    }

    /**
     * Where the server runs a workspace's own rules: always in a worker process, confined by
     * bubblewrap when it works here, else (when {@link #mayAudit} let the audit go on because the
     * admin allows it) unconfined.
     */
    public String confine() {
        return confinedAvailable() ? "always" : "never";
    }

    /** The tests' way to see the server on a machine where bubblewrap does not work. */
    public void probeWith(Supplier<String> why) {
        this.problem = why;
    }

    public boolean unconfinedAllowed() {
        return flags.on(Flags.UNCONFINED_RULES);
    }

    /** Whether a workspace that carries its own rules ({@code ownRules}) may be audited now. */
    public boolean mayAudit(boolean ownRules) {
        return !ownRules || confinedAvailable() || unconfinedAllowed();
    }
}
