package fr.vigie.job;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleCompiler;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigie rules}: the rule catalogue, the standard pack's alone or a workspace's (its own
 * rules too), with the settings its vigie.yaml and process versions give each rule.
 */
public final class ListingTheRules {

    /**
     * One rule as listed: its id, its severity ({@code *} when the workspace changes it), lever and
     * title, its parameters and overrides in words, and what it checks (null when undocumented).
     */
    public record Entry(
            String id,
            String severity,
            String lever,
            String title,
            List<String> settings,
            String doc) {

        public Entry {
            settings = List.copyOf(settings);
        }
    }

    /**
     * The rules of the standard pack in {@code standardRules} (null: found as usual), or of {@code
     * workspace} when given.
     */
    public List<Entry> list(Path workspace, Path standardRules) {
        return list(workspace, standardRules, null);
    }

    /**
     * The same, titles and what each rule checks in {@code language} (null: the workspace's, else
     * English).
     */
    public List<Entry> list(Path workspace, Path standardRules, Locale asked) {
        RuleBase rules;
        Workspace client = null;
        Locale language = asked != null ? asked : Locale.ENGLISH;
        if (workspace == null) {
            rules =
                    RuleCompiler.compile(
                            List.of(
                                    new RuleSource(
                                            "standard", StandardRules.locate(standardRules))));
        } else {
            PreparedWorkspace prepared = PreparedWorkspace.load(workspace, standardRules);
            rules = prepared.rules();
            client = prepared.workspace();
            language = asked != null ? asked : client.settings().language();
        }
        List<Entry> entries = new ArrayList<>();
        for (RuleInfo rule : rules.catalog()) {
            entries.add(
                    new Entry(
                            rule.id(),
                            severity(rule, client),
                            rule.lever().code(),
                            rules.messages().title(language, rule.id()),
                            settings(rule, client),
                            rules.messages().get(language, rule.id() + ".doc").orElse(null)));
        }
        return entries;
    }

    private static String severity(RuleInfo rule, Workspace client) {
        RuleSetting setting =
                client == null ? null : client.settings().ruleSettings().get(rule.id());
        return setting != null && setting.severity() != null
                ? setting.severity().code() + "*"
                : rule.severity().code();
    }

    /**
     * Parameter values and overrides: the standard value, then the workspace's, then each process
     * version's.
     */
    private static List<String> settings(RuleInfo rule, Workspace client) {
        List<String> lines = new ArrayList<>();
        rule.params()
                .forEach(
                        (name, value) ->
                                lines.add("parameter " + name + " = " + value + " (default)"));
        if (client == null) {
            return lines;
        }
        RuleSetting workspace = client.settings().ruleSettings().get(rule.id());
        if (workspace != null) {
            lines.add("vigie.yaml: " + describe(workspace));
        }
        for (SalesProcess process : client.processes()) {
            for (ProcessVersion version : process.versions()) {
                RuleSetting local = version.ruleSettings().get(rule.id());
                if (local != null) {
                    lines.add(process.id() + " " + version.version() + ": " + describe(local));
                }
            }
        }
        return lines;
    }

    private static String describe(RuleSetting setting) {
        List<String> changes = new ArrayList<>();
        if (Boolean.FALSE.equals(setting.enabled())) {
            changes.add("off");
        }
        if (setting.severity() != null) {
            changes.add("severity " + setting.severity().code());
        }
        setting.params().forEach((name, value) -> changes.add(name + " = " + value.value()));
        return String.join(", ", changes)
                + " — "
                + setting.reason()
                + " ("
                + setting.location()
                + ")";
    }
}
