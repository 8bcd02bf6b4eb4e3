package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.Coverage;
import fr.vigie.common.Evidence;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.model.PartialEvidence;
import fr.vigie.process.model.RuleSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the rules cannot judge, because the data lacks evidence they need ({@code @needs}): what
 * they would find is not proven by the data, so it is no finding; the deal is counted as not
 * assessable for them. Three levels: the source lacks the evidence ({@link #rules}: they judge none
 * of its deals); one deal has it only in part ({@link PartialEvidence}: HubSpot's history cut at 20
 * changes); a finding is about a deal field that no column of the source fills ({@code evidence:
 * field}). Rules turned off in vigie.yaml are not counted.
 *
 * @param rules the rules that judge none of the source's deals
 * @param needs the other rules of the deals, with what they need
 * @param fields the deal fields the source fills; null when it fills any (Vigie's own formats)
 */
public record Unassessable(
        Set<String> rules, Map<String, Set<Evidence>> needs, DealInput.Fields fields) {

    /** The evidence key of a finding about a deal field ({@code fields.<name>}). */
    static final String FIELD = "field";

    static Unassessable of(RuleCatalog catalog, AuditScope scope, DealInput input) {
        return of(catalog.catalog(), scope.workspace().settings().ruleSettings(), input);
    }

    /**
     * What the rules of {@code catalog}, set as {@code settings} says, cannot judge of {@code
     * input}.
     */
    public static Unassessable of(
            java.util.Collection<RuleInfo> catalog,
            Map<String, RuleSetting> settings,
            DealInput input) {
        Set<Evidence> carried = input.carries();
        Set<String> rules = new TreeSet<>();
        Map<String, Set<Evidence>> needs = new TreeMap<>();
        for (RuleInfo rule : catalog) {
            RuleSetting setting = settings.get(rule.id());
            boolean off = setting != null && Boolean.FALSE.equals(setting.enabled());
            if (rule.scope() != RuleInfo.Scope.DEAL || off) {
                continue;
            }
            if (!rule.missing(carried).isEmpty()) {
                rules.add(rule.id());
            } else if (!rule.needs().isEmpty()) {
                needs.put(rule.id(), rule.needs());
            }
        }
        return new Unassessable(Set.copyOf(rules), Map.copyOf(needs), input.fields().orElse(null));
    }

    /**
     * One deal's findings sorted out: those the data proves, and the rules (that could judge the
     * source's deals) that could not judge this one, with why.
     */
    public record OfDeal(List<Finding> findings, Map<String, Coverage.Reason> notAssessable) {}

    /**
     * The findings the data proves, and the rules that could not judge the deal: a rule needing
     * evidence the deal has in part gives it no finding; a finding about a field no column fills is
     * dropped (the rule's findings about other fields are kept).
     */
    public OfDeal sort(List<Finding> findings, List<PartialEvidence> partial) {
        Map<String, Coverage.Reason> unjudged = new LinkedHashMap<>();
        for (PartialEvidence gap : partial) {
            needs.forEach(
                    (rule, evidence) -> {
                        if (evidence.contains(gap.evidence())) {
                            unjudged.putIfAbsent(
                                    rule, new Coverage.Reason(gap.reason(), List.of()));
                        }
                    });
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (rules.contains(finding.rule()) || unjudged.containsKey(finding.rule())) {
                continue;
            }
            Object field = finding.evidence().get(FIELD);
            if (fields != null && field != null && !fields.names().contains(field.toString())) {
                unjudged.putIfAbsent(
                        finding.rule(),
                        new Coverage.Reason(
                                Coverage.Reason.UNMAPPED_FIELD,
                                List.of(field.toString(), fields.source())));
                continue;
            }
            kept.add(finding);
        }
        return new OfDeal(kept, unjudged);
    }
}
