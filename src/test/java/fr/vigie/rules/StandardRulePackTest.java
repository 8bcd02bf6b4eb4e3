package fr.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.Problems;
import fr.vigie.job.PreparedWorkspace;
import fr.vigie.ruletest.RuleTestCase;
import fr.vigie.ruletest.RuleTestReader;
import fr.vigie.ruletest.RuleTestResult;
import fr.vigie.ruletest.RuleTestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every test case beside the standard rules, and checks that no rule goes untested. */
class StandardRulePackTest {

    static final Path PACK = Path.of("rules");

    /**
     * The rules that compare a figure or a moment with a limit (a parameter, the process, the
     * strategy): each has a case named "boundary: ..." judging values just below, at and just above
     * it, so that a {@code >} written {@code >=} fails a test.
     */
    static final Set<String> THRESHOLD_RULES =
            Set.of(
                    "DATA-CLOSED-BEFORE-CREATED",
                    "DATA-EVENT-AFTER-CLOSE",
                    "DATA-EVENT-BEFORE-CREATION",
                    "PROC-ACTIVITY-MISSING",
                    "PROC-DOCUMENT-MISSING",
                    "PROC-STALE-STAGE",
                    "PROC-CLOSE-DATE-PUSHED",
                    "PROC-APPROVAL-MISSING",
                    "PROC-APPROVAL-WRONG-ROLE",
                    "PROC-APPROVAL-LATE",
                    "STRAT-DISCOUNT-ABOVE-CEILING",
                    "STRAT-LINE-DISCOUNT-ABOVE-CEILING",
                    "STRAT-MARGIN-BELOW-FLOOR",
                    "TACT-DISCOUNT-ABOVE-CEILING",
                    "TACT-DELEGATION-BEYOND-RIGHTS",
                    "TACT-QUOTAS-BELOW-TARGET",
                    "TACT-PAYMENT-TERMS",
                    "TACT-INCENTIVE-IGNORES-MARGIN",
                    "REC-REVIEW-STEP",
                    "REC-DISCOUNT-DELEGATION",
                    "REC-COACH-REP",
                    "REC-PROCESS-PAYS",
                    "REC-CRM-HYGIENE",
                    "REC-QUALIFY");

    static PreparedWorkspace testing;
    static List<RuleTestCase> cases;

    @BeforeAll
    static void compile_the_standard_pack() throws IOException {
        testing = PreparedWorkspace.load(PACK.resolve("testing"), PACK);
        Problems problems = new Problems();
        cases = new ArrayList<>();
        for (Path file : testFiles()) {
            cases.addAll(RuleTestReader.read(file, testing.rules(), problems));
        }
        assertThat(problems.all()).as("problems in the test files").isEmpty();
    }

    static List<Path> testFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(PACK)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".test.yaml"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_case_beside_the_standard_rules_passes() {
        RuleTestRunner runner = new RuleTestRunner(testing.workspace(), testing.rules());
        return cases.stream()
                .map(
                        c ->
                                DynamicTest.dynamicTest(
                                        c.file() + ": " + c.name(),
                                        () -> {
                                            RuleTestResult result = runner.run(c);
                                            assertThat(result.differences())
                                                    .as(result.describe())
                                                    .isEmpty();
                                        }));
    }

    @Test
    void every_rule_has_a_case_beside_it_where_it_fires() {
        RuleBase rules = testing.rules();
        Set<String> exercised =
                cases.stream()
                        .flatMap(
                                c ->
                                        c.expected().stream()
                                                .map(
                                                        e ->
                                                                e.rule()
                                                                        + "@"
                                                                        + c.file()
                                                                                .replace(
                                                                                        ".test.yaml",
                                                                                        ".drl")))
                        .collect(Collectors.toSet());
        List<String> untested =
                rules.catalog().stream()
                        .filter(r -> !exercised.contains(r.id() + "@" + r.location().file()))
                        .map(r -> r.id() + " (" + r.location() + ")")
                        .toList();
        assertThat(untested)
                .as("rules without a firing case in the .test.yaml beside their .drl")
                .isEmpty();
    }

    @Test
    void every_threshold_rule_has_a_boundary_case_where_it_fires() {
        Set<String> bounded =
                cases.stream()
                        .filter(c -> c.name().startsWith("boundary:"))
                        .flatMap(c -> c.expected().stream().map(RuleTestCase.Expected::rule))
                        .collect(Collectors.toSet());
        Set<String> known =
                testing.rules().catalog().stream().map(RuleInfo::id).collect(Collectors.toSet());
        assertThat(known).as("threshold rules of the pack").containsAll(THRESHOLD_RULES);
        assertThat(THRESHOLD_RULES)
                .as("threshold rules without a 'boundary: ...' case")
                .allMatch(bounded::contains);
    }

    @Test
    void every_rule_has_its_message_checked_in_french_and_in_english() {
        Set<String> french =
                cases.stream()
                        .flatMap(c -> c.expected().stream())
                        .filter(e -> e.message() != null)
                        .map(RuleTestCase.Expected::rule)
                        .collect(Collectors.toSet());
        Set<String> english =
                cases.stream()
                        .flatMap(c -> c.expected().stream())
                        .filter(e -> e.messageEn() != null)
                        .map(RuleTestCase.Expected::rule)
                        .collect(Collectors.toSet());
        List<String> ids = testing.rules().catalog().stream().map(RuleInfo::id).toList();
        assertThat(ids)
                .as("rules without a case checking their French message (message:)")
                .allMatch(french::contains);
        assertThat(ids)
                .as("rules without a case checking their English message (message-en:)")
                .allMatch(english::contains);
    }

    @Test
    void every_rule_has_a_case_beside_it_where_it_stays_silent() {
        Set<String> silent =
                cases.stream()
                        .flatMap(
                                c ->
                                        c.rulesUnderTest().stream()
                                                .filter(
                                                        rule ->
                                                                c.expected().stream()
                                                                        .noneMatch(
                                                                                e ->
                                                                                        e.rule()
                                                                                                .equals(
                                                                                                        rule)))
                                                .map(rule -> rule + "@" + c.file()))
                        .collect(Collectors.toSet());
        List<String> untested =
                testing.rules().catalog().stream()
                        .filter(
                                r ->
                                        !silent.contains(
                                                r.id()
                                                        + "@"
                                                        + r.location()
                                                                .file()
                                                                .replace(".drl", ".test.yaml")))
                        .map(RuleInfo::id)
                        .toList();
        assertThat(untested).as("rules without a case where they must not fire").isEmpty();
    }
}
