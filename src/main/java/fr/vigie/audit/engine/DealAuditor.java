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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Judges one deal at a time in a fresh rule session: inserts the deal and its facts, fires the
 * rules in force for it, and turns what the rules inserted into findings. The session is disposed
 * after each deal, so nothing of one deal can reach another. One per thread.
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

  public List<Finding> audit(PreparedDeal prepared, String source) {
    Map<Violation, Rule> insertedBy = new IdentityHashMap<>();
    KieSession session = base.kieBase().newKieSession();
    try {
      session.addEventListener(new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          if (event.getObject() instanceof Violation violation && event.getRule() != null) {
            insertedBy.put(violation, event.getRule());
          }
        }
      });
      insertFacts(session, prepared);
      EffectiveRules rules = prepared.rules();
      AgendaFilter inForce = match -> rules.isEnabled(id(match.getRule()));
      int fired = session.fireAllRules(inForce, maxFirings + 1);
      if (fired > maxFirings) {
        throw new RuleLoopException("the rules fired more than " + maxFirings + " times on deal at " + source
            + ": a rule probably re-triggers itself (it modifies or inserts a fact its own conditions match)");
      }
      return toFindings(session, insertedBy, rules, source);
    } finally {
      session.dispose();
    }
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

  private List<Finding> toFindings(KieSession session, Map<Violation, Rule> insertedBy, EffectiveRules rules, String source) {
    Map<String, Finding> byId = new LinkedHashMap<>();
    for (Object object : session.getObjects(o -> o instanceof Violation)) {
      Violation violation = (Violation) object;
      Rule rule = insertedBy.get(violation);
      if (rule == null) {
        continue;
      }
      RuleInfo info = base.rule(id(rule)).orElseThrow();
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
