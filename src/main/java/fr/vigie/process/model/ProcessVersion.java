package fr.vigie.process.model;

import fr.vigie.common.Location;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One dated version of a process: the stages, moves, approvals and rule settings in force. */
public record ProcessVersion(
        String process,
        String version,
        LocalDate effectiveFrom,
        List<StageSpec> stages,
        Set<BackwardMove> allowedBackward,
        List<ApprovalRule> approvals,
        Map<String, RuleSetting> ruleSettings,
        Location location) {

    public ProcessVersion {
        stages = List.copyOf(stages);
        allowedBackward = Set.copyOf(allowedBackward);
        approvals = List.copyOf(approvals);
        ruleSettings =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ruleSettings));
    }

    public Optional<StageSpec> stage(String id) {
        for (StageSpec stage : stages) {
            if (stage.id().equals(id)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    public List<String> stageIds() {
        return stages.stream().map(StageSpec::id).toList();
    }

    public boolean allowsBackward(String from, String to) {
        return allowedBackward.contains(new BackwardMove(from, to));
    }

    public String label() {
        return process + " " + version;
    }
}
