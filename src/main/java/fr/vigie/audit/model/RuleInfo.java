package fr.vigie.audit.model;

import fr.vigie.problem.Location;
import java.util.Map;

/**
 * A rule's stable metadata, read from its DRL annotations: id, version, severity, lever, its
 * parameters with their default values, and where it is written.
 */
public record RuleInfo(
    String id,
    String name,
    String version,
    Severity severity,
    Lever lever,
    Map<String, String> params,
    Location location,
    String pack) {

  public RuleInfo {
    params = Map.copyOf(params);
  }
}
