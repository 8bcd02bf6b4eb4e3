package fr.vigie.audit.engine;

import fr.vigie.common.RuleProblemException;

/** A rule fired more times on one deal than any sane rule could: it probably re-triggers itself. */
public class RuleLoopException extends RuleProblemException {

    public RuleLoopException(String message) {
        super(message);
    }
}
