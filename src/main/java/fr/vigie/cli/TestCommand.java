package fr.vigie.cli;

import fr.vigie.job.PreparedWorkspace;
import fr.vigie.problem.InvalidInputException;
import fr.vigie.problem.Problems;
import fr.vigie.ruletest.RuleTestCase;
import fr.vigie.ruletest.RuleTestReader;
import fr.vigie.ruletest.RuleTestResult;
import fr.vigie.ruletest.RuleTestRunner;
import fr.vigie.workspace.DisplayPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie test}: runs the workspace's rule tests ({@code tests/*.test.yaml}). */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Runs the rule tests of the workspace (tests/**/*.test.yaml) against its processes and rules.",
        "Prints one block per failing case with its file and line, then a summary line."})
final class TestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PreparedWorkspace prepared = PreparedWorkspace.load(workspace, common.standardRules);
    Path tests = workspace.resolve("tests");
    List<Path> files = testFiles(tests);
    Problems problems = new Problems();
    List<RuleTestCase> cases = new ArrayList<>();
    for (Path file : files) {
      cases.addAll(RuleTestReader.read(file, prepared.rules(), problems));
    }
    problems.throwIfErrors();
    RuleTestRunner runner = new RuleTestRunner(prepared.workspace(), prepared.rules());
    int passed = 0;
    int failed = 0;
    for (RuleTestCase testCase : cases) {
      RuleTestResult result = runner.run(testCase);
      if (result.passed()) {
        passed++;
      } else {
        failed++;
        out.println("FAIL " + result.describe());
      }
    }
    if (files.isEmpty()) {
      out.println("no test files in " + DisplayPath.of(tests) + " (write tests/<name>.test.yaml, see docs/writing-rules.md)");
    }
    out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static List<Path> testFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().matches(".*\\.test\\.ya?ml")).sorted().toList();
    } catch (java.io.UncheckedIOException e) {
      throw InvalidInputException.at(fr.vigie.problem.Location.of(DisplayPath.of(dir)), "cannot list tests: " + e.getMessage());
    }
  }
}
