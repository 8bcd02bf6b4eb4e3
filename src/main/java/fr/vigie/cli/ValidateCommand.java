package fr.vigie.cli;

import fr.vigie.audit.model.Finding;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Problem;
import fr.vigie.common.Severity;
import fr.vigie.job.CheckingAWorkspace;
import fr.vigie.job.PlanCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie validate}: checks a workspace's YAML and DRL, prints every problem with its
 * location, then the contradictions between the CEO's strategy and each quarter's tactics.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, header = "Checks a workspace as an audit would, without reading a deal.",
    description = {"Checks the workspace's settings, processes, strategy, tactics and rules; prints every problem as",
        "file:line:col: message, then the contradictions between the strategy and each tactics file."})
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "major",
      description = "Exit with 1 when a written contradiction is at or above: info, minor, major, critical, or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold = FailOn.threshold(spec.commandLine(), failOn);
    CheckingAWorkspace.Check check = new CheckingAWorkspace().check(workspace, common.standardRules);
    for (Problem problem : check.problems()) {
      err.println(problem);
    }
    long errors = check.errors();
    if (errors > 0) {
      err.println(errors + (errors == 1 ? " error" : " errors") + " in " + DisplayPath.of(workspace));
      return ExitCodes.INPUT_ERROR;
    }
    out.printf("%s is valid: %d process(es), %d rules.%n", DisplayPath.of(workspace), check.processes(), check.rules());
    boolean failing = false;
    for (PlanCheck.Result plan : check.plans()) {
      if (plan.plan().tacticsFile() == null || !Files.isRegularFile(Path.of(plan.plan().tacticsFile()))) {
        continue;
      }
      out.printf("%s against %s: %s%n", plan.plan().tacticsFile(), plan.plan().strategyFile(),
          plan.contradictions().isEmpty() ? "no contradiction" : plan.contradictions().size() + " contradiction(s)");
      for (Finding finding : plan.contradictions()) {
        out.printf("  %-8s %s%n", finding.severity().code(), finding.rule());
        out.printf("           %s%n", finding.message());
        failing |= threshold != null && finding.severity().compareTo(threshold) >= 0;
      }
    }
    return failing ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
