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
 * One per thread.
 */
public final class DealAuditor {

  public static final int DEFAULT_MAX_FIRINGS = 10_000;
  /** How long the rules may take on one deal before the run stops, in milliseconds ({@code -Dvigie.ruleTimeLimitMillis}). */
  public static final long TIME_LIMIT_MILLIS = Long.getLong("vigie.ruleTimeLimitMillis", 5_000);

  private final RuleBase base;
  private final FindingFactory findings;
  private final int maxFirings;
  private final List<Object> planFacts;
  private final long timeLimitMillis;
  private final Map<Violation, Rule> insertedBy = new LinkedHashMap<>();
  private final List<FactHandle> dealHandles = new ArrayList<>();
  private final Map<EffectiveRules, Held> sessions = new java.util.IdentityHashMap<>();
  private KieSession session;
  private EffectiveRules sessionRules;

  /** A session kept for one set of rules in force, and how many facts it holds between deals. */
  private record Held(KieSession session, long planFacts) {}

  /**
   * @param planFacts the strategy and tactics facts, the same for every deal: inserted once in the
   *     session and kept there, beside each deal's facts
   */
  public DealAuditor(RuleBase base, FindingFactory findings, int maxFirings, List<Object> planFacts) {
    this(base, findings, maxFirings, planFacts, TIME_LIMIT_MILLIS);
  }

  DealAuditor(RuleBase base, FindingFactory findings, int maxFirings, List<Object> planFacts, long timeLimitMillis) {
    this.base = base;
    this.findings = findings;
    this.maxFirings = maxFirings;
    this.planFacts = List.copyOf(planFacts);
    this.timeLimitMillis = timeLimitMillis;
  }

  public DealAuditor(RuleBase base, FindingFactory findings, int maxFirings) {
    this(base, findings, maxFirings, List.of());
  }

  public List<Finding> audit(PreparedDeal prepared, String source) {
    use(prepared.rules());
    try {
      insertFacts(prepared);
      EffectiveRules rules = prepared.rules();
      AgendaFilter inForce = match -> {
        RuleInfo rule = base.info(match.getRule());
        return rule != null && rule.scope() == RuleInfo.Scope.DEAL && rules.isEnabled(rule.id());
      };
      int fired;
      KieSession firing = session;
      try (RuleWatchdog.Guard guard = RuleWatchdog.guard(firing::halt, timeLimitMillis)) {
        fired = firing.fireAllRules(inForce, maxFirings + 1);
        if (guard.expired()) {
          throw new RuleLoopException("the rules took more than " + timeLimitMillis + " ms on deal at " + source
              + ": a rule is too slow (a condition that compares every fact with every other one?) or loops");
        }
      }
      if (fired > maxFirings) {
        throw new RuleLoopException("the rules fired more than " + maxFirings + " times on deal at " + source
            + ": a rule probably re-triggers itself (it modifies or inserts a fact its own conditions match)");
      }
      return toFindings(rules, source);
    } finally {
      clear();
    }
  }

  /**
   * Judges one deal like {@link #audit} and tells, for every deal rule, whether it was in force,
   * on which facts it fired, and which findings it gave.
   */
  public List<RuleTrace> explain(PreparedDeal prepared, String source) {
    Map<Rule, List<List<Object>>> matches = new LinkedHashMap<>();
    org.kie.api.event.rule.AgendaEventListener listener = new org.kie.api.event.rule.DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
        List<Object> facts = event.getMatch().getObjects().stream().filter(o -> !(o instanceof java.util.Collection<?>)).map(o -> (Object) o).toList();
        matches.computeIfAbsent(event.getMatch().getRule(), r -> new ArrayList<>()).add(facts);
      }
    };
    use(prepared.rules());
    KieSession tracing = session;
    tracing.addEventListener(listener);
    List<Finding> found;
    try {
      found = audit(prepared, source);
    } finally {
      tracing.removeEventListener(listener);
    }
    Map<String, List<List<Object>>> byId = new HashMap<>();
    matches.forEach((rule, facts) -> byId.put(base.info(rule).id(), facts));
    List<RuleTrace> traces = new ArrayList<>();
    for (RuleInfo rule : base.catalog()) {
      if (rule.scope() != RuleInfo.Scope.DEAL) {
        continue;
      }
      traces.add(new RuleTrace(rule, prepared.rules().isEnabled(rule.id()), byId.getOrDefault(rule.id(), List.of()),
          found.stream().filter(f -> f.rule().equals(rule.id())).toList()));
    }
    return traces;
  }

  /**
   * Takes the session of the deals judged by {@code rules} (one per process version in force): it
   * holds the plan's facts and those rules' parameters, inserted once.
   */
  private void use(EffectiveRules rules) {
    session = sessions.computeIfAbsent(rules, this::newSession).session();
    sessionRules = rules;
  }

  private Held newSession(EffectiveRules rules) {
    KieSession created = base.kieBase().newKieSession();
    created.addEventListener(new DefaultRuleRuntimeEventListener() {
      @Override
      public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
          dealHandles.add(event.getFactHandle());
          if (event.getObject() instanceof Violation violation) {
            insertedBy.put(violation, event.getRule());
          }
        }
      }
    });
    planFacts.forEach(created::insert);
    rules.params().stream().filter(p -> base.rule(p.rule()).map(r -> r.scope() == RuleInfo.Scope.DEAL).orElse(false)).forEach(created::insert);
    return new Held(created, created.getFactCount());
  }

  private void insertFacts(PreparedDeal prepared) {
    Deal deal = prepared.deal();
    insert(deal);
    prepared.visits().forEach(this::insert);
    prepared.moves().forEach(this::insert);
    prepared.approvals().forEach(this::insert);
    deal.activities().forEach(this::insert);
    deal.decisions().forEach(this::insert);
    deal.documents().forEach(this::insert);
    deal.closeDateChanges().forEach(this::insert);
    deal.lines().forEach(this::insert);
  }

  private void insert(Object fact) {
    dealHandles.add(session.insert(fact));
  }

  /**
   * Takes the deal's facts, and whatever the rules inserted, out of the session, keeping the plan's
   * facts; a session that does not come back to the plan alone (a rule deleted a fact of the plan)
   * is thrown away.
   */
  private void clear() {
    for (FactHandle handle : dealHandles) {
      if (session.getObject(handle) != null) {
        session.delete(handle);
      }
    }
    dealHandles.clear();
    insertedBy.clear();
    if (session.getFactCount() != sessions.get(sessionRules).planFacts()) {
      sessions.remove(sessionRules);
      session.dispose();
      session = null;
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
      Finding finding = findings.create(info, rules.severity(info.id()), inserted.getKey(), source);
      byId.merge(finding.id(), finding, (a, b) -> a.message().compareTo(b.message()) <= 0 ? a : b);
    }
    List<Finding> result = new ArrayList<>(byId.values());
    result.sort(Comparator.comparing(Finding::rule).thenComparing(Finding::id));
    return explained(result);
  }

  /**
   * Links each finding whose rule is {@code @explainedBy} another to that rule's finding on the deal
   * (the first by id when it has several): the cause is reported once, its consequences under it.
   */
  private List<Finding> explained(List<Finding> found) {
    Map<String, String> causeOfRule = new HashMap<>();
    for (Finding finding : found) {
      causeOfRule.putIfAbsent(finding.rule(), finding.id());
    }
    List<Finding> linked = new ArrayList<>(found.size());
    for (Finding finding : found) {
      String explaining = base.rule(finding.rule()).map(RuleInfo::explainedBy).orElse(null);
      String cause = explaining == null ? null : causeOfRule.get(explaining);
      linked.add(cause == null ? finding : finding.explainedBy(cause));
    }
    return linked;
  }
}
