package fr.vigie.ruletest;

import fr.vigie.common.Location;
import fr.vigie.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * One test case: a few deals, optionally a strategy and tactics (written as in strategy.yaml and
 * tactics/&lt;period&gt;.yaml), the findings expected of the rules under test (a finding without
 * a deal is one on the written plan), and the deals expected to be rejected.
 */
public record RuleTestCase(
    String file,
    Location location,
    String name,
    Set<String> rulesUnderTest,
    List<YamlNode> deals,
    YamlNode strategy,
    YamlNode tactics,
    YamlNode figures,
    List<Expected> expected,
    List<ExpectedRejection> rejected) {

  /** A finding the case expects: rule and deal (none for a finding on the plan), and optionally stage and exact message. */
  public record Expected(String rule, String deal, String stage, String message, Location location) {}

  /** A deal the case expects to be rejected, with a part of the reason. */
  public record ExpectedRejection(String deal, String reasonContains, Location location) {}
}
