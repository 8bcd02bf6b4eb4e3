package fr.vigie.process.model;

import fr.vigie.common.Location;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A client's declared sales process: which deals it covers, and its dated versions. */
public record SalesProcess(
        String id,
        String title,
        Selector appliesTo,
        List<ProcessVersion> versions,
        Location location) {

    public SalesProcess {
        versions =
                versions.stream()
                        .sorted(
                                Comparator.comparing(
                                        ProcessVersion::effectiveFrom,
                                        Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList();
    }

    /** The version in force on {@code date}: the latest one that started on or before it. */
    public Optional<ProcessVersion> versionAt(LocalDate date) {
        ProcessVersion inForce = null;
        for (ProcessVersion version : versions) {
            if (version.effectiveFrom() == null || !version.effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }
}
