package fr.vigie.audit.waivers;

import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.Problems;
import fr.vigie.workspace.Person;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code waivers.yaml}: every waiver names what it accepts, why, who accepted it and until
 * when.
 */
public final class WaiverReader {

    private WaiverReader() {}

    public static List<Waiver> read(
            YamlNode root,
            Collection<RuleInfo> rules,
            Map<String, Person> people,
            Problems problems) {
        YamlObject file = YamlObject.of(root, "waivers.yaml", problems, "waivers");
        if (file == null) {
            return List.of();
        }
        Set<String> ruleIds = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<Waiver> waivers = new ArrayList<>();
        for (YamlNode node : file.list("waivers")) {
            YamlObject w =
                    YamlObject.of(
                            node,
                            "a waiver",
                            problems,
                            "finding",
                            "rule",
                            "deal",
                            "stage",
                            "justification",
                            "accepted-by",
                            "until");
            if (w == null) {
                continue;
            }
            String finding = w.text("finding");
            String rule = w.text("rule");
            if (finding != null && rule != null) {
                problems.error(
                        w.location(),
                        "a waiver names either a 'finding' id or a 'rule' (with its 'deal'), not"
                                + " both");
            } else if (finding == null && rule == null) {
                problems.error(
                        w.location(),
                        "a waiver needs a 'finding' id (F-...) or a 'rule' and its 'deal'");
            }
            if (finding != null && !finding.matches("F-[0-9A-HJKMNP-TV-Z]{12}")) {
                problems.error(
                        w.valueLocation("finding"),
                        "'"
                                + finding
                                + "' is not a finding id: copy it from findings.csv or the report"
                                + " (F- and 12 characters)");
            }
            if (rule != null && !ruleIds.contains(rule)) {
                problems.error(
                        w.valueLocation("rule"),
                        "unknown rule '" + rule + "'" + DidYouMean.hint(rule, ruleIds));
            }
            String justification = w.requiredText("justification");
            String acceptedBy = w.requiredText("accepted-by");
            Person.checkKnown(acceptedBy, people, w.valueLocation("accepted-by"), problems);
            LocalDate until = w.date("until");
            if (until == null && !w.has("until")) {
                problems.error(
                        w.location(),
                        "a waiver needs 'until': the date it ends (a waiver is never forever)");
            }
            if (until != null
                    && justification != null
                    && acceptedBy != null
                    && (finding != null || rule != null)) {
                waivers.add(
                        new Waiver(
                                finding,
                                rule,
                                w.text("deal"),
                                w.text("stage"),
                                justification,
                                acceptedBy,
                                until,
                                w.location()));
            }
        }
        return waivers;
    }
}
