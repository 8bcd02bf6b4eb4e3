package fr.vigie.process.model;

import fr.vigie.common.Location;
import fr.vigie.common.Outcome;

/**
 * A stage of one process version: its place in the order, how long a deal may stay, whether it may
 * be skipped, and what must be done before leaving it. Terminal stages (won, lost) carry the
 * outcome they close the deal with and the requirements to reach it.
 */
public record StageSpec(
        String process,
        String version,
        String id,
        String label,
        int order,
        Integer maxDays,
        boolean skippable,
        Requirements exit,
        Outcome terminal,
        Location location) {

    public boolean isTerminal() {
        return terminal != null;
    }

    public boolean hasMaxDays() {
        return maxDays != null;
    }
}
