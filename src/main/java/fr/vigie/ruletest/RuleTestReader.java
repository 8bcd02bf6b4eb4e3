package fr.vigie.ruletest;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Problems;
import fr.vigie.workspace.Period;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import fr.vigie.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a rule test file ({@code *.test.yaml}). The rules under test are those listed under a
 * case's {@code rules:}, else under the file's {@code rules:}, else the rules of the DRL file of
 * the same name beside it, else all rules. The period the deals are judged in is the case's {@code
 * period:}, else the file's, else the runner's choice (the tactics', else the deals').
 */
public final class RuleTestReader {

    private RuleTestReader() {}

    public static List<RuleTestCase> read(Path file, RuleBase rules, Problems problems) {
        String display = DisplayPath.of(file);
        YamlNode root = YamlReader.read(file, display);
        YamlObject top = YamlObject.of(root, display, problems, "rules", "period", "cases");
        if (top == null) {
            return List.of();
        }
        Set<String> known = rules.catalog().stream().map(RuleInfo::id).collect(Collectors.toSet());
        Set<String> underTest = new LinkedHashSet<>();
        for (YamlObject.Located<String> rule : top.texts("rules")) {
            if (!known.contains(rule.value())) {
                problems.error(
                        rule.location(),
                        "unknown rule '"
                                + rule.value()
                                + "'"
                                + DidYouMean.hint(rule.value(), known));
            }
            underTest.add(rule.value());
        }
        if (underTest.isEmpty()) {
            underTest.addAll(rulesOfSiblingDrl(file, rules));
        }
        if (underTest.isEmpty()) {
            underTest.addAll(known);
        }
        Period filePeriod = period(top, problems);
        List<RuleTestCase> cases = new ArrayList<>();
        List<YamlNode> items = top.list("cases");
        if (items.isEmpty()) {
            problems.error(
                    top.location(),
                    "a test file needs 'cases:', each with 'name', 'deals' and 'expect'");
        }
        for (YamlNode item : items) {
            YamlObject c =
                    YamlObject.of(
                            item,
                            "a test case",
                            problems,
                            "name",
                            "rules",
                            "period",
                            "deals",
                            "strategy",
                            "tactics",
                            "figures",
                            "expect",
                            "rejected");
            if (c == null) {
                continue;
            }
            String name = c.requiredText("name");
            Set<String> caseRules = underTest;
            if (c.has("rules")) {
                caseRules = new LinkedHashSet<>();
                for (YamlObject.Located<String> rule : c.texts("rules")) {
                    if (!known.contains(rule.value())) {
                        problems.error(
                                rule.location(),
                                "unknown rule '"
                                        + rule.value()
                                        + "'"
                                        + DidYouMean.hint(rule.value(), known));
                    }
                    caseRules.add(rule.value());
                }
            }
            List<RuleTestCase.Expected> expected = new ArrayList<>();
            for (YamlNode e : c.list("expect")) {
                YamlObject finding =
                        YamlObject.of(
                                e,
                                "an expected finding",
                                problems,
                                "rule",
                                "deal",
                                "stage",
                                "message",
                                "message-en");
                if (finding == null) {
                    continue;
                }
                String rule = finding.requiredText("rule");
                if (rule != null && !caseRules.contains(rule)) {
                    problems.error(
                            finding.valueLocation("rule"),
                            "rule "
                                    + rule
                                    + " is not under test in this file"
                                    + (known.contains(rule)
                                            ? "; add it to 'rules:'"
                                            : DidYouMean.hint(rule, known)));
                }
                expected.add(
                        new RuleTestCase.Expected(
                                rule,
                                finding.text("deal"),
                                finding.text("stage"),
                                finding.text("message"),
                                finding.text("message-en"),
                                finding.location()));
            }
            List<RuleTestCase.ExpectedRejection> rejected = new ArrayList<>();
            for (YamlNode r : c.list("rejected")) {
                YamlObject rejection =
                        YamlObject.of(r, "an expected rejection", problems, "deal", "reason");
                if (rejection != null) {
                    rejected.add(
                            new RuleTestCase.ExpectedRejection(
                                    rejection.requiredText("deal"),
                                    rejection.text("reason"),
                                    rejection.location()));
                }
            }
            if (c.list("deals").isEmpty()
                    && !c.has("strategy")
                    && !c.has("tactics")
                    && !c.has("figures")) {
                problems.error(
                        c.location(),
                        "test case '"
                                + name
                                + "' needs 'deals', a 'strategy' and 'tactics', or 'figures' to"
                                + " check");
            }
            Period casePeriod = c.has("period") ? period(c, problems) : filePeriod;
            cases.add(
                    new RuleTestCase(
                            display,
                            c.location(),
                            name,
                            caseRules,
                            casePeriod,
                            c.list("deals"),
                            c.node("strategy"),
                            c.node("tactics"),
                            c.node("figures"),
                            expected,
                            rejected));
        }
        return cases;
    }

    /** The object's {@code period:}, or null without one; a value that is no period is reported. */
    private static Period period(YamlObject object, Problems problems) {
        String text = object.text("period");
        if (text == null) {
            return null;
        }
        Period period = Period.parse(text).orElse(null);
        if (period == null) {
            problems.error(
                    object.valueLocation("period"),
                    "'"
                            + text
                            + "' is not a period: write a quarter (2026-Q3), a month (2026-07) or a"
                            + " year (2026)");
        }
        return period;
    }

    private static Set<String> rulesOfSiblingDrl(Path file, RuleBase rules) {
        String name = file.getFileName().toString().replaceAll("\\.test\\.ya?ml$", ".drl");
        String drl = DisplayPath.of(file.resolveSibling(name));
        return rules.catalog().stream()
                .filter(r -> r.location().file().equals(drl))
                .map(RuleInfo::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
