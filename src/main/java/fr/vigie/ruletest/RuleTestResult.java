package fr.vigie.ruletest;

import java.util.List;
import java.util.Set;

/**
 * How one case went: passed, or the differences between what was expected and what happened; and,
 * for coverage, the process stages its deals went through ("process/stage") and the places of the
 * strategy and tactics its findings cite.
 */
public record RuleTestResult(
        RuleTestCase testCase,
        List<String> differences,
        Set<String> touchedStages,
        Set<String> citedPlaces) {

    public RuleTestResult {
        differences = List.copyOf(differences);
        touchedStages = Set.copyOf(touchedStages);
        citedPlaces = Set.copyOf(citedPlaces);
    }

    public boolean passed() {
        return differences.isEmpty();
    }

    /** "file:line: name" then one indented line per difference. */
    public String describe() {
        StringBuilder text = new StringBuilder(testCase.location() + ": " + testCase.name());
        differences.forEach(d -> text.append("\n    ").append(d));
        return text.toString();
    }
}
