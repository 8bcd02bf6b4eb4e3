package fr.vigie.workspace;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.process.ProcessReader;
import fr.vigie.process.RuleSettingsReader;
import fr.vigie.process.model.RuleSetting;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import fr.vigie.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and checks a client workspace: {@code vigie.yaml} and {@code process/*.yaml}. */
public final class WorkspaceLoader {

    public static final String SETTINGS_FILE = "vigie.yaml";
    public static final String PROCESS_DIR = "process";

    private WorkspaceLoader() {}

    /** Loads the workspace, or throws with every problem found (exit code 2). */
    public static Workspace load(Path root) {
        Problems problems = new Problems();
        Workspace workspace = load(root, problems);
        problems.throwIfErrors();
        return workspace;
    }

    public static Workspace load(Path root, Problems problems) {
        if (!Files.isDirectory(root)) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(root)),
                    "no such workspace folder (a workspace holds vigie.yaml and process/)");
        }
        ClientFolder folder = ClientFolder.of(root);
        Path settingsFile = folder.find(SETTINGS_FILE);
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            throw InvalidInputException.at(
                    Location.of(DisplayPath.of(root.resolve(SETTINGS_FILE))),
                    "missing: every workspace needs a vigie.yaml with at least 'client: <name>'"
                            + " (see docs/workspace.md)");
        }
        WorkspaceSettings settings = readSettings(settingsFile, problems);
        List<SalesProcess> processes = readProcesses(folder, root.resolve(PROCESS_DIR), problems);
        return new Workspace(root, settings, processes);
    }

    /**
     * The workspace's language (vigie.yaml's {@code language}), French when it says none or cannot
     * be read: the console's before the workspace is read, whose problems the full read tells.
     */
    public static Locale language(Path root) {
        try {
            Path settingsFile =
                    root == null || !Files.isDirectory(root)
                            ? null
                            : ClientFolder.of(root).find(SETTINGS_FILE);
            if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
                return WorkspaceSettings.DEFAULT_LANGUAGE;
            }
            return readSettings(settingsFile, new Problems()).language();
        } catch (RuntimeException unreadable) {
            return WorkspaceSettings.DEFAULT_LANGUAGE;
        }
    }

    private static WorkspaceSettings readSettings(Path file, Problems problems) {
        YamlNode root = read(file, problems);
        YamlObject settings =
                root == null
                        ? null
                        : YamlObject.of(
                                root,
                                SETTINGS_FILE,
                                problems,
                                "client",
                                "currency",
                                "time-zone",
                                "language",
                                "people",
                                "rules",
                                "gate",
                                "deals-in-period",
                                "max-rejected",
                                "max-rule-failures");
        if (settings == null) {
            return new WorkspaceSettings(
                    "?",
                    "EUR",
                    WorkspaceSettings.DEFAULT_ZONE,
                    WorkspaceSettings.DEFAULT_LANGUAGE,
                    Map.of(),
                    Map.of(),
                    WorkspaceSettings.QualityGate.NO_CRITICAL);
        }
        String client = settings.requiredText("client");
        String currency = settings.text("currency");
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.error(
                    settings.valueLocation("currency"),
                    "currency must be an ISO 4217 code such as EUR, not '" + currency + "'");
        }
        ZoneId zone = WorkspaceSettings.DEFAULT_ZONE;
        String zoneText = settings.text("time-zone");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.error(
                        settings.valueLocation("time-zone"),
                        "unknown time zone '"
                                + zoneText
                                + "'; write a region such as Europe/Paris");
            }
        }
        String language = settings.choice("language", "fr", "en");
        Map<String, Person> people = readPeople(settings, problems);
        Map<String, RuleSetting> rules = RuleSettingsReader.read(settings, "rules", problems);
        return new WorkspaceSettings(
                client == null ? "?" : client,
                currency == null ? "EUR" : currency,
                zone,
                language == null
                        ? WorkspaceSettings.DEFAULT_LANGUAGE
                        : Locale.forLanguageTag(language),
                people,
                rules,
                readGate(settings),
                DealsInPeriod.of(
                        settings.choice(
                                "deals-in-period", DealsInPeriod.codes().toArray(String[]::new))),
                readMaxRejected(settings, problems),
                readMaxRuleFailures(settings, problems));
    }

    /** {@code max-rule-failures: 10}: a whole number of deals, 0 or more. */
    private static Integer readMaxRuleFailures(YamlObject settings, Problems problems) {
        String text = settings.text("max-rule-failures");
        if (text == null) {
            return null;
        }
        if (text.matches("[0-9]{1,9}")) {
            return Integer.valueOf(text);
        }
        problems.error(
                settings.valueLocation("max-rule-failures"),
                "max-rule-failures is '"
                        + text
                        + "'; write a whole number of deals, 0 or more, such as 10 (0: stop at the"
                        + " first deal a rule fails on)");
        return null;
    }

    /** {@code max-rejected: 5%} (or 5): a percentage from 0 to 100. */
    private static java.math.BigDecimal readMaxRejected(YamlObject settings, Problems problems) {
        String text = settings.text("max-rejected");
        if (text == null) {
            return null;
        }
        java.math.BigDecimal max = Percent.parse(text);
        if (max == null) {
            problems.error(
                    settings.valueLocation("max-rejected"),
                    "max-rejected is '" + text + "'; write a percentage from 0 to 100, such as 5%");
        }
        return max;
    }

    private static WorkspaceSettings.QualityGate readGate(YamlObject settings) {
        YamlObject gate = settings.object("gate", "gate", "conformity");
        if (gate == null) {
            return WorkspaceSettings.QualityGate.NO_CRITICAL;
        }
        return new WorkspaceSettings.QualityGate(
                gate.decimal(
                        "conformity",
                        java.math.BigDecimal.ZERO,
                        java.math.BigDecimal.valueOf(100)));
    }

    private static Map<String, Person> readPeople(YamlObject settings, Problems problems) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (YamlMap.Entry entry : settings.entries("people")) {
            YamlObject person =
                    YamlObject.of(
                            entry.value(),
                            "person '" + entry.key() + "'",
                            problems,
                            "name",
                            "role",
                            "team");
            if (person != null) {
                people.put(
                        entry.key(),
                        new Person(
                                entry.key(),
                                person.text("name"),
                                person.text("role"),
                                person.text("team")));
            }
        }
        return people;
    }

    private static List<SalesProcess> readProcesses(
            ClientFolder folder, Path dir, Problems problems) {
        List<Path> files = folder.files(dir, WorkspaceLoader::isYaml);
        if (files.isEmpty()) {
            problems.error(
                    Location.of(DisplayPath.of(dir)),
                    "no process: write at least one process/<name>.yaml (see docs/process.md)");
            return List.of();
        }
        List<SalesProcess> processes = new ArrayList<>();
        Map<String, SalesProcess> byId = new HashMap<>();
        SalesProcess fallback = null;
        for (Path file : files) {
            YamlNode root = read(file, problems);
            SalesProcess process = root == null ? null : new ProcessReader(problems).read(root);
            if (process == null) {
                continue;
            }
            SalesProcess same = byId.putIfAbsent(process.id(), process);
            if (same != null) {
                problems.error(
                        process.location(),
                        "process '"
                                + process.id()
                                + "' is also declared in "
                                + same.location().file());
                continue;
            }
            if (process.appliesTo().fallback()) {
                if (fallback != null) {
                    problems.error(
                            process.location(),
                            "process '"
                                    + process.id()
                                    + "' has no 'applies-to', nor has '"
                                    + fallback.id()
                                    + "' ("
                                    + fallback.location().file()
                                    + "): only one process may take the deals no other process"
                                    + " takes");
                }
                fallback = process;
            }
            processes.add(process);
        }
        return processes;
    }

    /** Whether a file's name is a YAML file's: .yaml or .yml. */
    public static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static YamlNode read(Path file, Problems problems) {
        return YamlReader.readInto(file, DisplayPath.of(file), problems);
    }
}
