package fr.vigie.audit.engine.worker;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.common.RuleProblemException;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

/**
 * How to start a worker process for one run, and how long to wait for it: the same Java and class
 * path as this process, a plain main (no Spring), a heap of its own, the JVM exiting on its first
 * OutOfMemoryError, under bubblewrap when confined; and the run's set-up it reads first.
 *
 * @param replyMillis how long a deal may take in the worker: the time limit for each of the
 *     attempts the worker makes on its own, plus a margin
 * @param startupMillis how long the worker may take to start and compile the rules
 */
public record WorkerLaunch(
        List<String> command,
        String setup,
        long timeLimitMillis,
        long replyMillis,
        long startupMillis,
        String heap,
        boolean confined) {

    /** The exit code of a JVM that ran out of memory with {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY = 3;

    static final String MAIN = RuleWorkerMain.class.getName();

    private static final long MARGIN_MILLIS =
            DealAuditor.WORKER_REPLY_MILLIS
                    - DealAuditor.MAX_FAILURES_PER_DEAL * DealAuditor.TIME_LIMIT_MILLIS;

    public WorkerLaunch {
        command = List.copyOf(command);
    }

    /**
     * The launch of the workers of one run, confined as {@code isolation} says; a {@link
     * RuleProblemException} when it says always and bubblewrap does not work here.
     */
    public static WorkerLaunch of(
            RuleIsolation isolation,
            Path workspace,
            List<RuleSource> sources,
            Period period,
            Plan plan,
            Locale language,
            int maxFirings,
            long timeLimitMillis) {
        return of(
                isolation,
                workspace,
                sources,
                period,
                plan,
                language,
                maxFirings,
                timeLimitMillis,
                MAIN);
    }

    /** The same with another main class: the tests' worker that compiles without the check. */
    static WorkerLaunch of(
            RuleIsolation isolation,
            Path workspace,
            List<RuleSource> sources,
            Period period,
            Plan plan,
            Locale language,
            int maxFirings,
            long timeLimitMillis,
            String mainClass) {
        boolean confined = confined(isolation.confinement());
        List<String> java = java(isolation.heap(), mainClass);
        String setup =
                WorkerCodec.write(
                        new WorkerCodec.Setup(
                                workspace.toAbsolutePath().toString(),
                                sources.stream().map(WorkerCodec.Source::of).toList(),
                                period,
                                plan,
                                language.toLanguageTag(),
                                maxFirings,
                                timeLimitMillis));
        return new WorkerLaunch(
                confined ? Bubblewrap.confine(java, readable(workspace, sources)) : java,
                setup,
                timeLimitMillis,
                DealAuditor.MAX_FAILURES_PER_DEAL * timeLimitMillis + MARGIN_MILLIS,
                DealAuditor.WORKER_START_MILLIS,
                isolation.heap(),
                confined);
    }

    /** What the worker reads: the workspace, the rules, the class path. */
    private static List<Path> readable(Path workspace, List<RuleSource> sources) {
        List<Path> paths = new ArrayList<>();
        paths.add(workspace);
        sources.forEach(source -> paths.add(source.root()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    /** Whether the workers run confined; a sentence why not when they must be and cannot. */
    static boolean confined(RuleIsolation.Confinement confinement) {
        return switch (confinement) {
            case NEVER -> false;
            case AUTO -> Bubblewrap.problem() == null;
            case ALWAYS -> {
                String problem = Bubblewrap.problem();
                if (problem != null) {
                    throw new RuleProblemException(
                            "the workspace has rules of its own (rules/*.drl), which must run"
                                    + " confined, and they cannot be: "
                                    + problem);
                }
                yield true;
            }
        };
    }

    /** This process's Java, with the worker's heap, started on {@code mainClass}. */
    private static List<String> java(String heap, String mainClass) {
        String java =
                ProcessHandle.current()
                        .info()
                        .command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx" + heap,
                                "-Xss1m",
                                "-XX:+ExitOnOutOfMemoryError",
                                "-XX:+UseSerialGC",
                                "-XX:-UsePerfData",
                                "-Dfile.encoding=UTF-8",
                                "-Djava.awt.headless=true"));
        if (isBootJar(classPath)) {
            // the jar as built (libraries nested in it): Spring Boot's launcher reads them, then
            // runs the worker's plain main
            command.addAll(
                    List.of(
                            "-Dloader.main=" + mainClass,
                            "-cp",
                            classPath,
                            "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", classPath, mainClass));
        }
        return command;
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Start-Class") != null
                    && jar.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/"));
        } catch (IOException e) {
            return false;
        }
    }
}
