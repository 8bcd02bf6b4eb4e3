package fr.vigie.deals.input;

import fr.vigie.common.Location;

/**
 * An input record that is not audited, and why: where it is, which deal it was about (when that
 * could be read), and the reason, phrased so that the record can be fixed.
 */
public record Rejection(Location location, String dealId, String reason) {}
