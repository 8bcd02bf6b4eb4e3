package fr.vigie.cli;

import fr.vigie.common.Problem;
import fr.vigie.deals.input.DealInput;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.sources.DealSource;
import java.io.PrintWriter;

/**
 * What an audit of an export prints about its reading: what was noticed, each file's rows, the
 * deals that may be incomplete.
 */
final class ImportLines {

    private ImportLines() {}

    static void print(PrintWriter out, DealSource source, AuditingAPeriod.Result result) {
        if (source.kind() == null) {
            return;
        }
        for (String note : result.notes()) {
            out.println("  note: " + note);
        }
        for (DealInput.FileCount file : result.result().summary().files()) {
            out.println("  " + file.file() + ": " + rows(file));
        }
        for (Problem warning : result.warnings()) {
            out.println("  " + warning);
        }
    }

    private static String rows(DealInput.FileCount file) {
        String rows =
                file.rows() + (file.rows() == 1 ? " row" : " rows") + " (" + file.kind() + ")";
        if (file.skipped() == 0) {
            return rows;
        }
        if (file.skipped() == file.rows()) {
            return rows + ", " + file.skippedWhy();
        }
        return rows + ", of which " + file.skipped() + " skipped: " + file.skippedWhy();
    }
}
