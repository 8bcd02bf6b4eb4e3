package fr.vigie.server.runs;

/** Where an audit stands. */
public enum RunState {
    /** Waiting for a free slot, or for the client's running audit to end. */
    QUEUED,
    RUNNING,
    /** Its results are stored and shown. */
    SUCCEEDED,
    /** Stopped with a reason; nothing of it was kept. */
    FAILED,
    /** The server stopped while it ran; it can be started again. */
    INTERRUPTED;

    public boolean isOver() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }
}
