package fr.vigie.audit.model;

import java.util.Arrays;
import java.util.Optional;

/** The four levers of commercial efficiency that a rule serves. */
public enum Lever {
    /** The right person in the right role. */
    PEOPLE("people"),
    /** The right sales processes in place. */
    PROCESS("process"),
    /** Evaluating the sales team so that it progresses. */
    TEAM_EVALUATION("team-evaluation"),
    /** Supporting sales management in executing the processes. */
    MANAGEMENT("management");

    private final String code;

    Lever(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Lever> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code)).findFirst();
    }

    public static String[] codes() {
        return Arrays.stream(values()).map(Lever::code).toArray(String[]::new);
    }
}
