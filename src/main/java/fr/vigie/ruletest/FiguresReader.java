package fr.vigie.ruletest;

import fr.vigie.audit.facts.ReportFigures;
import fr.vigie.common.Problems;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code figures:} of a test case into the facts the report's recommendation rules reason
 * over: {@code run}, {@code findings} (per rule), {@code deals} (how many deals have findings of
 * exactly these {@code rules}; without it, each rule's deals are taken as deals of their own),
 * {@code steps}, {@code people}, {@code pays}.
 */
final class FiguresReader {

    private static final BigDecimal MAX = new BigDecimal("1000000000");

    private FiguresReader() {}

    static List<Object> read(YamlNode node, Problems problems) {
        List<Object> facts = new ArrayList<>();
        YamlObject figures =
                YamlObject.of(
                        node,
                        "'figures'",
                        problems,
                        "run",
                        "findings",
                        "deals",
                        "steps",
                        "people",
                        "pays");
        if (figures == null) {
            return facts;
        }
        long audited = 0;
        YamlObject run =
                figures.object(
                        "run",
                        "'figures.run'",
                        "audited",
                        "non-conforming",
                        "written-contradictions",
                        "decisions-against-strategy",
                        "rights-issues");
        if (run != null) {
            audited = number(run, "audited");
            facts.add(
                    new ReportFigures.Run(
                            audited,
                            number(run, "non-conforming"),
                            number(run, "written-contradictions"),
                            number(run, "decisions-against-strategy"),
                            number(run, "rights-issues")));
        }
        boolean combinations = !figures.list("deals").isEmpty();
        for (YamlNode item : figures.list("findings")) {
            YamlObject f =
                    YamlObject.of(
                            item,
                            "a rule's findings",
                            problems,
                            "rule",
                            "deals",
                            "findings",
                            "topic");
            if (f != null) {
                long deals = number(f, "deals");
                String rule = f.requiredText("rule");
                String topic =
                        f.text("topic") == null
                                ? (rule != null && rule.startsWith("DATA-") ? "data" : "process")
                                : f.text("topic");
                facts.add(
                        new ReportFigures.RuleFindings(
                                rule,
                                null,
                                topic,
                                f.has("findings") ? number(f, "findings") : deals,
                                deals,
                                audited));
                if (!combinations && rule != null) {
                    facts.add(new ReportFigures.DealsWith(Set.of(rule), Set.of(topic), deals));
                }
            }
        }
        for (YamlNode item : figures.list("deals")) {
            YamlObject d =
                    YamlObject.of(
                            item,
                            "deals with the same findings",
                            problems,
                            "rules",
                            "count",
                            "topics");
            if (d != null) {
                Set<String> rules =
                        new TreeSet<>(
                                d.texts("rules").stream().map(YamlObject.Located::value).toList());
                Set<String> topics =
                        new TreeSet<>(
                                d.texts("topics").stream().map(YamlObject.Located::value).toList());
                if (topics.isEmpty()) {
                    rules.forEach(r -> topics.add(r.startsWith("DATA-") ? "data" : "process"));
                }
                facts.add(new ReportFigures.DealsWith(rules, topics, number(d, "count")));
            }
        }
        for (YamlNode item : figures.list("steps")) {
            YamlObject s =
                    YamlObject.of(
                            item,
                            "a step",
                            problems,
                            "process",
                            "stage",
                            "label",
                            "terminal",
                            "reached",
                            "flagged");
            if (s != null) {
                facts.add(
                        new ReportFigures.Step(
                                s.text("process"),
                                s.requiredText("stage"),
                                s.text("label") == null ? s.text("stage") : s.text("label"),
                                Boolean.TRUE.equals(s.bool("terminal")),
                                number(s, "reached"),
                                number(s, "flagged")));
            }
        }
        for (YamlNode item : figures.list("people")) {
            YamlObject p =
                    YamlObject.of(
                            item,
                            "a person",
                            problems,
                            "owner",
                            "name",
                            "deals",
                            "flagged",
                            "average-share");
            if (p != null) {
                BigDecimal average =
                        p.decimal("average-share", BigDecimal.ZERO, BigDecimal.valueOf(100));
                facts.add(
                        new ReportFigures.Person(
                                p.requiredText("owner"),
                                p.text("name") == null ? p.text("owner") : p.text("name"),
                                number(p, "deals"),
                                number(p, "flagged"),
                                average == null ? BigDecimal.ZERO : average));
            }
        }
        YamlObject pays =
                figures.object(
                        "pays",
                        "'figures.pays'",
                        "followed-closed",
                        "followed-won",
                        "deviated-closed",
                        "deviated-won");
        if (pays != null) {
            facts.add(
                    new ReportFigures.ProcessPays(
                            number(pays, "followed-closed"),
                            number(pays, "followed-won"),
                            number(pays, "deviated-closed"),
                            number(pays, "deviated-won")));
        }
        return facts;
    }

    private static long number(YamlObject object, String key) {
        BigDecimal value = object.decimal(key, BigDecimal.ZERO, MAX);
        return value == null ? 0 : value.longValue();
    }
}
