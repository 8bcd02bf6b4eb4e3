package fr.vigie.cli;

import fr.vigie.job.PreparedWorkspace;
import fr.vigie.problem.Problem;
import fr.vigie.problem.Problems;
import fr.vigie.workspace.DisplayPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie validate}: checks a workspace's YAML and DRL, and prints every problem with its location. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks the workspace's settings, processes and rules; prints every problem as file:line:col: message.")
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems();
    PreparedWorkspace prepared = PreparedWorkspace.load(workspace, common.standardRules, problems);
    for (Problem problem : problems.all()) {
      err.println(problem);
    }
    long errors = problems.all().stream().filter(Problem::isError).count();
    if (errors > 0) {
      err.println(errors + (errors == 1 ? " error" : " errors") + " in " + DisplayPath.of(workspace));
      return ExitCodes.INPUT_ERROR;
    }
    out.printf("%s is valid: %d process(es), %d rules.%n", DisplayPath.of(workspace), prepared.workspace().processes().size(),
        prepared.rules().catalog().size());
    return ExitCodes.OK;
  }
}
