package fr.vigie.deals.xes;

/**
 * A finding of the audit on a deal, as a trace of the log carries it: its id, rule, severity, stage
 * (or null) and sentence.
 */
public record TraceFinding(String id, String rule, String severity, String stage, String message) {}
