package fr.vigie.server.runs;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A quarter's deals as a consultant uploaded them: known by the SHA-256 of the file. */
public record Upload(
        UUID id,
        String period,
        String name,
        String sha256,
        long size,
        String createdBy,
        OffsetDateTime createdAt) {

    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
