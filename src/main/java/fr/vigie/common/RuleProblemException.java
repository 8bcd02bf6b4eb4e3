package fr.vigie.common;

/**
 * The rules cannot be run as written (one loops, or takes too long on a deal): the rule author's to
 * fix, not a bug in Vigie; the message says where. Exit code 2.
 */
public class RuleProblemException extends RuntimeException {

    public RuleProblemException(String message) {
        super(message);
    }
}
