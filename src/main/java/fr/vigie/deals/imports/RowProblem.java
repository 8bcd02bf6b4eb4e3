package fr.vigie.deals.imports;

import fr.vigie.common.Location;

/** A row, or a value in it, that cannot be read: where (the cell when known) and why. */
public final class RowProblem extends RuntimeException {

    private final transient Location location;

    public RowProblem(Location location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
