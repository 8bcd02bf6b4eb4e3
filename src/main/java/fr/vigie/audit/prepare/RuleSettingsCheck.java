package fr.vigie.audit.prepare;

import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.workspace.Workspace;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Checks the workspace's rule overrides against the compiled rules: known ids, known parameters,
 * numbers where numbers are due.
 */
public final class RuleSettingsCheck {

    private RuleSettingsCheck() {}

    public static void check(Workspace workspace, RuleCatalog rules, Problems problems) {
        checkAll(workspace.settings().ruleSettings(), rules, problems);
        for (SalesProcess process : workspace.processes()) {
            for (ProcessVersion version : process.versions()) {
                checkAll(version.ruleSettings(), rules, problems);
            }
        }
    }

    private static void checkAll(
            Map<String, RuleSetting> settings, RuleCatalog rules, Problems problems) {
        List<String> ids = rules.catalog().stream().map(RuleInfo::id).toList();
        for (RuleSetting setting : settings.values()) {
            RuleInfo rule = rules.rule(setting.rule()).orElse(null);
            if (rule == null) {
                problems.error(
                        setting.location(),
                        "unknown rule '"
                                + setting.rule()
                                + "'"
                                + DidYouMean.hint(setting.rule(), ids)
                                + "; `vigie rules` lists them");
                continue;
            }
            setting.params()
                    .forEach(
                            (name, value) -> {
                                String defaultValue = rule.params().get(name);
                                if (defaultValue == null) {
                                    problems.error(
                                            value.location(),
                                            "rule "
                                                    + rule.id()
                                                    + " has no parameter '"
                                                    + name
                                                    + "'"
                                                    + (rule.params().isEmpty()
                                                            ? " (it takes none)"
                                                            : DidYouMean.hint(
                                                                            name,
                                                                            rule.params().keySet())
                                                                    + "; it takes: "
                                                                    + String.join(
                                                                            ", ",
                                                                            rule.params()
                                                                                    .keySet())));
                                } else if (isNumber(defaultValue) && !isNumber(value.value())) {
                                    problems.error(
                                            value.location(),
                                            "parameter '"
                                                    + name
                                                    + "' of rule "
                                                    + rule.id()
                                                    + " must be a number, not '"
                                                    + value.value()
                                                    + "'");
                                }
                            });
        }
    }

    private static boolean isNumber(String text) {
        try {
            return fr.vigie.common.Numbers.readable(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
