package fr.vigie.job;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleCompiler;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.audit.prepare.RuleSettingsCheck;
import fr.vigie.common.Problems;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A workspace read and checked, with its rules compiled: what every command starts from. */
public record PreparedWorkspace(Workspace workspace, RuleBase rules) {

    /** The same, with {@code rule} choosing the period's deals (null: vigie.yaml's). */
    public PreparedWorkspace withDealsInPeriod(fr.vigie.workspace.DealsInPeriod rule) {
        return rule == null
                ? this
                : new PreparedWorkspace(workspace.withDealsInPeriod(rule), rules);
    }

    /** Loads and checks everything, collecting every problem; throws when any is an error. */
    public static PreparedWorkspace load(Path root, Path standardRules) {
        Problems problems = new Problems();
        PreparedWorkspace prepared = load(root, standardRules, problems);
        problems.throwIfErrors();
        return prepared;
    }

    public static PreparedWorkspace load(Path root, Path standardRules, Problems problems) {
        Workspace workspace = WorkspaceLoader.load(root, problems);
        RuleBase rules =
                RuleCompiler.compile(
                        sources(workspace, StandardRules.locate(standardRules)), problems);
        if (rules != null) {
            RuleSettingsCheck.check(workspace, rules, problems);
        }
        return new PreparedWorkspace(workspace, rules);
    }

    /**
     * What makes the findings of this workspace's rules, with their messages in {@code language}.
     */
    public FindingFactory findings(Locale language) {
        return new FindingFactory(rules.messages(), language, workspace.settings());
    }

    /**
     * The rules in force with vigie.yaml's settings, whatever the process version: what the plan
     * and report rules run with.
     */
    public EffectiveRules workspaceRules() {
        return EffectiveRules.resolve(rules.catalog(), workspace.settings().ruleSettings(), null);
    }

    public static List<RuleSource> sources(Workspace workspace, Path standardRules) {
        List<RuleSource> sources = new ArrayList<>();
        sources.add(new RuleSource("standard", standardRules));
        Path rules = workspace.folder().find("rules");
        if (rules != null && Files.isDirectory(rules)) {
            sources.add(new RuleSource("workspace", workspace.rulesDir()));
        }
        return sources;
    }
}
