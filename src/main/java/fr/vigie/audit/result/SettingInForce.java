package fr.vigie.audit.result;

import fr.vigie.common.Severity;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.strategy.model.Plan;
import fr.vigie.strategy.model.TacticItem;
import fr.vigie.workspace.Workspace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule setting in force for the run, as the appendix lists it: an override of a standard rule
 * by vigie.yaml or a process version, or a stage rule the quarter's tactics change. {@code scope}
 * is null when it applies to every process.
 */
public record SettingInForce(
        String scope,
        String rule,
        boolean off,
        Severity severity,
        Map<String, String> params,
        BigDecimal maxDays,
        String reason,
        String location) {

    public SettingInForce {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The overrides of {@code workspace}'s vigie.yaml, then of each process version, then the stage
     * rules of {@code plan}'s tactics.
     */
    public static List<SettingInForce> of(Workspace workspace, Plan plan) {
        List<SettingInForce> settings = new ArrayList<>();
        workspace.settings().ruleSettings().values().forEach(r -> settings.add(of(r, null)));
        for (var process : workspace.processes()) {
            for (var version : process.versions()) {
                version.ruleSettings()
                        .values()
                        .forEach(
                                r ->
                                        settings.add(
                                                of(r, process.title() + " " + version.version())));
            }
        }
        for (TacticItem change : plan.tactics()) {
            if (change.kind() == TacticItem.Kind.STAGE_RULE_CHANGE && change.value() != null) {
                settings.add(
                        new SettingInForce(
                                change.process(),
                                change.id(),
                                false,
                                null,
                                Map.of(),
                                change.value(),
                                change.name(),
                                String.valueOf(change.location())));
            }
        }
        return settings;
    }

    private static SettingInForce of(RuleSetting setting, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        setting.params().forEach((name, value) -> params.put(name, value.value()));
        return new SettingInForce(
                scope,
                setting.rule(),
                Boolean.FALSE.equals(setting.enabled()),
                setting.severity(),
                params,
                null,
                setting.reason(),
                String.valueOf(setting.location()));
    }
}
