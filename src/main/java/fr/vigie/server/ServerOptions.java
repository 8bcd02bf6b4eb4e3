package fr.vigie.server;

import java.nio.file.Path;

/**
 * How {@code vigie serve} starts the server: plain values, so that the command line names no Spring
 * type.
 *
 * @param data the data folder: the H2 database, workspaces, uploads and reports
 * @param address the address to listen on (127.0.0.1 by default: this machine only)
 * @param folders the folder under which a consultant may point the server at a workspace; null: off
 * @param sample whether the first start imports the sample client
 * @param home the Vigie folder: the standard rules and the sample
 */
public record ServerOptions(
        Path data, String address, int port, Path folders, boolean sample, Path home) {

    /**
     * The data folder when {@code --data} is not given: {@code ~/.vigie}, out of any source tree
     * and of the working folder.
     */
    public static Path defaultData() {
        return Path.of(System.getProperty("user.home"), ".vigie");
    }
}
