package fr.vigie.cli;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleCompiler;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.job.PreparedWorkspace;
import fr.vigie.job.StandardRules;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie rules}: the rule catalogue, with the settings a workspace gives each rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = {
    "Lists every rule: id, severity, lever, title, parameters with their values, and what it checks.",
    "With a WORKSPACE: its own rules too, and the settings its vigie.yaml and processes give each rule."})
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "The client's workspace folder (optional).")
  Path workspace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleBase rules;
    Workspace client = null;
    Locale language = Locale.ENGLISH;
    if (workspace == null) {
      rules = RuleCompiler.compile(List.of(new RuleSource("standard", StandardRules.locate(common.standardRules))));
    } else {
      PreparedWorkspace prepared = PreparedWorkspace.load(workspace, common.standardRules);
      rules = prepared.rules();
      client = prepared.workspace();
      language = client.settings().language();
    }
    for (RuleInfo rule : rules.catalog()) {
      out.printf("%-32s %-9s %-16s %s%n", rule.id(), severity(rule, client), rule.lever().code(), rules.messages().title(language, rule.id()));
      for (String line : settings(rule, client)) {
        out.printf("    %s%n", line);
      }
      rules.messages().get(language, rule.id() + ".doc").ifPresent(doc -> out.printf("    %s%n", doc));
    }
    out.printf("%d rules%n", rules.catalog().size());
    return ExitCodes.OK;
  }

  private static String severity(RuleInfo rule, Workspace client) {
    RuleSetting setting = client == null ? null : client.settings().ruleSettings().get(rule.id());
    return setting != null && setting.severity() != null ? setting.severity().code() + "*" : rule.severity().code();
  }

  /** Parameter values and overrides: the standard value, then the workspace's, then each process version's. */
  private static List<String> settings(RuleInfo rule, Workspace client) {
    List<String> lines = new ArrayList<>();
    rule.params().forEach((name, value) -> lines.add("parameter " + name + " = " + value + " (default)"));
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
    return String.join(", ", changes) + " — " + setting.reason() + " (" + setting.location() + ")";
  }
}
