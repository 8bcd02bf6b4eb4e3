package fr.vigie.cli;

/** The documented exit codes (docs/cli.md). */
public final class ExitCodes {

    /** Nothing at or above the --fail-on severity. */
    public static final int OK = 0;

    /** Findings at or above the --fail-on severity (or failing rule tests). */
    public static final int FINDINGS = 1;

    /** The input cannot be used: located problems were printed. */
    public static final int INPUT_ERROR = 2;

    /** A bug in Vigie. */
    public static final int INTERNAL_ERROR = 3;

    /**
     * The output cannot be written (a full disk, no permission): the previous reports are as they
     * were.
     */
    public static final int OUTPUT_ERROR = 4;

    /** Not one record of the input could be audited: no report was written. */
    public static final int NOTHING_AUDITED = 5;

    /**
     * More of the period's records were rejected than --max-rejected (or vigie.yaml's max-rejected)
     * accepts.
     */
    public static final int TOO_MANY_REJECTED = 6;

    private ExitCodes() {}
}
