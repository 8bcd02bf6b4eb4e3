package fr.vigie.cli;

import fr.vigie.server.ServerOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie serve}: the server (docs/server.md). The only command that starts Spring: the
 * server's classes are reached from {@link #call()} alone, so that the other commands never load
 * them.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Starts the Vigie server: the consultant's clients and their audits in a browser.",
        description = {
            "Starts the Vigie server on http://127.0.0.1:8080/: the consultant's portfolio and each"
                    + " client's conformity history in a browser,",
            "every client sealed off from the others (see docs/server.md). Stop it with Ctrl-C."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "The data folder: database, workspaces, uploads, reports (default: ~/.vigie).")
    Path data;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            converter = WholeNumber.Port.class,
            description = "The port, 1 to 65535 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--address",
            paramLabel = "IP",
            defaultValue = "127.0.0.1",
            description =
                    "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; put a"
                            + " TLS proxy in front for others).")
    String address;

    @Option(
            names = "--folders",
            paramLabel = "DIR",
            description =
                    "A folder of workspaces consultants may point the server at (default: none,"
                            + " off).")
    Path folders;

    @Option(
            names = "--no-sample",
            description = "Do not import the sample client on the first start.")
    boolean noSample;

    @Override
    public Integer call() {
        String home = System.getProperty("vigie.home");
        ServerOptions options =
                new ServerOptions(
                        data == null ? ServerOptions.defaultData() : data,
                        address,
                        port,
                        folders,
                        !noSample,
                        home == null || home.isBlank() ? null : Path.of(home));
        return fr.vigie.server.VigieServer.serve(options, spec.commandLine().getOut());
    }
}
