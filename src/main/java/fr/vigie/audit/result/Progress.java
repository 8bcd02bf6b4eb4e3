package fr.vigie.audit.result;

/**
 * Where a run stands, for a progress bar: its phase, records read, deals audited, records rejected,
 * seconds since it started, and the share of the input read (0 to 1; -1 when the input's size is
 * not known).
 */
public record Progress(
        Phase phase, long read, long audited, long rejected, double seconds, double fraction) {

    /** What the run is doing. */
    public enum Phase {
        /** Reading and judging the deals. */
        AUDITING,
        /** Every deal judged: the reports are being written. */
        WRITING
    }

    public Progress(long read, long audited, long rejected, double seconds) {
        this(Phase.AUDITING, read, audited, rejected, seconds, -1);
    }

    /** Records read per second so far. */
    public double rate() {
        return read / Math.max(0.001, seconds);
    }

    /**
     * Seconds left at the current rate, from the share of the input read; -1 when it cannot be told
     * (unknown size, too early).
     */
    public double secondsLeft() {
        if (fraction <= 0.01 || seconds < 0.5) {
            return -1;
        }
        return Math.max(0, seconds * (1 - fraction) / fraction);
    }
}
