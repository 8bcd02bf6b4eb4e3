package fr.vigie.audit.engine;

import fr.vigie.common.RuleProblemException;

/**
 * A rule that could not judge one deal: it threw (a null it did not expect, a recursion without
 * end, an allocation too large), passed the time limit on the deal, or fired more times than any
 * sane rule could. The deal is not assessable for that rule; the other rules judged it.
 *
 * @param rule the rule's id
 * @param where the rule's file and line
 * @param reason what went wrong, in a few words ("NullPointerException", "took more than 5000 ms")
 * @param problem the whole sentence, naming the rule and the deal, for whoever stops on it
 */
public record RuleFailure(String rule, String where, String reason, RuleProblemException problem) {}
