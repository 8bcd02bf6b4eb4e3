package fr.vigie.server.clients;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One version of a client's workspace, known by the SHA-256 of its files: where it came from, the
 * client it names, whether it carries its own DRL rules, and what checking it found ({@code
 * problems}, one located problem a line, paths inside the workspace).
 */
public record WorkspaceVersion(
        UUID id,
        String sha256,
        String origin,
        String clientName,
        boolean ownRules,
        boolean valid,
        String problems,
        String createdBy,
        OffsetDateTime createdAt) {

    public String shortHash() {
        return sha256.substring(0, 12);
    }

    public java.util.List<String> problemLines() {
        return problems.isEmpty() ? java.util.List.of() : java.util.List.of(problems.split("\n"));
    }
}
