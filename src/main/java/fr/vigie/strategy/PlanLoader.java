package fr.vigie.strategy;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.strategy.model.Plan;
import fr.vigie.strategy.model.TacticItem;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds and reads a workspace's plan for a period: {@code strategy.yaml} (the CEO's, optional) and
 * {@code tactics/<period>.yaml} (the sales director's, optional).
 */
public final class PlanLoader {

    public static final String STRATEGY_FILE = "strategy.yaml";
    public static final String TACTICS_DIR = "tactics";

    private PlanLoader() {}

    public static Plan load(Workspace workspace, Period period, Problems problems) {
        ClientFolder folder = workspace.folder();
        Path strategy = workspace.root().resolve(STRATEGY_FILE);
        Path tactics = workspace.root().resolve(TACTICS_DIR).resolve(period.label() + ".yaml");
        YamlNode strategyRoot =
                isFile(folder.find(STRATEGY_FILE)) ? read(strategy, problems) : null;
        YamlNode tacticsRoot =
                isFile(folder.find(TACTICS_DIR + "/" + period.label() + ".yaml"))
                        ? read(tactics, problems)
                        : null;
        if (strategyRoot == null && tacticsRoot == null) {
            return Plan.NONE;
        }
        Plan plan =
                new PlanReader(problems, workspace.settings().people())
                        .read(
                                strategyRoot,
                                DisplayPath.of(strategy),
                                tacticsRoot,
                                DisplayPath.of(tactics),
                                period);
        checkStageRules(workspace, plan, problems);
        return plan;
    }

    /** The stage rules the tactics change must name a process and a stage of the workspace. */
    private static void checkStageRules(Workspace workspace, Plan plan, Problems problems) {
        for (TacticItem change : plan.tactics()) {
            if (change.kind() != TacticItem.Kind.STAGE_RULE_CHANGE || change.id() == null) {
                continue;
            }
            Set<String> processes = new TreeSet<>();
            Set<String> stages = new TreeSet<>();
            for (SalesProcess process : workspace.processes()) {
                processes.add(process.id());
                if (change.process() == null || change.process().equals(process.id())) {
                    process.versions().stream()
                            .map(ProcessVersion::stageIds)
                            .forEach(stages::addAll);
                }
            }
            if (change.process() != null && !processes.contains(change.process())) {
                problems.error(
                        change.location(),
                        "unknown process '"
                                + change.process()
                                + "'"
                                + DidYouMean.hint(change.process(), processes));
            } else if (!stages.contains(change.id())) {
                problems.error(
                        change.location(),
                        "unknown stage '"
                                + change.id()
                                + "'"
                                + DidYouMean.hint(change.id(), stages));
            }
        }
    }

    /**
     * The periods that have a tactics file, e.g. 2026-Q3 for tactics/2026-Q3.yaml; others are
     * reported.
     */
    public static List<Period> tacticsPeriods(Workspace workspace, Problems problems) {
        Path dir = workspace.root().resolve(TACTICS_DIR);
        return workspace.folder().files(dir, name -> name.endsWith(".yaml")).stream()
                .map(
                        p -> {
                            String name = p.getFileName().toString().replaceAll("\\.yaml$", "");
                            Period period = Period.parse(name).orElse(null);
                            if (period == null) {
                                problems.error(
                                        Location.of(DisplayPath.of(p)),
                                        "a tactics file is named after its period, e.g."
                                                + " tactics/2026-Q3.yaml");
                            }
                            return period;
                        })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static boolean isFile(Path found) {
        return found != null && Files.isRegularFile(found);
    }

    private static YamlNode read(Path file, Problems problems) {
        return YamlReader.readInto(file, DisplayPath.of(file), problems);
    }
}
