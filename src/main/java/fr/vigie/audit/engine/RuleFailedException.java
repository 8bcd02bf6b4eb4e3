package fr.vigie.audit.engine;

import fr.vigie.common.RuleProblemException;

/**
 * A rule threw on a deal (a null it did not expect, a division without end, a recursion too deep,
 * an allocation too large): the rule author's to fix, named with the deal's line, not a bug in
 * Vigie.
 */
public class RuleFailedException extends RuleProblemException {

    public RuleFailedException(String message) {
        super(message);
    }
}
