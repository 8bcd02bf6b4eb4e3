package fr.vigie.audit.model;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.common.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldedTest {

    private static Finding finding(String id, String causedBy) {
        return new Finding(
                id,
                "R-" + id,
                "1",
                "D-1",
                "Deal",
                "Account",
                "owner",
                "team",
                Severity.MAJOR,
                Lever.PROCESS,
                null,
                "title",
                "message " + id,
                Map.of(),
                "deals.jsonl:1",
                causedBy);
    }

    @Test
    void should_fold_consequences_and_their_own_consequences_under_the_root_cause() {
        // GIVEN a cause, a consequence, a consequence of that consequence, and an unrelated finding
        Finding cause = finding("A", null);
        List<Finding> findings =
                List.of(cause, finding("B", "A"), finding("C", "B"), finding("D", null));
        // WHEN
        List<Folded> folded = Folded.of(findings);
        // THEN
        assertThat(folded).extracting(f -> f.cause().id()).containsExactly("A", "D");
        assertThat(folded.get(0).consequences()).extracting(Finding::id).containsExactly("B", "C");
        assertThat(Folded.causes(findings)).extracting(Finding::id).containsExactly("A", "D");
    }

    @Test
    void should_count_a_consequence_as_a_cause_when_its_cause_is_not_there_any_more() {
        // GIVEN a consequence whose cause a waiver accepted (it is not among the deal's findings)
        List<Finding> findings = List.of(finding("B", "A"));
        // WHEN / THEN it is not hidden
        assertThat(Folded.causes(findings)).extracting(Finding::id).containsExactly("B");
        assertThat(Folded.of(findings))
                .singleElement()
                .satisfies(f -> assertThat(f.consequences()).isEmpty());
    }
}
