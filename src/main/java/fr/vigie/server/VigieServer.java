package fr.vigie.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The Vigie server: the only place that starts Spring ({@code vigie serve}); see docs/server.md.
 */
@SpringBootApplication(scanBasePackages = "fr.vigie.server")
@ConfigurationPropertiesScan("fr.vigie.server")
public class VigieServer {

    /** Starts the server and blocks until it stops (Ctrl-C); returns the exit code. */
    public static int serve(ServerOptions options, PrintWriter out) {
        ConfigurableApplicationContext context = start(options, Map.of());
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(
                event -> {
                    if (event instanceof ContextClosedEvent) {
                        closed.countDown();
                    }
                });
        out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the server with {@code options}; {@code overrides} are Spring properties (tests). */
    public static ConfigurableApplicationContext start(
            ServerOptions options, Map<String, Object> overrides) {
        SpringApplication application = new SpringApplication(VigieServer.class);
        application.setDefaultProperties(properties(options));
        Map<String, Object> all = new HashMap<>(overrides);
        String[] args =
                all.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        return application.run(args);
    }

    /**
     * The Spring properties {@code options} stand for; the standard SPRING_* variables and a
     * profile may override them.
     */
    static Map<String, Object> properties(ServerOptions options) {
        Path data = ensurePrivateFolder(options.data().toAbsolutePath().normalize());
        Map<String, Object> properties = new HashMap<>();
        properties.put("vigie.server.data", data.toString());
        properties.put("vigie.server.sample", options.sample());
        if (options.folders() != null) {
            properties.put(
                    "vigie.server.folders",
                    options.folders().toAbsolutePath().normalize().toString());
        }
        if (options.home() != null) {
            properties.put(
                    "vigie.server.home", options.home().toAbsolutePath().normalize().toString());
        }
        properties.put("server.address", options.address());
        properties.put("server.port", options.port());
        properties.put(
                "spring.datasource.url",
                "jdbc:h2:file:"
                        + data.resolve("vigie")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put(
                "spring.servlet.multipart.location",
                ensurePrivateFolder(data.resolve("tmp")).toString());
        return properties;
    }

    /**
     * Creates {@code folder} readable by its owner only (where the file system has POSIX
     * permissions).
     */
    public static Path ensurePrivateFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the data folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
