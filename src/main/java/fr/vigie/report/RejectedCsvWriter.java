package fr.vigie.report;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.deals.input.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Writes {@code rejected.csv}: every record not audited, with file, line, column and reason. */
public final class RejectedCsvWriter implements AuditListener {

    private final Path file;
    private CsvWriter csv;
    private java.util.Locale language;

    public RejectedCsvWriter(Path file) {
        this.file = file;
    }

    @Override
    public void start(AuditScope scope) {
        ReportText text = new ReportText(scope.language());
        language = scope.language();
        try {
            csv = new CsvWriter(Files.newOutputStream(file), FindingsCsvWriter.separatorFor(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        csv.row(
                List.of(
                        text.get("csv.file"),
                        text.get("csv.line"),
                        text.get("csv.column"),
                        text.get("csv.deal"),
                        text.get("csv.reason")));
    }

    @Override
    public void rejected(Rejection rejection) {
        var where = rejection.location();
        csv.row(
                Arrays.asList(
                        where.file(),
                        where.line() > 0 ? where.line() : "",
                        where.column() > 0 ? where.column() : "",
                        rejection.dealId(),
                        rejection.why().in(language)));
    }

    @Override
    public void finish(AuditResult result) {
        csv.close();
    }
}
