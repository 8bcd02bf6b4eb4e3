package fr.vigie.report.outline;

import java.util.List;

/**
 * The top of a document: which document it is, the client, the period and its dates, the processes
 * in force; for print, the two headline figures.
 */
public record Cover(
        Text eyebrow,
        String client,
        Text period,
        Text dates,
        Text processes,
        List<Block.Figure> figures) {

    public Cover {
        figures = List.copyOf(figures);
    }
}
