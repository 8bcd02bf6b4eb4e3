package fr.vigie.cli;

import fr.vigie.common.Problem;
import fr.vigie.deals.input.DealInput;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.ReportText;
import fr.vigie.sources.DealSource;
import java.io.PrintWriter;

/**
 * What an audit of an export prints about its reading: what was noticed, each file's rows, the
 * deals that may be incomplete.
 */
final class ImportLines {

    private ImportLines() {}

    static void print(
            PrintWriter out, DealSource source, AuditingAPeriod.Result result, ReportText words) {
        if (source.kind() == null) {
            return;
        }
        for (String note : result.notes()) {
            out.println(words.get("import.note", note));
        }
        for (DealInput.FileCount file : result.result().summary().files()) {
            out.println("  " + file.file() + ": " + rows(file, words));
        }
        for (Problem warning : result.warnings()) {
            out.println("  " + warning);
        }
    }

    private static String rows(DealInput.FileCount file, ReportText words) {
        String rows = words.get("import.rows", file.rows(), file.kind());
        if (file.skipped() == 0) {
            return rows;
        }
        if (file.skipped() == file.rows()) {
            return words.get("import.skippedAll", rows, file.skippedWhy());
        }
        return words.get("import.skippedSome", rows, file.skipped(), file.skippedWhy());
    }
}
