package fr.vigie.audit.model;

import fr.vigie.common.Severity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deviation found on a deal: a stable id (same rule, deal, stage and key give the same id), the
 * rule, the deal and who owns it, how serious it is, where in the process, the sentence a CEO
 * reads, and the evidence behind it.
 */
public record Finding(
    String id,
    String rule,
    String ruleVersion,
    String deal,
    String dealName,
    String account,
    String owner,
    String team,
    Severity severity,
    Lever lever,
    String stage,
    String title,
    String message,
    Map<String, Object> evidence,
    String source) {

  public Finding {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }
}
