package fr.vigie.report;

import java.nio.file.Path;

/**
 * The two documents each rendering of the report is split into: the part the CEO reads in ten
 * minutes ({@code report.html}, {@code report.pdf}, {@code report.md}: summary, effectiveness and
 * efficiency, whether the process pays, where it breaks, strategy and tactics, the deals worth a
 * look, recommendations; no file path, rule code nor finding id), and the appendix for the
 * consultant ({@code report-appendix.*}: every finding, the full table of rules with their codes,
 * waivers, rule settings, rejected records, rules used).
 */
public enum ReportPart {
    MAIN,
    APPENDIX;

    /** {@code report.html} gives {@code report-appendix.html}, beside it. */
    public static Path appendixOf(Path file) {
        return file.resolveSibling(appendixName(file.getFileName().toString()));
    }

    /**
     * {@code report.pdf} gives {@code report-appendix.pdf}; a name without a dot gets the suffix.
     */
    public static String appendixName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot < 0
                ? fileName + "-appendix"
                : fileName.substring(0, dot) + "-appendix" + fileName.substring(dot);
    }
}
