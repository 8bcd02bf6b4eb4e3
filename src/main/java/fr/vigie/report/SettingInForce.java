package fr.vigie.report;

import fr.vigie.common.Severity;
import fr.vigie.audit.run.AuditContext;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.strategy.model.TacticItem;
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
    String scope, String rule, boolean off, Severity severity, Map<String, String> params, BigDecimal maxDays, String reason, String location) {

  public SettingInForce {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static List<SettingInForce> of(AuditContext context) {
    List<SettingInForce> settings = new ArrayList<>();
    context.workspace().settings().ruleSettings().values().forEach(r -> settings.add(of(r, null)));
    for (var process : context.workspace().processes()) {
      for (var version : process.versions()) {
        version.ruleSettings().values().forEach(r -> settings.add(of(r, process.title() + " " + version.version())));
      }
    }
    for (TacticItem change : context.plan().tactics()) {
      if (change.kind() == TacticItem.Kind.STAGE_RULE_CHANGE && change.value() != null) {
        settings.add(new SettingInForce(change.process(), change.id(), false, null, Map.of(), change.value(), change.name(),
            String.valueOf(change.location())));
      }
    }
    return settings;
  }

  private static SettingInForce of(RuleSetting setting, String scope) {
    Map<String, String> params = new LinkedHashMap<>();
    setting.params().forEach((name, value) -> params.put(name, value.value()));
    return new SettingInForce(scope, setting.rule(), Boolean.FALSE.equals(setting.enabled()), setting.severity(), params, null,
        setting.reason(), String.valueOf(setting.location()));
  }
}
