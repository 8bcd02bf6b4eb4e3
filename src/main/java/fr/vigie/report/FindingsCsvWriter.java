package fr.vigie.report;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code findings.csv}, one finding per row, safe to open in Excel. */
public final class FindingsCsvWriter implements AuditListener {

    private final Path file;
    private CsvWriter csv;
    private ReportText text;

    public FindingsCsvWriter(Path file) {
        this.file = file;
    }

    @Override
    public void start(AuditScope scope) {
        text = new ReportText(scope.language());
        try {
            csv = new CsvWriter(Files.newOutputStream(file), separatorFor(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        csv.row(
                List.of(
                        text.get("csv.id"),
                        text.get("csv.rule"),
                        text.get("csv.severity"),
                        text.get("csv.lever"),
                        text.get("csv.deal"),
                        text.get("csv.dealName"),
                        text.get("csv.account"),
                        text.get("csv.owner"),
                        text.get("csv.team"),
                        text.get("csv.stage"),
                        text.get("csv.message"),
                        text.get("csv.source"),
                        text.get("csv.waiver"),
                        text.get("csv.causedBy")));
        write(scope.planFindings());
        scope.planWaived().forEach(w -> row(w.finding(), w.waiver()));
    }

    static char separatorFor(ReportText text) {
        return text.get("csv.separator").charAt(0);
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> findings) {
        write(findings);
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        waived.forEach(w -> row(w.finding(), w.waiver()));
    }

    private void write(List<Finding> findings) {
        findings.forEach(f -> row(f, null));
    }

    private void row(Finding f, Waiver waiver) {
        csv.row(
                java.util.Arrays.asList(
                        f.id(),
                        f.rule(),
                        text.severity(f.severity()),
                        text.lever(f.lever()),
                        f.deal(),
                        f.dealName(),
                        f.account(),
                        f.owner(),
                        f.team(),
                        f.stage(),
                        f.message(),
                        f.source(),
                        waiver == null
                                ? ""
                                : text.get(
                                        "csv.waiver.value",
                                        waiver.justification(),
                                        waiver.acceptedBy(),
                                        waiver.until().toString()),
                        f.causedBy() == null ? "" : f.causedBy()));
    }

    @Override
    public void finish(AuditResult result) {
        csv.close();
    }
}
