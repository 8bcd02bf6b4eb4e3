package fr.vigie.server.runs;

/** A finding as the pages list it. */
public record FindingRow(
        String findingId,
        String rule,
        String severity,
        String deal,
        String dealName,
        String account,
        String owner,
        String stage,
        String title,
        String message,
        String evidence,
        String waiver) {}
