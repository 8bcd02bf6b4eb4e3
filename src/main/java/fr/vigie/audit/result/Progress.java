package fr.vigie.audit.result;

/**
 * Where a run stands, for a progress line: records read, deals audited, records rejected, and
 * seconds since it started.
 */
public record Progress(long read, long audited, long rejected, double seconds) {}
