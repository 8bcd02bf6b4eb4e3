package fr.vigie.audit.engine;

import fr.vigie.audit.facts.Violation;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.model.Deal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Judges one deal at a time: inserts the deal and its facts into the thread's rule session (where
 * the plan's facts stay), fires the deal rules in force for it, turns what the rules inserted into
 * findings, and takes the deal's facts out again, so that nothing of one deal can reach another.
 * One per thread; {@link #close} disposes its sessions (a closed auditor opens new ones if used
 * again).
 */
public final class DealAuditor implements AutoCloseable {

    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    /**
     * How long the rules may take on one deal before the run stops, in milliseconds ({@code
     * -Dvigie.ruleTimeLimitMillis}).
     */
    public static final long TIME_LIMIT_MILLIS = Long.getLong("vigie.ruleTimeLimitMillis", 5_000);

    private final RuleBase base;
    private final FindingFactory findings;
    private final int maxFirings;
    private final List<Object> planFacts;
    private final long timeLimitMillis;
    private final Map<Violation, Rule> insertedBy = new LinkedHashMap<>();
    private final Map<EffectiveRules, Held> sessions = new java.util.IdentityHashMap<>();

    /**
     * One session of one part of the rule base (the standard pack, or the workspace's own rules),
     * kept for one set of rules in force: how many facts it holds between deals, and the handles of
     * the deal's facts while a deal is judged.
     */
    private static final class Part {
        private final KieSession session;
        private final List<FactHandle> dealHandles = new ArrayList<>();
        private long planFacts;

        /** The rule whose consequence is running, to name it when it throws. */
        private volatile Rule firing;

        private Part(KieSession session) {
            this.session = session;
        }
    }

    /** The sessions kept for one set of rules in force, one per part of the rule base. */
    private record Held(List<Part> parts) {}

    /**
     * @param planFacts the strategy and tactics facts, the same for every deal: inserted once in
     *     the session and kept there, beside each deal's facts
     */
    public DealAuditor(
            RuleBase base, FindingFactory findings, int maxFirings, List<Object> planFacts) {
        this(base, findings, maxFirings, planFacts, TIME_LIMIT_MILLIS);
    }

    DealAuditor(
            RuleBase base,
            FindingFactory findings,
            int maxFirings,
            List<Object> planFacts,
            long timeLimitMillis) {
        this.base = base;
        this.findings = findings;
        this.maxFirings = maxFirings;
        this.planFacts = List.copyOf(planFacts);
        this.timeLimitMillis = timeLimitMillis;
    }

    public DealAuditor(RuleBase base, FindingFactory findings, int maxFirings) {
        this(base, findings, maxFirings, List.of());
    }

    /**
     * The deal's findings. The standard pack and the workspace's own rules each judge the deal in
     * their own session, over the same immutable facts: what one part's rules insert or remove, the
     * other never sees, so a workspace rule cannot silence a standard finding.
     */
    public List<Finding> audit(PreparedDeal prepared, String source) {
        EffectiveRules rules = prepared.rules();
        Held held = use(rules);
        try {
            AgendaFilter inForce =
                    match -> {
                        RuleInfo rule = base.info(match.getRule());
                        return rule != null
                                && rule.scope() == RuleInfo.Scope.DEAL
                                && rules.isEnabled(rule.id());
                    };
            for (Part part : held.parts()) {
                try {
                    insertFacts(part, prepared);
                    fire(part.session, inForce, source);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    if (e instanceof RuleLoopException loop) {
                        throw loop;
                    }
                    sessions.remove(rules);
                    held.parts().forEach(kept -> kept.session.dispose());
                    throw failed(part, e, source);
                } finally {
                    part.firing = null;
                }
            }
            return toFindings(rules, source);
        } finally {
            clear(rules, held);
        }
    }

    private void fire(KieSession firing, AgendaFilter inForce, String source) {
        int fired;
        try (RuleWatchdog.Guard guard = RuleWatchdog.guard(firing::halt, timeLimitMillis)) {
            fired = firing.fireAllRules(inForce, maxFirings + 1);
            if (guard.expired()) {
                throw new RuleLoopException(
                        "the rules took more than "
                                + timeLimitMillis
                                + " ms on deal at "
                                + source
                                + ": a rule is too slow (a condition that compares every fact with"
                                + " every other one?) or loops");
            }
        }
        if (fired > maxFirings) {
            throw new RuleLoopException(
                    "the rules fired more than "
                            + maxFirings
                            + " times on deal at "
                            + source
                            + ": a rule probably re-triggers itself (it modifies or inserts a fact"
                            + " its own conditions match)");
        }
    }

    /** Disposes every session this auditor holds. */
    @Override
    public void close() {
        sessions.values().forEach(held -> held.parts().forEach(part -> part.session.dispose()));
        sessions.clear();
    }

    /** How many sessions are open, for the tests of their lifecycle. */
    int openSessions() {
        return sessions.values().stream().mapToInt(held -> held.parts().size()).sum();
    }

    /**
     * Judges one deal like {@link #audit} and tells, for every deal rule, whether it was in force,
     * on which facts it fired, and which findings it gave.
     */
    public List<RuleTrace> explain(PreparedDeal prepared, String source) {
        Map<Rule, List<List<Object>>> matches = new LinkedHashMap<>();
        org.kie.api.event.rule.AgendaEventListener listener =
                new org.kie.api.event.rule.DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                        List<Object> facts =
                                event.getMatch().getObjects().stream()
                                        .filter(o -> !(o instanceof java.util.Collection<?>))
                                        .map(o -> (Object) o)
                                        .toList();
                        matches.computeIfAbsent(event.getMatch().getRule(), r -> new ArrayList<>())
                                .add(facts);
                    }
                };
        List<KieSession> tracing =
                use(prepared.rules()).parts().stream().map(part -> part.session).toList();
        tracing.forEach(session -> session.addEventListener(listener));
        List<Finding> found;
        try {
            found = audit(prepared, source);
        } finally {
            tracing.forEach(session -> session.removeEventListener(listener));
        }
        Map<String, List<List<Object>>> byId = new HashMap<>();
        matches.forEach((rule, facts) -> byId.put(base.info(rule).id(), facts));
        List<RuleTrace> traces = new ArrayList<>();
        for (RuleInfo rule : base.catalog()) {
            if (rule.scope() != RuleInfo.Scope.DEAL) {
                continue;
            }
            traces.add(
                    new RuleTrace(
                            rule,
                            prepared.rules().isEnabled(rule.id()),
                            byId.getOrDefault(rule.id(), List.of()),
                            found.stream().filter(f -> f.rule().equals(rule.id())).toList()));
        }
        return traces;
    }

    /**
     * The sessions of the deals judged by {@code rules} (one set per process version in force):
     * they hold the plan's facts and those rules' parameters, inserted once.
     */
    private Held use(EffectiveRules rules) {
        return sessions.computeIfAbsent(rules, this::newSessions);
    }

    private Held newSessions(EffectiveRules rules) {
        List<Part> parts = new ArrayList<>();
        for (org.kie.api.KieBase kieBase : base.parts()) {
            Part part = new Part(kieBase.newKieSession());
            part.session.addEventListener(
                    new DefaultRuleRuntimeEventListener() {
                        @Override
                        public void objectInserted(ObjectInsertedEvent event) {
                            if (event.getRule() != null) {
                                part.dealHandles.add(event.getFactHandle());
                                if (event.getObject() instanceof Violation violation) {
                                    insertedBy.put(violation, event.getRule());
                                }
                            }
                        }
                    });
            part.session.addEventListener(
                    new org.kie.api.event.rule.DefaultAgendaEventListener() {
                        @Override
                        public void beforeMatchFired(
                                org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                            part.firing = event.getMatch().getRule();
                        }
                    });
            planFacts.forEach(part.session::insert);
            rules.params().stream()
                    .filter(
                            p ->
                                    base.rule(p.rule())
                                            .map(r -> r.scope() == RuleInfo.Scope.DEAL)
                                            .orElse(false))
                    .forEach(part.session::insert);
            part.planFacts = part.session.getFactCount();
            parts.add(part);
        }
        return new Held(parts);
    }

    /**
     * What a rule that threw is told: which rule (from the error, else the one firing), on which
     * deal, and what it threw; the sessions it ran in are thrown away.
     */
    private RuleFailedException failed(Part part, Throwable e, String source) {
        Rule rule =
                e instanceof org.kie.api.runtime.rule.ConsequenceException consequence
                                && consequence.getMatch() != null
                        ? consequence.getMatch().getRule()
                        : part.firing;
        Throwable cause =
                e instanceof org.kie.api.runtime.rule.ConsequenceException && e.getCause() != null
                        ? e.getCause()
                        : e;
        RuleInfo info = rule == null ? null : base.info(rule);
        String which =
                info != null
                        ? "rule " + info.id() + " (" + info.location() + ")"
                        : rule != null ? "rule '" + rule.getName() + "'" : "a rule's condition";
        return new RuleFailedException(
                which
                        + " failed on the deal at "
                        + source
                        + ": "
                        + cause.getClass().getSimpleName()
                        + (cause instanceof StackOverflowError
                                ? " (a recursion without end)"
                                : cause instanceof OutOfMemoryError
                                        ? " (an allocation too large)"
                                        : "")
                        + "; the rule's author must fix it (a value it did not expect, such as a"
                        + " missing amount?)");
    }

    private static void insertFacts(Part part, PreparedDeal prepared) {
        Deal deal = prepared.deal();
        List<Object> facts = new ArrayList<>();
        facts.add(deal);
        facts.addAll(prepared.visits());
        facts.addAll(prepared.moves());
        facts.addAll(prepared.approvals());
        facts.addAll(deal.activities());
        facts.addAll(deal.decisions());
        facts.addAll(deal.documents());
        facts.addAll(deal.closeDateChanges());
        facts.addAll(deal.lines());
        for (Object fact : facts) {
            part.dealHandles.add(part.session.insert(fact));
        }
    }

    /**
     * Takes the deal's facts, and whatever the rules inserted, out of the sessions, keeping the
     * plan's facts; sessions that do not come back to the plan alone (a rule deleted a fact of the
     * plan) are thrown away.
     */
    private void clear(EffectiveRules rules, Held held) {
        if (sessions.get(rules) != held) {
            insertedBy.clear();
            return;
        }
        boolean clean = true;
        for (Part part : held.parts()) {
            for (FactHandle handle : part.dealHandles) {
                if (part.session.getObject(handle) != null) {
                    part.session.delete(handle);
                }
            }
            part.dealHandles.clear();
            clean &= part.session.getFactCount() == part.planFacts;
        }
        insertedBy.clear();
        if (!clean) {
            sessions.remove(rules);
            held.parts().forEach(part -> part.session.dispose());
        }
    }

    /**
     * One finding per id: when a rule fires twice for the same deviation (a deal that left the same
     * stage twice without the same document), the message that sorts first is kept, so that the
     * result never depends on the order the rules fired in.
     */
    private List<Finding> toFindings(EffectiveRules rules, String source) {
        Map<String, Finding> byId = new HashMap<>();
        for (Map.Entry<Violation, Rule> inserted : insertedBy.entrySet()) {
            RuleInfo info = base.info(inserted.getValue());
            Finding finding =
                    findings.create(info, rules.severity(info.id()), inserted.getKey(), source);
            byId.merge(
                    finding.id(),
                    finding,
                    (a, b) -> a.message().compareTo(b.message()) <= 0 ? a : b);
        }
        List<Finding> result = new ArrayList<>(byId.values());
        result.sort(Comparator.comparing(Finding::rule).thenComparing(Finding::id));
        return explained(result);
    }

    /**
     * Links each finding whose rule is {@code @explainedBy} another to that rule's finding on the
     * deal: the one at the same stage (a skipped stage explains what that stage required), else one
     * about the deal as a whole (a close date before the creation explains every stage entered
     * after it), the first by id when there are several. The cause is reported once, its
     * consequences under it; a finding that no such cause explains stands on its own.
     */
    private List<Finding> explained(List<Finding> found) {
        Map<String, String> causes = new HashMap<>();
        for (Finding finding : found) {
            causes.putIfAbsent(causeKey(finding.rule(), finding.stage()), finding.id());
        }
        List<Finding> linked = new ArrayList<>(found.size());
        for (Finding finding : found) {
            String explaining = base.rule(finding.rule()).map(RuleInfo::explainedBy).orElse(null);
            String cause =
                    explaining == null
                            ? null
                            : causes.getOrDefault(
                                    causeKey(explaining, finding.stage()),
                                    causes.get(causeKey(explaining, null)));
            linked.add(cause == null ? finding : finding.explainedBy(cause));
        }
        return linked;
    }

    private static String causeKey(String rule, String stage) {
        return stage == null ? rule : rule + "\u0000" + stage;
    }
}
