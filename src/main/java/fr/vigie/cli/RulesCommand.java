package fr.vigie.cli;

import fr.vigie.audit.model.RuleInfo;
import fr.vigie.job.PreparedWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie rules}: lists the rules in force for a workspace. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists every rule: id, severity, lever, parameters and title.")
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PreparedWorkspace prepared = PreparedWorkspace.load(workspace, common.standardRules);
    Locale language = prepared.workspace().settings().language();
    for (RuleInfo rule : prepared.rules().catalog()) {
      String params = rule.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
      out.printf("%-28s %-9s %-16s %s%s%n", rule.id(), rule.severity().code(), rule.lever().code(),
          prepared.rules().messages().title(language, rule.id()), params.isEmpty() ? "" : " [" + params + "]");
    }
    return ExitCodes.OK;
  }
}
