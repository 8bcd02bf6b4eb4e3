package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigie test --coverage gives a percentage of rules, stages and plan items; --threshold fails under
 * it.
 */
class CoverageThresholdTest {

    @TempDir Path dir;
    Path workspace;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void a_workspace_with_one_test() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.createDirectories(workspace.resolve("tests"));
        Files.writeString(
                workspace.resolve("tests/skip.test.yaml"),
                """
                cases:
                  - name: skipping the proposal is flagged
                    rules: [PROC-SKIP-STAGE]
                    deals:
                      - stages: [qualification 2026-07-01, negociation 2026-07-10]
                    expect:
                      - { rule: PROC-SKIP-STAGE, deal: D-1, stage: proposition }
                """);
    }

    int vigie(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliTest.withTestRules(out, err, args);
    }

    static final Pattern SECTION =
            Pattern.compile(
                    "(?m)^(Rules no test makes fire|Process stages no test deal goes"
                        + " through|Strategy and tactics items no test finding cites) \\((\\d+) of"
                        + " (\\d+)\\)");
    static final Pattern TOTAL =
            Pattern.compile(
                    "(?m)^coverage (\\d+\\.\\d)% \\((\\d+) of (\\d+)\\): rules (\\d+) of (\\d+)"
                            + " \\(\\d+\\.\\d%\\), stages (\\d+) of (\\d+) \\(\\d+\\.\\d%\\), plan"
                            + " items (\\d+) of (\\d+) \\(\\d+\\.\\d%\\)$");

    @Test
    void should_give_the_coverage_as_a_percentage_that_adds_up_from_its_lists() {
        // WHEN
        int code = vigie("test", workspace.toString(), "--coverage", "--no-standard");
        // THEN the covered count is the total less what each list names
        assertThat(code).isZero();
        int uncovered = 0;
        int total = 0;
        Matcher section = SECTION.matcher(out.toString());
        while (section.find()) {
            uncovered += Integer.parseInt(section.group(2));
            total += Integer.parseInt(section.group(3));
        }
        Matcher line = TOTAL.matcher(out.toString());
        assertThat(line.find()).as(out.toString()).isTrue();
        assertThat(Integer.parseInt(line.group(3))).isEqualTo(total).isGreaterThan(0);
        assertThat(Integer.parseInt(line.group(2)))
                .isEqualTo(total - uncovered)
                .isGreaterThanOrEqualTo(2);
        assertThat(new BigDecimal(line.group(1)))
                .isEqualByComparingTo(
                        BigDecimal.valueOf((total - uncovered) * 100L)
                                .divide(BigDecimal.valueOf(total), 1, RoundingMode.DOWN));
        assertThat(Integer.parseInt(line.group(4))).isEqualTo(1);
    }

    @Test
    void should_fail_under_the_threshold_and_pass_at_or_above_it() {
        // WHEN
        int under = vigie("test", workspace.toString(), "--no-standard", "--threshold", "100");
        String underText = out.toString();
        int above = vigie("test", workspace.toString(), "--no-standard", "--threshold", "0");
        // THEN
        assertThat(under).isEqualTo(ExitCodes.FINDINGS);
        assertThat(underText)
                .containsPattern("(?m)^coverage \\d+\\.\\d% is under --threshold 100%$")
                .contains("1 passed, 0 failed");
        assertThat(above).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .containsPattern("(?m)^coverage \\d+\\.\\d% is at or above --threshold 0%$");
    }

    @Test
    void should_refuse_a_threshold_outside_0_to_100() {
        assertThat(vigie("test", workspace.toString(), "--threshold", "101"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .startsWith(
                        "vigie test: --threshold must be a whole number from 0 to 100, not '101'");
    }
}
