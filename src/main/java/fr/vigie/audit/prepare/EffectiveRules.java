package fr.vigie.audit.prepare;

import fr.vigie.audit.facts.Param;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.Severity;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.RuleSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules in force for deals judged by one process version: which are off, their severity and
 * parameter values, after the workspace's overrides and then the process version's.
 */
public record EffectiveRules(
        Set<String> disabled, Map<String, Severity> severities, List<Param> params) {

    public EffectiveRules {
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
        params = List.copyOf(params);
    }

    public static EffectiveRules resolve(
            Collection<RuleInfo> catalog,
            Map<String, RuleSetting> workspace,
            ProcessVersion version) {
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        List<Param> params = new ArrayList<>();
        Map<String, RuleSetting> local = version == null ? Map.of() : version.ruleSettings();
        for (RuleInfo rule : catalog) {
            RuleSetting inWorkspace = workspace.get(rule.id());
            RuleSetting inProcess = local.get(rule.id());
            Boolean enabled =
                    pick(
                            inProcess == null ? null : inProcess.enabled(),
                            inWorkspace == null ? null : inWorkspace.enabled());
            if (Boolean.FALSE.equals(enabled)) {
                disabled.add(rule.id());
            }
            Severity severity =
                    pick(
                            inProcess == null ? null : inProcess.severity(),
                            inWorkspace == null ? null : inWorkspace.severity());
            severities.put(rule.id(), severity == null ? rule.severity() : severity);
            rule.params()
                    .forEach(
                            (name, defaultValue) ->
                                    params.add(
                                            new Param(
                                                    rule.id(),
                                                    name,
                                                    value(
                                                            name,
                                                            defaultValue,
                                                            inWorkspace,
                                                            inProcess))));
        }
        return new EffectiveRules(disabled, severities, params);
    }

    private static String value(
            String name, String defaultValue, RuleSetting workspace, RuleSetting process) {
        if (process != null && process.params().containsKey(name)) {
            return process.params().get(name).value();
        }
        if (workspace != null && workspace.params().containsKey(name)) {
            return workspace.params().get(name).value();
        }
        return defaultValue;
    }

    private static <T> T pick(T first, T second) {
        return first != null ? first : second;
    }

    public boolean isEnabled(String rule) {
        return !disabled.contains(rule);
    }

    public Severity severity(String rule) {
        return severities.get(rule);
    }
}
