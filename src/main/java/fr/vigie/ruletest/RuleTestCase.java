package fr.vigie.ruletest;

import fr.vigie.problem.Location;
import fr.vigie.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * One test case: a few deals, the findings expected of the rules under test, and the deals
 * expected to be rejected.
 */
public record RuleTestCase(
    String file,
    Location location,
    String name,
    Set<String> rulesUnderTest,
    List<YamlNode> deals,
    List<Expected> expected,
    List<ExpectedRejection> rejected) {

  /** A finding the case expects: rule and deal, and optionally stage and exact message. */
  public record Expected(String rule, String deal, String stage, String message, Location location) {}

  /** A deal the case expects to be rejected, with a part of the reason. */
  public record ExpectedRejection(String deal, String reasonContains, Location location) {}
}
