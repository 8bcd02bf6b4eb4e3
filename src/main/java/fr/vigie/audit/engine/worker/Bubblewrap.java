package fr.vigie.audit.engine.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OS sandbox a worker runs in: bubblewrap, with no network, the whole file system read-only, a
 * private empty {@code /tmp}, its own process namespace, killed with its parent. Whether it works
 * here is tried once (user namespaces may be turned off).
 */
public final class Bubblewrap {

    static final Path BWRAP = Path.of(System.getProperty("vigie.bwrap", "/usr/bin/bwrap"));

    private static volatile String problem;
    private static volatile boolean tried;

    private Bubblewrap() {}

    /**
     * The arguments that start {@code command} confined, with {@code readable} (the workspace, the
     * rules, the class path) seen read-only even under {@code /tmp}.
     */
    static List<String> confine(List<String> command, List<Path> readable) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                BWRAP.toString(),
                                "--ro-bind",
                                "/",
                                "/",
                                "--dev",
                                "/dev",
                                "--proc",
                                "/proc",
                                "--tmpfs",
                                "/tmp",
                                "--unshare-net",
                                "--unshare-pid",
                                "--unshare-ipc",
                                "--unshare-uts",
                                "--new-session",
                                "--die-with-parent"));
        for (Path path : readable) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.exists(absolute)) {
                all.addAll(List.of("--ro-bind", absolute.toString(), absolute.toString()));
            }
        }
        all.add("--");
        all.addAll(command);
        return all;
    }

    /** Null when bubblewrap works here, else why not, in a sentence. */
    public static String problem() {
        if (!tried) {
            synchronized (Bubblewrap.class) {
                if (!tried) {
                    problem = tryIt();
                    tried = true;
                }
            }
        }
        return problem;
    }

    private static String tryIt() {
        if (!Files.isExecutable(BWRAP)) {
            return BWRAP
                    + " is not installed (Debian and Ubuntu: apt-get install bubblewrap; .ci/run"
                    + " installs it)";
        }
        try {
            Process p =
                    new ProcessBuilder(confine(List.of("true"), List.of()))
                            .redirectErrorStream(true)
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                            .start();
            String said = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return BWRAP + " did not answer within 10 s";
            }
            return p.exitValue() == 0
                    ? null
                    : BWRAP
                            + " cannot make a sandbox here ("
                            + (said.isEmpty() ? "exit " + p.exitValue() : said)
                            + "): user namespaces may be restricted (sysctl"
                            + " kernel.unprivileged_userns_clone, or AppArmor's"
                            + " kernel.apparmor_restrict_unprivileged_userns)";
        } catch (IOException e) {
            return BWRAP + " cannot start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying " + BWRAP;
        }
    }
}
