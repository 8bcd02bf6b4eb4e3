package fr.vigie.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.common.Problems;
import fr.vigie.job.PreparedWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The period a rule test case judges its deals in: its own {@code period:}, else its file's, else
 * the quarter of its deals' latest date. An open deal stuck in Proposition (20 days allowed) since
 * 20 June 2026 has spent 11 days there at the end of 2026-Q2, 103 at the end of 2026-Q3.
 */
class RuleTestPeriodTest {

    static final String STUCK =
            """
                - id: D-1
                  stages: [qualification 2026-06-15, proposition 2026-06-20]
                  documents: [devis 2026-06-21]
            """;
    static PreparedWorkspace testing;
    @TempDir Path dir;

    @BeforeAll
    static void the_testing_workspace() {
        testing = PreparedWorkspace.load(Path.of("rules", "testing"), Path.of("rules"));
    }

    List<RuleTestCase> read(String yaml, Problems problems) throws IOException {
        Path file = dir.resolve("stuck.test.yaml");
        Files.writeString(file, "rules: [PROC-STALE-STAGE]\n" + yaml);
        return RuleTestReader.read(file, testing.rules(), problems);
    }

    RuleTestResult run(String yaml) throws IOException {
        Problems problems = new Problems();
        List<RuleTestCase> cases = read(yaml, problems);
        assertThat(problems.all()).isEmpty();
        return new RuleTestRunner(testing.workspace(), testing.rules()).run(cases.get(0));
    }

    @Test
    void should_judge_a_case_without_a_period_in_the_quarter_of_its_deals() throws IOException {
        // GIVEN a case without period whose deal's history ends in 2026-Q2
        String yaml =
                "cases:\n  - name: judged at the end of June\n    deals:\n"
                        + STUCK
                        + "    expect: []\n";

        // WHEN it runs
        RuleTestResult result = run(yaml);

        // THEN the deal is judged as of the end of 2026-Q2: 11 days in Proposition, not stuck
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void should_judge_a_case_in_its_own_period() throws IOException {
        // GIVEN the same deal in a case of period 2026-Q3
        String yaml =
                "cases:\n"
                        + "  - name: judged at the end of September\n"
                        + "    period: 2026-Q3\n"
                        + "    deals:\n"
                        + STUCK
                        + "    expect:\n"
                        + "      - { rule: PROC-STALE-STAGE, deal: D-1, stage: proposition }\n";

        // WHEN it runs
        RuleTestResult result = run(yaml);

        // THEN the deal is judged as of the end of 2026-Q3: stuck
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void should_judge_a_case_in_its_file_period_unless_it_gives_its_own() throws IOException {
        // GIVEN a file of period 2026-Q3, with a case that says 2026-Q2
        String yaml =
                "period: 2026-Q3\ncases:\n  - name: the file's period\n    deals:\n"
                        + STUCK
                        + "    expect:\n"
                        + "      - { rule: PROC-STALE-STAGE, deal: D-1, stage: proposition }\n"
                        + "  - name: the case's own period\n"
                        + "    period: 2026-Q2\n"
                        + "    deals:\n"
                        + STUCK
                        + "    expect: []\n";
        Problems problems = new Problems();
        List<RuleTestCase> cases = read(yaml, problems);
        RuleTestRunner runner = new RuleTestRunner(testing.workspace(), testing.rules());

        // WHEN both run
        // THEN each is judged in its period
        assertThat(cases).extracting(c -> c.period().label()).containsExactly("2026-Q3", "2026-Q2");
        assertThat(runner.run(cases.get(0)).differences()).isEmpty();
        assertThat(runner.run(cases.get(1)).differences()).isEmpty();
    }

    @Test
    void should_locate_a_period_that_is_not_one() throws IOException {
        // GIVEN a case whose period is misspelt
        Problems problems = new Problems();

        // WHEN the file is read
        read(
                "cases:\n  - name: a bad period\n    period: 2026-T3\n    deals:\n"
                        + STUCK
                        + "    expect: []\n",
                problems);

        // THEN the problem is located at the value
        assertThat(problems.all())
                .extracting(Object::toString)
                .containsExactly(
                        fr.vigie.common.DisplayPath.of(dir.resolve("stuck.test.yaml"))
                                + ":4:13: '2026-T3' is not a period: write a quarter (2026-Q3), a"
                                + " month (2026-07) or a year (2026)");
    }
}
