package fr.vigie.ruletest;

import java.util.List;

/** How one case went: passed, or the differences between what was expected and what happened. */
public record RuleTestResult(RuleTestCase testCase, List<String> differences) {

  public RuleTestResult {
    differences = List.copyOf(differences);
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
