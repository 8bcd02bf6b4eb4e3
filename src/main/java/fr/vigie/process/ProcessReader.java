package fr.vigie.process;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Location;
import fr.vigie.common.Outcome;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ApprovalRule;
import fr.vigie.process.model.BackwardMove;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.Requirements;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.process.model.Selector;
import fr.vigie.process.model.StageSpec;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one process file. A process has either {@code versions:} (each with an {@code
 * effective-from} date) or the version keys at top level for a single version.
 */
public final class ProcessReader {

    private static final String[] VERSION_KEYS = {
        "stages", "outcomes", "backward-moves-allowed", "approvals", "rules"
    };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final Problems problems;

    public ProcessReader(Problems problems) {
        this.problems = problems;
    }

    public SalesProcess read(YamlNode root) {
        List<String> keys = new ArrayList<>(List.of("process", "title", "applies-to", "versions"));
        keys.addAll(List.of(VERSION_KEYS));
        YamlObject file =
                YamlObject.of(root, "the process file", problems, keys.toArray(String[]::new));
        if (file == null) {
            return null;
        }
        String id = file.requiredText("process");
        String title = file.text("title");
        Selector selector = readSelector(file);
        List<ProcessVersion> versions = new ArrayList<>();
        if (file.has("versions")) {
            for (String key : VERSION_KEYS) {
                if (file.has(key)) {
                    problems.error(
                            file.locationOf(key),
                            "'"
                                    + key
                                    + "' is written both at top level and under 'versions': move it"
                                    + " into a version");
                }
            }
            readVersions(file, id, versions);
        } else {
            versions.add(readVersion(file, id, "1", null));
        }
        return id == null
                ? null
                : new SalesProcess(
                        id, title == null ? id : title, selector, versions, file.location());
    }

    private void readVersions(YamlObject file, String processId, List<ProcessVersion> versions) {
        Map<String, Location> names = new HashMap<>();
        LocalDate previous = null;
        List<YamlNode> items = file.list("versions");
        if (items.isEmpty()) {
            problems.error(file.locationOf("versions"), "'versions' needs at least one version");
        }
        for (int i = 0; i < items.size(); i++) {
            List<String> keys = new ArrayList<>(List.of("version", "effective-from"));
            keys.addAll(List.of(VERSION_KEYS));
            YamlObject item =
                    YamlObject.of(
                            items.get(i),
                            "version " + (i + 1),
                            problems,
                            keys.toArray(String[]::new));
            if (item == null) {
                continue;
            }
            String name = item.requiredText("version");
            LocalDate from = item.date("effective-from");
            if (name != null && names.putIfAbsent(name, item.location()) != null) {
                problems.error(
                        item.valueLocation("version"), "version '" + name + "' is declared twice");
            }
            if (i > 0 && from == null && !item.has("effective-from")) {
                problems.error(
                        item.location(),
                        "version '"
                                + name
                                + "' needs 'effective-from' (only the first version may omit it)");
            }
            if (from != null && previous != null && !from.isAfter(previous)) {
                problems.error(
                        item.valueLocation("effective-from"),
                        "versions must be listed by date: "
                                + from
                                + " is not after the previous version's "
                                + previous);
            }
            if (from != null) {
                previous = from;
            }
            versions.add(readVersion(item, processId, name == null ? "?" : name, from));
        }
    }

    private Selector readSelector(YamlObject file) {
        YamlObject selector =
                file.object(
                        "applies-to", "'applies-to'", "pipelines", "types", "segments", "amount");
        if (selector == null) {
            return Selector.FALLBACK;
        }
        BigDecimal min = null;
        BigDecimal max = null;
        YamlObject amount = selector.object("amount", "'applies-to.amount'", "min", "max");
        if (amount != null) {
            min = amount.decimal("min", BigDecimal.ZERO, MAX_AMOUNT);
            max = amount.decimal("max", BigDecimal.ZERO, MAX_AMOUNT);
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.error(
                        amount.valueLocation("min"),
                        "contradictory amounts: min "
                                + min.toPlainString()
                                + " is above max "
                                + max.toPlainString());
            }
        }
        return new Selector(
                values(selector, "pipelines"),
                values(selector, "types"),
                values(selector, "segments"),
                min,
                max,
                false);
    }

    private static Set<String> values(YamlObject object, String key) {
        return object.texts(key).stream()
                .map(YamlObject.Located::value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private ProcessVersion readVersion(
            YamlObject item, String processId, String version, LocalDate from) {
        List<StageSpec> stages = new ArrayList<>();
        Map<String, StageSpec> byId = new LinkedHashMap<>();
        List<YamlNode> stageNodes = item.list("stages");
        if (stageNodes.isEmpty()) {
            problems.error(item.locationOf("stages"), "the process needs 'stages', in order");
        }
        for (YamlNode node : stageNodes) {
            StageSpec stage = readStage(node, processId, version, stages.size());
            if (stage != null) {
                if (byId.containsKey(stage.id())) {
                    problems.error(
                            stage.location(), "stage '" + stage.id() + "' is declared twice");
                    continue;
                }
                stages.add(stage);
                byId.put(stage.id(), stage);
            }
        }
        readOutcomes(item, processId, version, stages, byId);
        Set<BackwardMove> backward = readBackwardMoves(item, byId);
        List<ApprovalRule> approvals = readApprovals(item, processId, version, byId);
        Map<String, RuleSetting> rules = RuleSettingsReader.read(item, "rules", problems);
        return new ProcessVersion(
                processId, version, from, stages, backward, approvals, rules, item.location());
    }

    private StageSpec readStage(YamlNode node, String processId, String version, int order) {
        YamlObject stage =
                YamlObject.of(
                        node,
                        "stage " + (order + 1),
                        problems,
                        "id",
                        "name",
                        "max-days",
                        "skip",
                        "exit");
        if (stage == null) {
            return null;
        }
        String id = stage.requiredText("id");
        String label = stage.text("name");
        Integer maxDays = stage.integer("max-days", 1, 3650);
        String skip = stage.choice("skip", "forbidden", "allowed");
        Requirements exit =
                readRequirements(stage, "exit", "exit requirements of stage '" + id + "'");
        if (id == null) {
            return null;
        }
        return new StageSpec(
                processId,
                version,
                id,
                label == null ? id : label,
                order,
                maxDays,
                "allowed".equals(skip),
                exit,
                null,
                stage.location());
    }

    private Requirements readRequirements(YamlObject owner, String key, String what) {
        YamlObject requirements = owner.object(key, what, "activities", "fields", "documents");
        if (requirements == null) {
            return Requirements.NONE;
        }
        java.util.Map<String, fr.vigie.common.Location> fieldLocations = new java.util.HashMap<>();
        requirements
                .texts("fields")
                .forEach(f -> fieldLocations.putIfAbsent(f.value(), f.location()));
        return new Requirements(
                names(requirements, "activities"),
                names(requirements, "fields"),
                names(requirements, "documents"),
                fieldLocations);
    }

    private static List<String> names(YamlObject object, String key) {
        return object.texts(key).stream().map(YamlObject.Located::value).distinct().toList();
    }

    private void readOutcomes(
            YamlObject item,
            String processId,
            String version,
            List<StageSpec> stages,
            Map<String, StageSpec> byId) {
        YamlObject outcomes = item.object("outcomes", "'outcomes'", "won", "lost");
        if (outcomes == null) {
            problems.error(
                    item.locationOf("stages"),
                    "the process needs 'outcomes' with the 'won' and 'lost' stages");
            return;
        }
        int order = stages.size();
        for (Outcome outcome : List.of(Outcome.WON, Outcome.LOST)) {
            String key = outcome == Outcome.WON ? "won" : "lost";
            YamlObject terminal =
                    outcomes.object(key, "outcome '" + key + "'", "stage", "name", "requires");
            if (terminal == null) {
                problems.error(outcomes.location(), "'outcomes' needs '" + key + "'");
                continue;
            }
            String id = terminal.requiredText("stage");
            String label = terminal.text("name");
            Requirements requires =
                    readRequirements(terminal, "requires", "requirements of outcome '" + key + "'");
            if (id == null) {
                continue;
            }
            if (byId.containsKey(id)) {
                problems.error(
                        terminal.valueLocation("stage"),
                        "stage '"
                                + id
                                + "' is both an ordinary stage and the '"
                                + key
                                + "' outcome: give the outcome its own stage");
                continue;
            }
            StageSpec spec =
                    new StageSpec(
                            processId,
                            version,
                            id,
                            label == null ? id : label,
                            order,
                            null,
                            false,
                            requires,
                            outcome,
                            terminal.location());
            stages.add(spec);
            byId.put(id, spec);
        }
    }

    private Set<BackwardMove> readBackwardMoves(YamlObject item, Map<String, StageSpec> byId) {
        Set<BackwardMove> moves = new LinkedHashSet<>();
        for (YamlNode node : item.list("backward-moves-allowed")) {
            YamlObject move = YamlObject.of(node, "a backward move", problems, "from", "to");
            if (move == null) {
                continue;
            }
            StageSpec from = stageRef(move, "from", byId);
            StageSpec to = stageRef(move, "to", byId);
            if (from == null || to == null) {
                continue;
            }
            if (from.order() <= to.order() && !from.isTerminal()) {
                problems.error(
                        move.location(),
                        "impossible backward move: '"
                                + from.id()
                                + "' comes before '"
                                + to.id()
                                + "' in the stages, so this move goes forward; list backward moves"
                                + " from a later stage to an earlier one");
                continue;
            }
            moves.add(new BackwardMove(from.id(), to.id()));
        }
        return moves;
    }

    private StageSpec stageRef(YamlObject owner, String key, Map<String, StageSpec> byId) {
        String id = owner.requiredText(key);
        if (id == null) {
            return null;
        }
        StageSpec stage = byId.get(id);
        if (stage == null) {
            problems.error(
                    owner.valueLocation(key),
                    "unknown stage '"
                            + id
                            + "' in "
                            + owner.what()
                            + DidYouMean.hint(id, byId.keySet()));
        }
        return stage;
    }

    private List<ApprovalRule> readApprovals(
            YamlObject item, String processId, String version, Map<String, StageSpec> byId) {
        List<ApprovalRule> approvals = new ArrayList<>();
        for (YamlNode node : item.list("approvals")) {
            YamlObject approval =
                    YamlObject.of(node, "an approval", problems, "when", "by", "before");
            if (approval == null) {
                continue;
            }
            YamlObject when =
                    approval.object(
                            "when",
                            "the approval's 'when'",
                            "discount-above",
                            "discount-up-to",
                            "amount-above");
            if (when == null) {
                problems.error(
                        approval.location(),
                        "the approval needs 'when' (for example discount-above: 10)");
                continue;
            }
            BigDecimal above = when.decimal("discount-above", BigDecimal.ZERO, HUNDRED);
            BigDecimal upTo = when.decimal("discount-up-to", BigDecimal.ZERO, HUNDRED);
            BigDecimal amountAbove = when.decimal("amount-above", BigDecimal.ZERO, MAX_AMOUNT);
            if (above == null && !when.has("discount-above")) {
                problems.error(
                        when.location(),
                        "the approval's 'when' needs 'discount-above' (in percent)");
            }
            if (above != null && upTo != null && upTo.compareTo(above) <= 0) {
                problems.error(
                        when.valueLocation("discount-up-to"),
                        "contradictory thresholds: discount-up-to "
                                + upTo.toPlainString()
                                + " is not above discount-above "
                                + above.toPlainString());
            }
            List<String> roles = names(approval, "by");
            if (roles.isEmpty()) {
                problems.error(
                        approval.location(), "the approval needs 'by': the roles that may give it");
            }
            StageSpec before = approval.has("before") ? stageRef(approval, "before", byId) : null;
            if (above != null && !roles.isEmpty()) {
                approvals.add(
                        new ApprovalRule(
                                processId,
                                version,
                                above,
                                upTo,
                                amountAbove,
                                roles,
                                before == null ? null : before.id(),
                                before == null ? null : before.label(),
                                approval.location()));
            }
        }
        checkOverlaps(approvals);
        return approvals;
    }

    private void checkOverlaps(List<ApprovalRule> approvals) {
        for (int i = 0; i < approvals.size(); i++) {
            for (int j = i + 1; j < approvals.size(); j++) {
                ApprovalRule a = approvals.get(i);
                ApprovalRule b = approvals.get(j);
                if (a.discountAbove().compareTo(b.discountAbove()) == 0
                        && java.util.Objects.equals(a.amountAbove(), b.amountAbove())
                        && !a.roles().equals(b.roles())) {
                    problems.error(
                            b.location(),
                            "contradictory approvals: a discount above "
                                    + b.discountAbove().toPlainString()
                                    + "% needs "
                                    + b.rolesText()
                                    + " here but "
                                    + a.rolesText()
                                    + " at line "
                                    + a.location().line()
                                    + ": merge them into one approval with both roles in 'by'");
                }
            }
        }
    }
}
