package fr.vigie.process.model;

import fr.vigie.common.Location;
import fr.vigie.common.Severity;
import java.util.Map;

/**
 * A consultant's override of a standard rule for a workspace or a process version: turned off,
 * re-graded, or with other parameter values, and why.
 */
public record RuleSetting(
        String rule,
        Boolean enabled,
        Severity severity,
        Map<String, Located> params,
        String reason,
        Location location) {

    /** A parameter value with the place it was set. */
    public record Located(String value, Location location) {}

    public RuleSetting {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
