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

    /**
     * How many rules may fail on one part of the rule base for one deal before the rest of that
     * part's rules in force are not run on it either: each failure costs a fresh session and
     * another firing, up to the time limit.
     */
    public static final int MAX_FAILURES_PER_DEAL = 3;

    /**
     * How long a worker process may take to start and compile the rules, in milliseconds ({@code
     * -Dvigie.ruleWorkerStartMillis}).
     */
    public static final long WORKER_START_MILLIS =
            Long.getLong("vigie.ruleWorkerStartMillis", 120_000);

    /**
     * How long a worker process may take on one deal: the time limit for each of the attempts it
     * makes on its own, and two seconds.
     */
    public static final long WORKER_REPLY_MILLIS =
            MAX_FAILURES_PER_DEAL * TIME_LIMIT_MILLIS + 2_000;

    /**
     * The longest the rules may take on one deal: each of the two rule bases fired at most {@value
     * #MAX_FAILURES_PER_DEAL} times, each within the time limit, in this process; or, with the
     * workspace's rules in a worker process, the worker started and waited for as many times.
     */
    public static final long LONGEST_MILLIS =
            MAX_FAILURES_PER_DEAL * TIME_LIMIT_MILLIS
                    + MAX_FAILURES_PER_DEAL * (WORKER_START_MILLIS + WORKER_REPLY_MILLIS);

    private final RuleBase base;
    private final FindingFactory findings;
    private final int maxFirings;
    private final List<Object> planFacts;
    private final long timeLimitMillis;
    private final RuleBase.Parts inProcess;
    private final WorkspaceWorker worker;
    private final org.kie.api.event.rule.AgendaEventListener announcer;

    /** The workspace's deal rules, judged by the worker: found on the first deal. */
    private List<RuleInfo> workspaceRules;

    private final Map<EffectiveRules, Held> sessions = new java.util.IdentityHashMap<>();
    private final Map<org.kie.api.KieBase, List<RuleInfo>> dealRules =
            new java.util.IdentityHashMap<>();

    /**
     * One session of one part of the rule base (the standard pack, or the workspace's own rules),
     * kept for one set of rules in force: how many facts it holds between deals, the handles of the
     * deal's facts while a deal is judged, and what its rules inserted.
     */
    private static final class Part {
        private final org.kie.api.KieBase kieBase;
        private final KieSession session;
        private final List<FactHandle> dealHandles = new ArrayList<>();
        private final Map<Violation, Rule> inserted = new LinkedHashMap<>();
        private final Firing firing;
        private long planFacts;

        private Part(org.kie.api.KieBase kieBase, KieSession session) {
            this.kieBase = kieBase;
            this.session = session;
            this.firing = new Firing(session);
        }
    }

    /**
     * The sessions kept for one set of rules in force, one per part of the rule base; a part whose
     * rule failed is replaced by a fresh one.
     */
    private record Held(List<Part> parts) {}

    /**
     * What judging a deal gave: the findings of the rules that could judge it, and the rules that
     * failed on it (the deal is not assessable for them).
     */
    public record Judgement(List<Finding> findings, List<RuleFailure> failures) {
        public Judgement {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
        }
    }

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
        this(
                base,
                findings,
                maxFirings,
                planFacts,
                timeLimitMillis,
                RuleBase.Parts.ALL,
                null,
                null);
    }

    /**
     * @param inProcess the parts of the rule base judged in this process
     * @param worker judges with the workspace's rules elsewhere (with {@code inProcess} STANDARD),
     *     or null
     * @param announcer listens to every session's firings (a worker tells its parent which rule
     *     runs), or null
     */
    public DealAuditor(
            RuleBase base,
            FindingFactory findings,
            int maxFirings,
            List<Object> planFacts,
            long timeLimitMillis,
            RuleBase.Parts inProcess,
            WorkspaceWorker worker,
            org.kie.api.event.rule.AgendaEventListener announcer) {
        this.base = base;
        this.findings = findings;
        this.maxFirings = maxFirings;
        this.planFacts = List.copyOf(planFacts);
        this.timeLimitMillis = timeLimitMillis;
        this.inProcess = inProcess;
        this.worker = worker;
        this.announcer = announcer;
    }

    public DealAuditor(RuleBase base, FindingFactory findings, int maxFirings) {
        this(base, findings, maxFirings, List.of());
    }

    /**
     * The deal's findings; a rule that fails on it stops the judging ({@link RuleFailedException},
     * or {@link RuleLoopException} when it passes the time or firing limit), for the callers that
     * judge one deal on purpose (rule tests, explain). The batch audit uses {@link #judge}.
     */
    public List<Finding> audit(PreparedDeal prepared, String source) {
        Judgement judged = judge(prepared, source);
        if (!judged.failures().isEmpty()) {
            throw judged.failures().get(0).problem();
        }
        return judged.findings();
    }

    /**
     * Judges the deal. The standard pack and the workspace's own rules each judge the deal in their
     * own session, over the same immutable facts: what one part's rules insert or remove, the other
     * never sees, so a workspace rule cannot silence a standard finding. A rule that throws, passes
     * the time limit or fires more than the firing limit on the deal is taken out for this deal,
     * its session replaced by a fresh one, and its part fired again without it: the deal is not
     * assessable for that rule, the other rules judge it (after {@value #MAX_FAILURES_PER_DEAL}
     * such rules in one part, the rest of that part is not run on the deal either).
     */
    public Judgement judge(PreparedDeal prepared, String source) {
        return judge(prepared, source, java.util.Set.of());
    }

    /**
     * The same, without running the rules named in {@code skip} (they failed on the deal in a
     * worker process that was replaced): they give no finding and no failure here.
     */
    public Judgement judge(PreparedDeal prepared, String source, java.util.Set<String> skip) {
        EffectiveRules rules = prepared.rules();
        Held held = use(rules);
        java.util.Set<String> failed = new java.util.HashSet<>(skip);
        List<RuleFailure> failures = new ArrayList<>();
        AgendaFilter inForce =
                match -> {
                    RuleInfo rule = base.info(match.getRule());
                    return rule != null
                            && rule.scope() == RuleInfo.Scope.DEAL
                            && rules.isEnabled(rule.id())
                            && !failed.contains(rule.id());
                };
        try {
            for (int i = 0; i < held.parts().size(); i++) {
                for (int attempt = 1; ; attempt++) {
                    Part part = held.parts().get(i);
                    try {
                        insertFacts(part, prepared);
                        part.firing.fire(inForce, maxFirings, timeLimitMillis);
                        break;
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        List<RuleFailure> now =
                                failures(
                                        part,
                                        e,
                                        rules,
                                        failed,
                                        source,
                                        attempt >= MAX_FAILURES_PER_DEAL);
                        now.forEach(failure -> failed.add(failure.rule()));
                        failures.addAll(now);
                        part.session.dispose();
                        held.parts().set(i, newPart(part.kieBase, rules));
                        if (now.isEmpty() || attempt >= MAX_FAILURES_PER_DEAL) {
                            break;
                        }
                    } finally {
                        part.firing.reset();
                    }
                }
            }
            List<Finding> created = created(held, rules, source, failed);
            created.addAll(inWorker(prepared, source, failed, failures));
            return new Judgement(linked(created), failures);
        } finally {
            clear(rules, held);
        }
    }

    /**
     * The findings of the workspace's rules judged in the worker process. When the worker passes
     * the deadline or dies, it is replaced and the deal sent again without the rule that was
     * running, which is not assessable on the deal; when no rule can be named, or after {@value
     * #MAX_FAILURES_PER_DEAL} attempts, every workspace rule in force that has not failed yet is
     * not assessable on the deal either.
     */
    private List<Finding> inWorker(
            PreparedDeal prepared,
            String source,
            java.util.Set<String> failed,
            List<RuleFailure> failures) {
        if (worker == null) {
            return List.of();
        }
        if (workspaceRules == null) {
            workspaceRules =
                    base.parts(RuleBase.Parts.WORKSPACE).stream()
                            .flatMap(part -> rulesOf(part).stream())
                            .toList();
        }
        List<RuleInfo> inForce =
                workspaceRules.stream()
                        .filter(rule -> prepared.rules().isEnabled(rule.id()))
                        .toList();
        if (inForce.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            WorkspaceWorker.Reply reply =
                    worker.judge(prepared.deal(), source, java.util.Set.copyOf(failed));
            if (reply instanceof WorkspaceWorker.Judged judged) {
                judged.failures().forEach(failure -> failed.add(failure.rule()));
                failures.addAll(judged.failures());
                return new ArrayList<>(judged.findings());
            }
            WorkspaceWorker.Died died = (WorkspaceWorker.Died) reply;
            RuleInfo named =
                    died.rule() == null
                            ? null
                            : inForce.stream()
                                    .filter(r -> r.id().equals(died.rule()))
                                    .findFirst()
                                    .orElse(null);
            boolean last = attempt >= MAX_FAILURES_PER_DEAL;
            if (named != null && !failed.contains(named.id())) {
                failed.add(named.id());
                failures.add(died(named, true, died, source));
                if (!last) {
                    continue;
                }
            }
            for (RuleInfo other : inForce) {
                if (failed.add(other.id())) {
                    failures.add(died(other, false, died, source));
                }
            }
            return List.of();
        }
    }

    /** A workspace rule that could not judge the deal because the worker died or was late. */
    private RuleFailure died(
            RuleInfo rule, boolean named, WorkspaceWorker.Died died, String source) {
        String which = "rule " + rule.id() + " (" + rule.location() + ")";
        String what =
                (named ? which : "a workspace rule (" + which + " among those in force)")
                        + " "
                        + died.reason()
                        + " on the deal at "
                        + source
                        + "; the worker process that ran the workspace's rules was stopped and"
                        + " replaced";
        return new RuleFailure(
                rule.id(),
                rule.location().toString(),
                named ? died.reason() : "not run: a workspace rule " + died.reason(),
                died.late()
                        ? new RuleLoopException(what + ": its consequence is too slow or loops")
                        : new RuleFailedException(what));
    }

    /** Disposes every session this auditor holds, and stops its worker process. */
    @Override
    public void close() {
        sessions.values().forEach(held -> held.parts().forEach(part -> part.session.dispose()));
        sessions.clear();
        if (worker != null) {
            worker.close();
        }
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
        for (org.kie.api.KieBase kieBase : base.parts(inProcess)) {
            parts.add(newPart(kieBase, rules));
        }
        return new Held(parts);
    }

    /** A session of {@code kieBase} holding the plan's facts and the rules' parameters. */
    private Part newPart(org.kie.api.KieBase kieBase, EffectiveRules rules) {
        Part part = new Part(kieBase, kieBase.newKieSession());
        if (announcer != null) {
            part.session.addEventListener(announcer);
        }
        part.session.addEventListener(
                new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent event) {
                        if (event.getRule() != null) {
                            part.dealHandles.add(event.getFactHandle());
                            if (event.getObject() instanceof Violation violation) {
                                part.inserted.put(violation, event.getRule());
                            }
                        }
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
        return part;
    }

    /**
     * The rules to blame for {@code e} on the deal at {@code source}: the rule whose consequence
     * threw or was running when the limit passed, or the one that fired most past the firing limit;
     * when no rule can be named (a condition failed, or was too slow), or on the last attempt,
     * every rule of the part in force that has not failed yet.
     */
    private List<RuleFailure> failures(
            Part part,
            Throwable e,
            EffectiveRules rules,
            java.util.Set<String> failed,
            String source,
            boolean last) {
        Rule rule = part.firing.blamed(e);
        Throwable cause = Firing.cause(e);
        RuleInfo info = rule == null ? null : base.info(rule);
        List<RuleInfo> blamed = new ArrayList<>();
        if (info != null && !failed.contains(info.id())) {
            blamed.add(info);
        }
        if (blamed.isEmpty() || last) {
            for (RuleInfo other : rulesOf(part.kieBase)) {
                if (rules.isEnabled(other.id())
                        && !failed.contains(other.id())
                        && !blamed.contains(other)) {
                    blamed.add(other);
                }
            }
        }
        List<RuleFailure> result = new ArrayList<>();
        for (RuleInfo one : blamed) {
            boolean named = one == info;
            result.add(failure(one, named, cause, source));
        }
        return result;
    }

    /**
     * One rule's failure on the deal at {@code source}; {@code named}: the failure is this rule's
     * own, else the rule could not run because of another rule's or condition's.
     */
    private RuleFailure failure(RuleInfo rule, boolean named, Throwable cause, String source) {
        String reason = Firing.reason(cause, maxFirings, timeLimitMillis);
        return new RuleFailure(
                rule.id(),
                rule.location().toString(),
                named
                        ? reason
                        : (cause instanceof Firing.Stopped
                                        ? "not run: the rules "
                                        : "not run: a condition failed, ")
                                + reason,
                Firing.problem(
                        "rule " + rule.id() + " (" + rule.location() + ")",
                        named,
                        cause,
                        "the deal at " + source,
                        maxFirings,
                        timeLimitMillis));
    }

    /** The deal rules of one part of the rule base. */
    private List<RuleInfo> rulesOf(org.kie.api.KieBase kieBase) {
        return dealRules.computeIfAbsent(
                kieBase,
                k ->
                        k.getKiePackages().stream()
                                .flatMap(p -> p.getRules().stream())
                                .map(base::info)
                                .filter(r -> r != null && r.scope() == RuleInfo.Scope.DEAL)
                                .sorted(Comparator.comparing(RuleInfo::id))
                                .toList());
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
            part.inserted.clear();
            clean &= part.session.getFactCount() == part.planFacts;
        }
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
    private List<Finding> created(
            Held held, EffectiveRules rules, String source, java.util.Set<String> failed) {
        List<Finding> created = new ArrayList<>();
        for (Map.Entry<Violation, Rule> inserted :
                held.parts().stream().flatMap(p -> p.inserted.entrySet().stream()).toList()) {
            RuleInfo info = base.info(inserted.getValue());
            if (failed.contains(info.id())) {
                continue;
            }
            created.add(
                    findings.create(info, rules.severity(info.id()), inserted.getKey(), source));
        }
        return created;
    }

    /**
     * One finding per id, sorted, each linked to its cause; a worker's findings are not linked (the
     * standard findings they may be explained by are here).
     */
    private List<Finding> linked(List<Finding> created) {
        Map<String, Finding> byId = new HashMap<>();
        for (Finding finding : created) {
            byId.merge(
                    finding.id(),
                    finding,
                    (a, b) -> a.message().compareTo(b.message()) <= 0 ? a : b);
        }
        List<Finding> result = new ArrayList<>(byId.values());
        result.sort(Comparator.comparing(Finding::rule).thenComparing(Finding::id));
        return inProcess == RuleBase.Parts.WORKSPACE ? result : explained(result);
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
