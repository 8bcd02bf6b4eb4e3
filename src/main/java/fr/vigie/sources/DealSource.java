package fr.vigie.sources;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Outcome;
import fr.vigie.common.Problems;
import fr.vigie.deals.hubspot.HubSpotExport;
import fr.vigie.deals.imports.HeaderPeek;
import fr.vigie.deals.imports.ImportContext;
import fr.vigie.deals.imports.SourceKind;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.mapped.MappedCsv;
import fr.vigie.deals.pipedrive.PipedriveExport;
import fr.vigie.deals.salesforce.SalesforceExport;
import fr.vigie.deals.xes.XesInput;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.process.model.StageSpec;
import fr.vigie.workspace.Person;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import fr.vigie.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the deals come from and how they are read: Vigie's own format (JSON Lines, CSV bundle), or
 * a CRM export or event log read through its mapping (docs/importers.md). The kind is the one
 * {@code --source} gives, the one the {@code --mapping} file names, or the one the files tell
 * (Opportunity.csv: Salesforce); the mapping is {@code --mapping}, else {@code
 * WORKSPACE/sources/<kind>.yaml}, else {@code sources/<kind>.yaml} delivered with the export.
 *
 * @param kind null for Vigie's own format
 * @param mapping null for Vigie's own format
 * @param detected how the kind and mapping were found, in words, for the user; null for Vigie's own
 *     format
 */
public record DealSource(
        Path deals,
        SourceKind kind,
        SourceMapping mapping,
        ImportContext context,
        String detected) {

    /** The folder of a workspace's mappings. */
    public static final String SOURCES_DIR = "sources";

    /** Vigie's own format at {@code deals}. */
    public static DealSource canonical(Path deals) {
        return new DealSource(deals, null, null, null, null);
    }

    /** Finds the kind and reads the mapping; every problem is an {@link InvalidInputException}. */
    public static DealSource resolve(
            Workspace workspace, Path deals, String sourceOption, Path mappingOption) {
        ImportContext context = context(workspace);
        SourceKind kind = null;
        String how;
        Path mappingFile = mappingOption == null ? null : mappingPath(workspace, mappingOption);
        if (sourceOption != null) {
            kind =
                    SourceKind.fromCode(sourceOption)
                            .orElseThrow(
                                    () ->
                                            InvalidInputException.at(
                                                    Location.of("--source"),
                                                    "--source must be one of "
                                                            + String.join(", ", SourceKind.codes())
                                                            + ", not '"
                                                            + sourceOption
                                                            + "'"
                                                            + DidYouMean.hint(
                                                                    sourceOption,
                                                                    SourceKind.codes())));
            how = "as --source says";
        } else if (mappingFile != null) {
            kind = kindOfMapping(mappingFile);
            how = "as its mapping says";
        } else {
            Detected found = detect(deals);
            if (found == null
                    && isForeignFolder(deals)
                    && defaultMapping(workspace, deals, SourceKind.CSV) != null) {
                found =
                        new Detected(
                                SourceKind.CSV,
                                "a mapping of CSV files, and no file of a known export");
            }
            if (found == null) {
                return canonical(deals);
            }
            kind = found.kind();
            how = "found " + found.evidence();
        }
        if (mappingFile == null) {
            mappingFile = defaultMapping(workspace, deals, kind);
        }
        SourceMapping mapping;
        if (mappingFile == null) {
            if (kind != SourceKind.XES) {
                throw InvalidInputException.at(
                        Location.of(DisplayPath.of(deals)),
                        kind.aTitle()
                                + " needs a mapping of its stages to the"
                                + " process's: write "
                                + DisplayPath.of(
                                        workspace
                                                .root()
                                                .resolve(SOURCES_DIR)
                                                .resolve(kind.code() + ".yaml"))
                                + " (see docs/importers.md), or pass --mapping FILE");
            }
            mapping = SourceMapping.none(kind, context);
        } else {
            Problems problems = new Problems();
            mapping = readMapping(mappingFile, kind, context, problems);
            problems.throwIfErrors();
        }
        String detected =
                DisplayPath.of(deals)
                        + " as "
                        + kind.aTitle()
                        + " ("
                        + how
                        + ")"
                        + (mappingFile == null ? "" : ", mapping " + DisplayPath.of(mappingFile));
        return new DealSource(deals, kind, mapping, context, detected);
    }

    /** Opens the deals as a stream of records. */
    public DealInput open() {
        if (kind == null) {
            return DealsLocator.open(deals);
        }
        return switch (kind) {
            case SALESFORCE -> SalesforceExport.open(deals, mapping, context);
            case HUBSPOT -> HubSpotExport.open(deals, mapping, context);
            case PIPEDRIVE -> PipedriveExport.open(deals, mapping, context);
            case CSV -> MappedCsv.open(deals, mapping, context);
            case XES -> XesInput.open(deals, mapping, context);
            default ->
                    throw InvalidInputException.at(
                            Location.of(DisplayPath.of(deals)), kind.title() + ": not read yet");
        };
    }

    private record Detected(SourceKind kind, String evidence) {}

    /** The kind of export {@code deals} is, or null for Vigie's own format. */
    private static Detected detect(Path deals) {
        String name =
                deals.getFileName() == null
                        ? ""
                        : deals.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(deals)) {
            if (name.endsWith(".zip") && SalesforceExport.looksLike(deals)) {
                return new Detected(SourceKind.SALESFORCE, SalesforceExport.MARKER + " in the zip");
            }
            return name.endsWith(".xes") ? new Detected(SourceKind.XES, "a .xes file") : null;
        }
        if (!Files.isDirectory(deals)) {
            return null;
        }
        if (SalesforceExport.looksLike(deals)) {
            return new Detected(
                    SourceKind.SALESFORCE,
                    SalesforceExport.MARKER
                            + (Files.isRegularFile(deals.resolve(SalesforceExport.MARKER))
                                    ? ""
                                    : " in its zips"));
        }
        if (Files.isRegularFile(deals.resolve("deals.jsonl"))) {
            return null;
        }
        Path bundle = ClientFolder.of(deals).find("deals.csv");
        if (bundle != null
                && Files.isRegularFile(bundle)
                && HeaderPeek.columns(bundle).contains("created_at")) {
            return null;
        }
        if (HubSpotExport.looksLike(deals)) {
            return new Detected(SourceKind.HUBSPOT, "a file with a deal stage column");
        }
        if (PipedriveExport.looksLike(deals)) {
            return new Detected(SourceKind.PIPEDRIVE, "a file of deals with stage_id and add_time");
        }
        return null;
    }

    /** A CSV file, or a folder that holds neither Vigie's own format nor a known export. */
    private static boolean isForeignFolder(Path deals) {
        if (Files.isRegularFile(deals)) {
            return deals.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        }
        return Files.isDirectory(deals)
                && !Files.isRegularFile(deals.resolve("deals.jsonl"))
                && !Files.isRegularFile(deals.resolve("deals.csv"));
    }

    private static Path mappingPath(Workspace workspace, Path option) {
        if (Files.isRegularFile(option)) {
            return option;
        }
        Path inWorkspace = workspace.root().resolve(option);
        if (!option.isAbsolute() && Files.isRegularFile(inWorkspace)) {
            return inWorkspace;
        }
        throw InvalidInputException.at(
                Location.of(DisplayPath.of(option)),
                "no such mapping file (looked here and in the workspace)");
    }

    private static Path defaultMapping(Workspace workspace, Path deals, SourceKind kind) {
        Path folder = Files.isDirectory(deals) ? deals : deals.toAbsolutePath().getParent();
        for (ClientFolder candidate : List.of(workspace.folder(), ClientFolder.of(folder))) {
            for (String extension : List.of(".yaml", ".yml")) {
                Path file = candidate.find(SOURCES_DIR + "/" + kind.code() + extension);
                if (file != null && Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        return null;
    }

    private static SourceKind kindOfMapping(Path file) {
        SourceKind kind = null;
        Location where = Location.of(DisplayPath.of(file));
        var root = YamlReader.read(file, DisplayPath.of(file));
        if (root instanceof fr.vigie.yaml.YamlMap map
                && map.get("source") instanceof fr.vigie.yaml.YamlScalar source
                && !source.isNull()) {
            kind = SourceKind.fromCode(source.value()).orElse(null);
            where = source.location();
        }
        if (kind == null) {
            throw InvalidInputException.at(
                    where,
                    "the mapping must say which export it reads: source: one of "
                            + String.join(", ", SourceKind.codes()));
        }
        return kind;
    }

    /**
     * Reads the mapping of {@code kind} in {@code file}, with the keys its importer adds; its
     * problems go to {@code problems}.
     */
    private static SourceMapping readMapping(
            Path file, SourceKind kind, ImportContext context, Problems problems) {
        return SourceMapping.read(
                YamlReader.read(file, DisplayPath.of(file)),
                DisplayPath.of(file),
                kind,
                context,
                problems,
                ownKeys(kind));
    }

    private static List<String> ownKeys(SourceKind kind) {
        return switch (kind) {
            case SALESFORCE -> SalesforceExport.OWN_KEYS;
            case HUBSPOT -> HubSpotExport.OWN_KEYS;
            case PIPEDRIVE -> PipedriveExport.OWN_KEYS;
            case CSV -> MappedCsv.OWN_KEYS;
            default -> List.of();
        };
    }

    /**
     * Reads every mapping of the workspace ({@code sources/*.yaml}) and adds its problems, so that
     * {@code vigie validate} reports them before any export is read.
     */
    public static void checkMappings(Workspace workspace, Problems problems) {
        ImportContext context = context(workspace);
        for (Path file :
                workspace
                        .folder()
                        .files(workspace.root().resolve(SOURCES_DIR), WorkspaceLoader::isYaml)) {
            try {
                SourceMapping mapping = readMapping(file, kindOfMapping(file), context, problems);
                if (mapping != null) {
                    unmappedFields(workspace, mapping, problems);
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
    }

    /**
     * Warns, once per field at the first place a process requires it, of each field a stage
     * requires that no column of {@code mapping} fills: its deals would all lack it, so the rules
     * count them as not assessable for it instead of flagging them.
     */
    private static void unmappedFields(
            Workspace workspace, SourceMapping mapping, Problems problems) {
        Set<String> mapped = mapping.fieldNames();
        Set<String> warned = new HashSet<>();
        for (SalesProcess process : workspace.processes()) {
            for (ProcessVersion version : process.versions()) {
                for (StageSpec stage : version.stages()) {
                    for (String field : stage.exit().fields()) {
                        if (!mapped.contains(field) && warned.add(field)) {
                            Location at = stage.exit().locationOf(field);
                            problems.warning(
                                    at == null ? stage.location() : at,
                                    "no column of "
                                            + mapping.shown()
                                            + " maps to the field '"
                                            + field
                                            + "', which the stage "
                                            + stage.id()
                                            + " of "
                                            + process.id()
                                            + " requires: the deals read through it cannot be"
                                            + " judged on it (not assessable); map its column to"
                                            + " fields."
                                            + field
                                            + " in fields:");
                        }
                    }
                }
            }
        }
    }

    /** What the importers need of the workspace. */
    public static ImportContext context(Workspace workspace) {
        Set<String> stages = new HashSet<>();
        Map<String, Outcome> closing = new HashMap<>();
        Set<String> activityTypes = new HashSet<>();
        Set<String> documentTypes = new HashSet<>();
        Set<String> roles = new HashSet<>();
        for (SalesProcess process : workspace.processes()) {
            for (ProcessVersion version : process.versions()) {
                for (StageSpec stage : version.stages()) {
                    stages.add(stage.id());
                    if (stage.isTerminal()) {
                        closing.put(stage.id(), stage.terminal());
                    }
                    activityTypes.addAll(stage.exit().activities());
                    documentTypes.addAll(stage.exit().documents());
                }
                version.approvals().forEach(approval -> roles.addAll(approval.roles()));
            }
        }
        List<ImportContext.Person> people = new ArrayList<>();
        for (Person person : workspace.settings().people().values()) {
            people.add(new ImportContext.Person(person.id(), person.name(), person.team()));
            if (person.role() != null) {
                roles.add(person.role());
            }
        }
        return new ImportContext(
                workspace.settings().zone(),
                stages,
                closing,
                people,
                activityTypes,
                documentTypes,
                roles);
    }
}
