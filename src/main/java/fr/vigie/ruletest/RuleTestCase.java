package fr.vigie.ruletest;

import fr.vigie.common.Location;
import fr.vigie.workspace.Period;
import fr.vigie.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * One test case: a few deals, optionally a strategy and tactics (written as in strategy.yaml and
 * tactics/&lt;period&gt;.yaml), the findings expected of the rules under test (a finding without a
 * deal is one on the written plan), and the deals expected to be rejected.
 *
 * @param period the period the deals are judged in, as the case or its file says; null to take it
 *     from the case's tactics, else from its deals (the quarter of their latest date)
 */
public record RuleTestCase(
        String file,
        Location location,
        String name,
        Set<String> rulesUnderTest,
        Period period,
        List<YamlNode> deals,
        YamlNode strategy,
        YamlNode tactics,
        YamlNode figures,
        List<Expected> expected,
        List<ExpectedRejection> rejected) {

    /**
     * A finding the case expects: rule and deal (none for a finding on the plan), and optionally
     * stage and exact message, in French ({@code message:}) and in English ({@code message-en:}).
     */
    public record Expected(
            String rule,
            String deal,
            String stage,
            String message,
            String messageEn,
            Location location) {}

    /** A deal the case expects to be rejected, with a part of the reason. */
    public record ExpectedRejection(String deal, String reasonContains, Location location) {}
}
