package fr.vigie.job;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.process.model.StageSpec;
import fr.vigie.ruletest.RuleTestCase;
import fr.vigie.ruletest.RuleTestReader;
import fr.vigie.ruletest.RuleTestResult;
import fr.vigie.ruletest.RuleTestRunner;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code vigie test}: runs the rule tests of the standard pack (beside its rules, in its testing
 * workspace) and of a workspace ({@code tests/**}/*.test.yaml, with the workspace's processes,
 * strategy and tactics), through the same judge as the audit.
 */
public final class TestingRules {

    /** The folder of a workspace's rule tests. */
    public static final String TESTS_DIR = "tests";

    /**
     * What the tests gave: how many cases passed and failed (of which {@code standard} are the
     * standard pack's), each failure described, whether the workspace has tests at all, and what no
     * test covers.
     */
    public record Report(
            int passed,
            int failed,
            int standard,
            List<String> failures,
            List<Outcome> cases,
            Path testsDir,
            boolean workspaceTested,
            Coverage coverage) {

        public Report {
            failures = List.copyOf(failures);
            cases = List.copyOf(cases);
        }
    }

    /**
     * How one case went: where it is written, its name, whether it is the standard pack's, and what
     * differed from what it expects (empty: it passed).
     */
    public record Outcome(
            fr.vigie.common.Location location,
            String name,
            boolean standard,
            List<String> differences) {

        public Outcome {
            differences = List.copyOf(differences);
        }

        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /**
     * What no test covers (rules no test makes fire, stages no test deal goes through, plan items
     * no finding cites), each of how many there are.
     */
    public record Coverage(
            List<String> rules,
            List<String> stages,
            List<String> planItems,
            int ruleCount,
            int stageCount,
            int planItemCount) {

        public Coverage {
            rules = List.copyOf(rules);
            stages = List.copyOf(stages);
            planItems = List.copyOf(planItems);
        }

        /** How many rules, stages and plan items there are, together. */
        public int total() {
            return ruleCount + stageCount + planItemCount;
        }

        /** How many of them a test covers. */
        public int covered() {
            return total() - rules.size() - stages.size() - planItems.size();
        }

        /** The share covered, in percent with one decimal (100 when there is nothing to cover). */
        public BigDecimal percent() {
            return percent(covered(), total());
        }

        public static BigDecimal percent(int covered, int total) {
            return total == 0
                    ? BigDecimal.valueOf(100).setScale(1)
                    : BigDecimal.valueOf(covered * 100L)
                            .divide(BigDecimal.valueOf(total), 1, RoundingMode.DOWN);
        }
    }

    /**
     * Runs the workspace's tests, and before them the standard pack's unless {@code withStandard}
     * is false.
     */
    public Report test(Path workspace, Path standardRules, boolean withStandard) {
        Path standard = StandardRules.locate(standardRules);
        PreparedWorkspace prepared = PreparedWorkspace.load(workspace, standardRules);
        Tally tally = new Tally();
        if (withStandard) {
            PreparedWorkspace testing =
                    PreparedWorkspace.load(standard.resolve("testing"), standard);
            tally.run(testFiles(standard, standard), testing, period -> Plan.NONE);
        }
        tally.standardDone = true;
        int standardCount = tally.passed + tally.failed;
        Map<Period, Plan> plans = new LinkedHashMap<>();
        Path testsDir = workspace.resolve(TESTS_DIR);
        List<Path> files = testFiles(workspace, testsDir);
        tally.run(files, prepared, period -> plans.computeIfAbsent(period, p -> plan(prepared, p)));
        return new Report(
                tally.passed,
                tally.failed,
                standardCount,
                tally.failures,
                tally.outcomes,
                testsDir,
                !files.isEmpty(),
                tally.coverage(prepared, plans.values()));
    }

    /**
     * The workspace's plan for {@code period}: its strategy and the period's tactics, which must
     * read without error.
     */
    private static Plan plan(PreparedWorkspace prepared, Period period) {
        Problems problems = new Problems();
        Plan plan = PlanCheck.run(prepared, period, Locale.FRENCH, problems).plan();
        problems.throwIfErrors();
        return plan;
    }

    /** The cases run so far: counts, failures, and what they touched. */
    private static final class Tally {
        int passed;
        int failed;
        final List<String> failures = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();
        boolean standardDone;
        final Set<String> firing = new TreeSet<>();
        final Set<String> touchedStages = new TreeSet<>();
        final Set<String> citedPlaces = new TreeSet<>();

        void run(List<Path> files, PreparedWorkspace prepared, Function<Period, Plan> plans) {
            Problems problems = new Problems();
            List<RuleTestCase> cases = new ArrayList<>();
            for (Path file : files) {
                cases.addAll(RuleTestReader.read(file, prepared.rules(), problems));
            }
            problems.throwIfErrors();
            try (RuleTestRunner runner =
                    new RuleTestRunner(prepared.workspace(), prepared.rules(), plans)) {
                run(cases, runner);
            }
        }

        private void run(List<RuleTestCase> cases, RuleTestRunner runner) {
            for (RuleTestCase testCase : cases) {
                RuleTestResult result = runner.run(testCase);
                testCase.expected().forEach(e -> firing.add(e.rule()));
                touchedStages.addAll(result.touchedStages());
                citedPlaces.addAll(result.citedPlaces());
                outcomes.add(
                        new Outcome(
                                testCase.location(),
                                testCase.name(),
                                !standardDone,
                                result.differences()));
                if (result.passed()) {
                    passed++;
                } else {
                    failed++;
                    failures.add(result.describe());
                }
            }
        }

        /**
         * What the cases did not cover, of the workspace's rules and processes and of the plans its
         * deals were judged with.
         */
        Coverage coverage(PreparedWorkspace prepared, Collection<Plan> plans) {
            List<String> rules =
                    prepared.rules().catalog().stream()
                            .filter(r -> !firing.contains(r.id()))
                            .map(r -> r.id() + " (" + r.location() + ")")
                            .toList();
            List<String> stages = new ArrayList<>();
            int stageCount = 0;
            for (SalesProcess process : prepared.workspace().processes()) {
                Set<String> ids = new TreeSet<>();
                process.versions().stream()
                        .map(ProcessVersion::stages)
                        .flatMap(List::stream)
                        .map(StageSpec::id)
                        .forEach(ids::add);
                stageCount += ids.size();
                ids.stream()
                        .filter(id -> !touchedStages.contains(process.id() + "/" + id))
                        .forEach(id -> stages.add(process.id() + "/" + id));
            }
            Set<String> items = new LinkedHashSet<>();
            Set<String> allItems = new LinkedHashSet<>();
            for (Plan plan : plans) {
                Stream.concat(
                                Stream.concat(plan.strategy().stream(), plan.rights().stream()),
                                plan.tactics().stream())
                        .forEach(
                                item -> {
                                    String described = item.location() + " " + item.describe();
                                    allItems.add(described);
                                    if (!citedPlaces.contains(item.location().toString())) {
                                        items.add(described);
                                    }
                                });
            }
            return new Coverage(
                    rules,
                    stages,
                    List.copyOf(items),
                    prepared.rules().catalog().size(),
                    stageCount,
                    allItems.size());
        }
    }

    /** The rule tests under {@code dir}, inside the folder {@code root} (links included). */
    private static List<Path> testFiles(Path root, Path dir) {
        return ClientFolder.of(root).walk(dir, name -> name.matches(".*\\.test\\.ya?ml"));
    }
}
