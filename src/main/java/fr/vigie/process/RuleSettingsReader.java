package fr.vigie.process;

import fr.vigie.common.Problems;
import fr.vigie.common.Severity;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlObject;
import fr.vigie.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code rules:} section: per rule id, {@code enabled}, {@code severity}, {@code params}
 * and the {@code reason} for the override (required). Rule ids and parameter names are checked
 * against the rule catalogue once the rules are compiled.
 */
public final class RuleSettingsReader {

    private RuleSettingsReader() {}

    public static Map<String, RuleSetting> read(YamlObject owner, String key, Problems problems) {
        Map<String, RuleSetting> settings = new LinkedHashMap<>();
        for (YamlMap.Entry entry : owner.entries(key)) {
            String rule = entry.key();
            YamlObject setting =
                    YamlObject.of(
                            entry.value(),
                            "settings of rule " + rule,
                            problems,
                            "enabled",
                            "severity",
                            "params",
                            "reason");
            if (setting == null) {
                continue;
            }
            Boolean enabled = setting.bool("enabled");
            String severityCode = setting.choice("severity", Severity.codes());
            Severity severity =
                    severityCode == null ? null : Severity.fromCode(severityCode).orElseThrow();
            Map<String, RuleSetting.Located> params = new LinkedHashMap<>();
            for (YamlMap.Entry param : setting.entries("params")) {
                if (param.value() instanceof YamlScalar scalar && !scalar.isNull()) {
                    params.put(
                            param.key(),
                            new RuleSetting.Located(scalar.value().strip(), scalar.location()));
                } else {
                    problems.error(
                            param.value().location(),
                            "parameter '" + param.key() + "' of rule " + rule + " must be a value");
                }
            }
            String reason = setting.text("reason");
            if (reason == null) {
                problems.error(
                        entry.keyLocation(),
                        "the override of rule "
                                + rule
                                + " needs a 'reason' (it is shown in the report beside the"
                                + " override)");
            }
            settings.put(
                    rule,
                    new RuleSetting(rule, enabled, severity, params, reason, entry.keyLocation()));
        }
        return settings;
    }
}
