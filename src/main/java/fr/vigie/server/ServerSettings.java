package fr.vigie.server;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's own settings ({@code vigie.server.*}; {@code vigie serve} sets the first ones from
 * its options).
 *
 * @param data the data folder
 * @param home the Vigie folder: {@code rules/} (the standard pack) and {@code fixtures/} (the
 *     sample)
 * @param folders the folder under which consultants may point the server at a workspace; null: off
 * @param sample whether the first start imports the sample client
 * @param parallelAudits how many audits run at once, across clients (one per client at most)
 */
@ConfigurationProperties("vigie.server")
public record ServerSettings(
        Path data, Path home, Path folders, boolean sample, int parallelAudits) {

    public ServerSettings {
        home = home == null ? Path.of("").toAbsolutePath() : home;
        parallelAudits = parallelAudits <= 0 ? 1 : parallelAudits;
    }

    public Path standardRules() {
        return home.resolve("rules");
    }
}
