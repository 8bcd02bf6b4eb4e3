package fr.vigie.common;

/** Where a deal stands: still open, or closed as won or lost. */
public enum Outcome {
    OPEN,
    WON,
    LOST;

    public boolean isClosed() {
        return this != OPEN;
    }
}
