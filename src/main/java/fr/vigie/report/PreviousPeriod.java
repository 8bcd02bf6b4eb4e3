package fr.vigie.report;

import fr.vigie.audit.result.Comparison;
import fr.vigie.common.ClientFolder;
import fr.vigie.workspace.Period;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds the previous period's results beside this run's ({@code out/2026-Q2/findings.json} for a
 * run in {@code out/2026-Q3/}), to show how conformity moved. Absent or unreadable: nothing shown.
 * Read by the audit job before the reports are rendered, never by a writer.
 */
public final class PreviousPeriod {

    private PreviousPeriod() {}

    public static Optional<Comparison> compare(
            Path outDir, Period period, BigDecimal conformityRate) {
        Optional<Period> previous = period.previous();
        if (previous.isEmpty() || outDir == null || outDir.getParent() == null) {
            return Optional.empty();
        }
        Path file = outDir.getParent().resolve(previous.get().label()).resolve("findings.json");
        if (!Files.isRegularFile(file) || !ClientFolder.of(outDir.getParent()).contains(file)) {
            return Optional.empty();
        }
        try {
            JsonNode rate =
                    new ObjectMapper()
                            .readTree(file.toFile())
                            .path("summary")
                            .path("conformityRate");
            if (!rate.isNumber()) {
                return Optional.empty();
            }
            BigDecimal before = rate.decimalValue();
            return Optional.of(
                    new Comparison(
                            previous.get().label(), before, conformityRate.subtract(before)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
