package fr.vigie.workspace;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import java.util.Map;

/** Someone at the client who appears in the deals: display name, role and team. */
public record Person(String id, String name, String role, String team) {

    /**
     * Reports {@code id} at {@code where} when vigie.yaml lists people and not this one (a file may
     * name people only when it lists none).
     */
    public static void checkKnown(
            String id, Map<String, Person> people, Location where, Problems problems) {
        if (id != null && !people.isEmpty() && !people.containsKey(id)) {
            problems.error(
                    where,
                    "'"
                            + id
                            + "' is not in the people of vigie.yaml"
                            + DidYouMean.hint(id, people.keySet()));
        }
    }
}
