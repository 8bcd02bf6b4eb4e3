package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.common.Evidence;
import fr.vigie.process.model.RuleSetting;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that cannot judge the deals of a source, because it lacks evidence they need
 * ({@code @needs}): what they would find is not proven by the data, so it is no finding; the deal
 * is counted as not assessable for them. Rules turned off in vigie.yaml are not counted.
 */
record Unassessable(Set<String> rules) {

    static Unassessable of(RuleCatalog catalog, AuditScope scope, Set<Evidence> carried) {
        Set<String> rules = new TreeSet<>();
        for (RuleInfo rule : catalog.catalog()) {
            RuleSetting setting = scope.workspace().settings().ruleSettings().get(rule.id());
            boolean off = setting != null && Boolean.FALSE.equals(setting.enabled());
            if (rule.scope() == RuleInfo.Scope.DEAL && !off && !rule.missing(carried).isEmpty()) {
                rules.add(rule.id());
            }
        }
        return new Unassessable(Set.copyOf(rules));
    }

    /** The findings a rule that can judge the deal gave. */
    List<Finding> drop(List<Finding> findings) {
        if (rules.isEmpty()) {
            return findings;
        }
        return findings.stream().filter(f -> !rules.contains(f.rule())).toList();
    }
}
