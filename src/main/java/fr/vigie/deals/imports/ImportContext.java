package fr.vigie.deals.imports;

import fr.vigie.common.Outcome;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an importer needs to know of the workspace: its time zone (instants are given at its offset,
 * dates alone start their day there), the stages of its processes (the targets of a stage mapping)
 * and which of them close a deal, its people (to name CRM users as the workspace does), and the
 * activity types, document types and roles its processes and people name (what a mapping may map
 * to; empty when the workspace names none, and then not checked).
 */
public record ImportContext(
        ZoneId zone,
        Set<String> stages,
        Map<String, Outcome> closingStages,
        List<Person> people,
        Set<String> activityTypes,
        Set<String> documentTypes,
        Set<String> roles) {

    /** Someone of the workspace: the id deals name them by, their name and team. */
    public record Person(String id, String name, String team) {}

    public ImportContext {
        stages = Set.copyOf(stages);
        closingStages = Map.copyOf(closingStages);
        people = List.copyOf(people);
        activityTypes = Set.copyOf(activityTypes);
        documentTypes = Set.copyOf(documentTypes);
        roles = Set.copyOf(roles);
    }

    /** A workspace that names no activity type, document type or role. */
    public ImportContext(
            ZoneId zone,
            Set<String> stages,
            Map<String, Outcome> closingStages,
            List<Person> people) {
        this(zone, stages, closingStages, people, Set.of(), Set.of(), Set.of());
    }

    /**
     * The only stage that closes deals with {@code outcome} in every process, or null when
     * processes differ.
     */
    public String onlyStage(Outcome outcome) {
        Set<String> found = new java.util.TreeSet<>();
        closingStages.forEach(
                (stage, closes) -> {
                    if (closes == outcome) {
                        found.add(stage);
                    }
                });
        return found.size() == 1 ? found.iterator().next() : null;
    }
}
