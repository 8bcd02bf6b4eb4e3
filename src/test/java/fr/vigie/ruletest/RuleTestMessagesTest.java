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
 * A rule test case checks a finding's message in French ({@code message:}) and in English ({@code
 * message-en:}).
 */
class RuleTestMessagesTest {

    static final String FRENCH =
            "L'affaire D-1 (Client test) est restée 45 jours en Proposition (depuis le 2 juil."
                    + " 2026) ; le processus en autorise 20 jours.";
    static final String ENGLISH =
            "Deal D-1 (Client test) stayed 45 days in Proposition (since Jul 2, 2026); the process"
                    + " allows 20 days.";
    static PreparedWorkspace testing;
    @TempDir Path dir;

    @BeforeAll
    static void the_testing_workspace() {
        testing = PreparedWorkspace.load(Path.of("rules", "testing"), Path.of("rules"));
    }

    RuleTestResult run(String french, String english) throws IOException {
        Path file = dir.resolve("stale.test.yaml");
        Files.writeString(
                file,
                """
                rules: [PROC-STALE-STAGE]
                cases:
                  - name: a deal 45 days in proposal
                    deals:
                      - id: D-1
                        stages: [qualification 2026-07-01, proposition 2026-07-02, negociation 2026-08-16, perdu 2026-08-20]
                        lossReason: prix
                    expect:
                      - rule: PROC-STALE-STAGE
                        deal: D-1
                        message: "%s"
                        message-en: "%s"
                """
                        .formatted(french, english));
        Problems problems = new Problems();
        List<RuleTestCase> cases = RuleTestReader.read(file, testing.rules(), problems);
        assertThat(problems.all()).isEmpty();
        return new RuleTestRunner(testing.workspace(), testing.rules()).run(cases.get(0));
    }

    @Test
    void should_pass_when_both_messages_are_those_of_the_finding() throws IOException {
        // GIVEN the French and English messages of the finding
        // WHEN the case runs
        RuleTestResult result = run(FRENCH, ENGLISH);

        // THEN it passes
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void should_fail_on_a_wrong_english_message_showing_the_one_written() throws IOException {
        // GIVEN the right French message and an English one that says 30 days allowed
        // WHEN the case runs
        RuleTestResult result = run(FRENCH, ENGLISH.replace("allows 20", "allows 30"));

        // THEN it fails on the English message, showing the message the rule wrote
        assertThat(result.differences())
                .singleElement()
                .asString()
                .contains(
                        "expected PROC-STALE-STAGE on D-1 (line 9) with its English message, but it"
                                + " fired with:")
                .contains(ENGLISH);
    }

    @Test
    void should_fail_on_a_wrong_french_message_even_with_the_right_english_one()
            throws IOException {
        // GIVEN a French message that says 30 days allowed
        // WHEN the case runs
        RuleTestResult result = run(FRENCH.replace("autorise 20", "autorise 30"), ENGLISH);

        // THEN it fails on the French message, showing the message the rule wrote
        assertThat(result.differences())
                .first()
                .asString()
                .contains("expected PROC-STALE-STAGE on D-1 (line 9)")
                .contains("with message:")
                .contains(FRENCH);
    }
}
