package fr.vigie.audit.engine;

import fr.vigie.audit.facts.Param;
import fr.vigie.audit.facts.Violation;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.deals.model.Deal;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Judges one deal at a time: inserts the deal and its facts into the thread's rule session, fires
 * the rules in force for it, turns what the rules inserted into findings, and empties the session
 * again, so that nothing of one deal can reach another. One per thread.
 */
public final class DealAuditor {

  public static final int DEFAULT_MAX_FIRINGS = 10_000;

  private final RuleBase base;
  private final FindingFactory findings;
  private final int maxFirings;

  public DealAuditor(RuleBase base, FindingFactory findings, int maxFirings) {
    this.base = base;
    this.findings = findings;
    this.maxFirings = maxFirings;
  }

  private final Map<Violation, Rule> insertedBy = new LinkedHashMap<>();
  private KieSession session;

  public List<Finding> audit(PreparedDeal prepared, String source) {
    if (session == null) {
      session = base.kieBase().newKieSession();
      session.addEventListener(new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          if (event.getObject() instanceof Violation violation && event.getRule() != null) {
            insertedBy.put(violation, event.getRule());
          }
        }
      });
    }
    try {
      insertFacts(session, prepared);
      EffectiveRules rules = prepared.rules();
      AgendaFilter inForce = match -> rules.isEnabled(id(match.getRule()));
      int fired = session.fireAllRules(inForce, maxFirings + 1);
      if (fired > maxFirings) {
        throw new RuleLoopException("the rules fired more than " + maxFirings + " times on deal at " + source
            + ": a rule probably re-triggers itself (it modifies or inserts a fact its own conditions match)");
      }
      return toFindings(rules, source);
    } finally {
      clear();
    }
  }

  /** Empties the session for the next deal: nothing of this deal stays in it. */
  private void clear() {
    for (FactHandle handle : new ArrayList<FactHandle>(session.getFactHandles())) {
      session.delete(handle);
    }
    insertedBy.clear();
  }

  private static void insertFacts(KieSession session, PreparedDeal prepared) {
    Deal deal = prepared.deal();
    session.insert(deal);
    prepared.visits().forEach(session::insert);
    prepared.moves().forEach(session::insert);
    prepared.approvals().forEach(session::insert);
    deal.activities().forEach(session::insert);
    deal.decisions().forEach(session::insert);
    deal.documents().forEach(session::insert);
    deal.closeDateChanges().forEach(session::insert);
    for (Param param : prepared.rules().params()) {
      session.insert(param);
    }
  }

  private List<Finding> toFindings(EffectiveRules rules, String source) {
    Map<String, Finding> byId = new LinkedHashMap<>();
    for (Map.Entry<Violation, Rule> inserted : insertedBy.entrySet()) {
      Violation violation = inserted.getKey();
      RuleInfo info = base.rule(id(inserted.getValue())).orElseThrow();
      Finding finding = findings.create(info, rules.severity(info.id()), violation, source);
      byId.putIfAbsent(finding.id(), finding);
    }
    List<Finding> result = new ArrayList<>(byId.values());
    result.sort(Comparator.comparing(Finding::rule).thenComparing(Finding::id));
    return result;
  }

  private static String id(Rule rule) {
    Object id = rule.getMetaData().get("id");
    return id == null ? rule.getName() : id.toString();
  }
}
