package fr.vigie.audit.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Fires one session's rules within a firing limit and a time limit, the one way deal, plan and
 * report rules are fired: it knows which rule's consequence is running, to name the rule when it
 * throws, passes the time limit (the watchdog halts the session between firings) or fires more than
 * the limit (the rule that fired most).
 */
final class Firing {

    private final KieSession session;
    private final Map<Rule, int[]> fired = new HashMap<>();

    /** The rule whose consequence is running. */
    private volatile Rule firing;

    /** The rule whose consequence was running when the time limit passed. */
    private volatile Rule late;

    /** Why a firing was stopped: the time limit or the firing limit, and the rule to blame. */
    static final class Stopped extends RuntimeException {
        private final transient Rule rule;
        private final boolean late;

        private Stopped(Rule rule, boolean late) {
            super(null, null, false, false);
            this.rule = rule;
            this.late = late;
        }

        /** The rule to blame, null when none can be named (a condition too slow). */
        Rule rule() {
            return rule;
        }

        /** Whether the time limit passed, rather than the firing limit. */
        boolean late() {
            return late;
        }
    }

    Firing(KieSession session) {
        this.session = session;
        session.addEventListener(
                new DefaultAgendaEventListener() {
                    @Override
                    public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        Rule rule = event.getMatch().getRule();
                        firing = rule;
                        fired.computeIfAbsent(rule, r -> new int[1])[0]++;
                    }

                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        firing = null;
                    }
                });
    }

    /**
     * Fires the rules {@code filter} lets through, at most {@code maxFirings} times and for {@code
     * timeLimitMillis}; past either, {@link Stopped}.
     */
    void fire(AgendaFilter filter, int maxFirings, long timeLimitMillis) {
        fired.clear();
        late = null;
        int count;
        try (RuleWatchdog.Guard guard =
                RuleWatchdog.guard(
                        () -> {
                            late = firing;
                            session.halt();
                        },
                        timeLimitMillis)) {
            count = session.fireAllRules(filter, maxFirings + 1);
            if (guard.expired()) {
                throw new Stopped(late, true);
            }
        }
        if (count > maxFirings) {
            throw new Stopped(
                    fired.entrySet().stream()
                            .max(Comparator.comparingInt(e -> e.getValue()[0]))
                            .map(Map.Entry::getKey)
                            .orElse(null),
                    false);
        }
    }

    /**
     * The rule to blame for {@code e}, thrown by {@link #fire}: the one {@link Stopped} names, the
     * one whose consequence threw, or the one whose consequence was running; null when it was a
     * condition.
     */
    Rule blamed(Throwable e) {
        if (e instanceof Stopped stopped) {
            return stopped.rule();
        }
        if (e instanceof org.kie.api.runtime.rule.ConsequenceException consequence
                && consequence.getMatch() != null) {
            return consequence.getMatch().getRule();
        }
        return firing;
    }

    /** What {@code e} says went wrong: the consequence's own exception when it threw. */
    static Throwable cause(Throwable e) {
        return e instanceof org.kie.api.runtime.rule.ConsequenceException && e.getCause() != null
                ? e.getCause()
                : e;
    }

    /**
     * What went wrong, in a few words: "took more than 5000 ms", "fired more than 10000 times",
     * "NullPointerException", "StackOverflowError (a recursion without end)".
     */
    static String reason(Throwable cause, int maxFirings, long timeLimitMillis) {
        if (cause instanceof Stopped stopped) {
            return stopped.late()
                    ? "took more than " + timeLimitMillis + " ms"
                    : "fired more than " + maxFirings + " times";
        }
        return cause.getClass().getSimpleName()
                + (cause instanceof StackOverflowError
                        ? " (a recursion without end)"
                        : cause instanceof OutOfMemoryError ? " (an allocation too large)" : "");
    }

    /**
     * The whole sentence for a rule that failed on {@code what} ("the deal at deals.jsonl:4", "the
     * strategy and tactics"): {@code which} names the rule; {@code named}: the failure is that
     * rule's own, else it could not run because of a condition or another rule.
     */
    static fr.vigie.common.RuleProblemException problem(
            String which,
            boolean named,
            Throwable cause,
            String what,
            int maxFirings,
            long timeLimitMillis) {
        String reason = reason(cause, maxFirings, timeLimitMillis);
        if (cause instanceof Stopped stopped) {
            String why =
                    stopped.late()
                            ? named
                                    ? "its consequence is too slow or loops"
                                    : "a condition is too slow (one that compares every fact with"
                                            + " every other one?)"
                            : (named ? "it" : "a rule")
                                    + " probably re-triggers itself (it modifies or inserts a fact"
                                    + " its own conditions match)";
            return new RuleLoopException(
                    (named ? which + " " : "the rules in force, " + which + " among them, ")
                            + reason
                            + " on "
                            + what
                            + ": "
                            + why);
        }
        return new RuleFailedException(
                (named ? which : "a condition of the rules in force (" + which + "?)")
                        + " failed on "
                        + what
                        + ": "
                        + reason
                        + "; the rule's author must fix it (a value it did not expect, such as a"
                        + " missing amount?)");
    }

    /** Forgets the rule that was running, once the failure is told. */
    void reset() {
        firing = null;
    }
}
