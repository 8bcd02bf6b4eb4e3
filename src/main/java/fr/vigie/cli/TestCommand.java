package fr.vigie.cli;

import fr.vigie.job.PlanCheck;
import fr.vigie.job.PreparedWorkspace;
import fr.vigie.job.StandardRules;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.process.model.StageSpec;
import fr.vigie.ruletest.RuleTestCase;
import fr.vigie.ruletest.RuleTestReader;
import fr.vigie.ruletest.RuleTestResult;
import fr.vigie.ruletest.RuleTestRunner;
import fr.vigie.strategy.model.Declared;
import fr.vigie.strategy.model.Plan;
import fr.vigie.common.ClientFolder;
import fr.vigie.common.DisplayPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie test}: runs the rule tests of the standard pack (beside its rules, in its testing
 * workspace) and of the workspace ({@code tests/**}/*.test.yaml, with the workspace's processes,
 * strategy and tactics).
 */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Runs every rule test: the standard pack's, then the workspace's (tests/**/*.test.yaml).",
        "Prints each failing case with its file and line and what differed, then a summary line; exit 0 or 1."})
final class TestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The client's workspace folder.")
  Path workspace;

  @Option(names = "--coverage", description = "Also list the rules no test makes fire, and the process stages and strategy items no test touches.")
  boolean coverage;

  @Option(names = "--no-standard", description = "Run the workspace's tests only.")
  boolean noStandard;

  private int passed;
  private int failed;
  private final Set<String> firing = new TreeSet<>();
  private final Set<String> touchedStages = new TreeSet<>();
  private final Set<String> citedPlaces = new TreeSet<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path standard = StandardRules.locate(common.standardRules);
    PreparedWorkspace prepared = PreparedWorkspace.load(workspace, common.standardRules);
    if (!noStandard) {
      PreparedWorkspace testing = PreparedWorkspace.load(standard.resolve("testing"), standard);
      run(out, testFiles(standard, standard), testing, Plan.NONE);
    }
    int standardCount = passed + failed;
    Problems problems = new Problems();
    Plan plan = PlanCheck.run(prepared, RuleTestRunner.DEFAULT_PERIOD, Locale.FRENCH, problems).plan();
    problems.throwIfErrors();
    List<Path> files = testFiles(workspace, workspace.resolve("tests"));
    run(out, files, prepared, plan);
    if (files.isEmpty()) {
      out.println("no test in " + DisplayPath.of(workspace.resolve("tests")) + " (write tests/<name>.test.yaml, see docs/authoring.md)");
    }
    out.println(passed + " passed, " + failed + " failed" + (noStandard ? "" : " (standard pack: " + standardCount + ", workspace: " + (passed + failed - standardCount) + ")"));
    if (coverage) {
      printCoverage(out, prepared, plan);
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private void run(PrintWriter out, List<Path> files, PreparedWorkspace prepared, Plan plan) {
    Problems problems = new Problems();
    List<RuleTestCase> cases = new ArrayList<>();
    for (Path file : files) {
      cases.addAll(RuleTestReader.read(file, prepared.rules(), problems));
    }
    problems.throwIfErrors();
    RuleTestRunner runner = new RuleTestRunner(prepared.workspace(), prepared.rules(), plan);
    for (RuleTestCase testCase : cases) {
      RuleTestResult result = runner.run(testCase);
      testCase.expected().forEach(e -> firing.add(e.rule()));
      touchedStages.addAll(result.touchedStages());
      citedPlaces.addAll(result.citedPlaces());
      if (result.passed()) {
        passed++;
      } else {
        failed++;
        out.println("FAIL " + result.describe());
      }
    }
  }

  private void printCoverage(PrintWriter out, PreparedWorkspace prepared, Plan plan) {
    List<String> rules = prepared.rules().catalog().stream().filter(r -> !firing.contains(r.id()))
        .map(r -> r.id() + " (" + r.location() + ")").toList();
    List<String> stages = new ArrayList<>();
    for (SalesProcess process : prepared.workspace().processes()) {
      Set<String> ids = new TreeSet<>();
      process.versions().stream().map(ProcessVersion::stages).flatMap(List::stream).map(StageSpec::id).forEach(ids::add);
      ids.stream().filter(id -> !touchedStages.contains(process.id() + "/" + id)).forEach(id -> stages.add(process.id() + "/" + id));
    }
    List<String> items = new ArrayList<>();
    Stream.concat(Stream.concat(plan.strategy().stream(), plan.rights().stream()), plan.tactics().stream())
        .filter(item -> !citedPlaces.contains(item.location().toString()))
        .forEach(item -> items.add(item.location() + " " + item.describe()));
    out.println();
    section(out, "Rules no test makes fire", rules);
    section(out, "Process stages no test deal goes through", stages);
    section(out, "Strategy and tactics items no test finding cites", items);
  }

  private static void section(PrintWriter out, String title, List<String> items) {
    out.println(title + " (" + items.size() + ")" + (items.isEmpty() ? "" : ":"));
    items.forEach(item -> out.println("  " + item));
  }

  /** The rule tests under {@code dir}, inside the folder {@code root} (links included). */
  private static List<Path> testFiles(Path root, Path dir) {
    return ClientFolder.of(root).walk(dir, name -> name.matches(".*\\.test\\.ya?ml"));
  }

}
