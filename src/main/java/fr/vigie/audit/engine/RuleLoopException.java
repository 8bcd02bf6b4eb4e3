package fr.vigie.audit.engine;

/** A rule fired more times on one deal than any sane rule could: it probably re-triggers itself. */
public class RuleLoopException extends RuntimeException {

  public RuleLoopException(String message) {
    super(message);
  }
}
