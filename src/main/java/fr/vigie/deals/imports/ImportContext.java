package fr.vigie.deals.imports;

import fr.vigie.common.Outcome;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an importer needs to know of the workspace: its time zone (instants are given at its
 * offset, dates alone start their day there), the stages of its processes (the targets of a stage
 * mapping) and which of them close a deal, and its people (to name CRM users as the workspace does).
 */
public record ImportContext(ZoneId zone, Set<String> stages, Map<String, Outcome> closingStages, List<Person> people) {

  /** Someone of the workspace: the id deals name them by, their name and team. */
  public record Person(String id, String name, String team) {}

  public ImportContext {
    stages = Set.copyOf(stages);
    closingStages = Map.copyOf(closingStages);
    people = List.copyOf(people);
  }

  /** The only stage that closes deals with {@code outcome} in every process, or null when processes differ. */
  public String onlyStage(Outcome outcome) {
    Set<String> found = new java.util.TreeSet<>();
    closingStages.forEach((stage, closes) -> {
      if (closes == outcome) {
        found.add(stage);
      }
    });
    return found.size() == 1 ? found.iterator().next() : null;
  }
}
