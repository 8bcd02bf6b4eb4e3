package fr.vigie.deals.imports;

import fr.vigie.common.DidYouMean;
import fr.vigie.common.Evidence;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.deals.input.Values;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.Document;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlNode;
import fr.vigie.yaml.YamlObject;
import fr.vigie.yaml.YamlScalar;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A source's mapping file ({@code WORKSPACE/sources/<name>.yaml}, docs/importers.md): how the CRM's
 * stages, activity types and values become the process's, which column fills which deal attribute,
 * how users are named, and what the export does not say by itself (encoding, separator, decimal
 * mark, order of day and month, zone of local times). Read with every problem located; a target
 * stage the workspace does not have is an error here, before any deal is read.
 */
public final class SourceMapping {

    /** The keys every mapping may have; each source adds its own ({@link #read}). */
    public static final List<String> COMMON_KEYS =
            List.of(
                    "source",
                    "stages",
                    "activities",
                    "fields",
                    "values",
                    "defaults",
                    "events",
                    "people",
                    "roles",
                    "formats",
                    "limits",
                    "files");

    /**
     * Tables of {@code values:} for what is not a deal attribute: the outcome, and the types of
     * decisions and documents.
     */
    public static final List<String> VALUE_TABLES =
            List.of("outcome", "decision-type", "document-type");

    /**
     * How a field of the deal's account is named in {@code fields:} ({@code Account.Segment__c}).
     */
    public static final String ACCOUNT = "Account.";

    /** A column holding the date of a document or an activity ({@code events:}). */
    public record DatedEvent(String column, String kind, String type, Location location) {}

    /** A column filling a deal attribute ({@code fields:}). */
    public record Field(String column, String target, Location location) {}

    /**
     * The column of the deals {@code fields:} maps to {@code target} (not an account's), or null.
     */
    public String columnOf(String target) {
        return fields.stream()
                .filter(f -> f.target().equals(target) && !f.column().startsWith(ACCOUNT))
                .map(Field::column)
                .findFirst()
                .orElse(null);
    }

    /** The account columns {@code fields:} names ({@code Account.Segment__c} gives Segment__c). */
    public List<Field> accountFields() {
        return fields.stream().filter(f -> f.column().startsWith(ACCOUNT)).toList();
    }

    private final SourceKind kind;
    private final String shown;
    private final Translation stages;
    private final Translation activities;
    private final List<Field> fields;
    private final Map<String, Translation> values;
    private final Map<String, String> defaults;
    private final List<DatedEvent> events;
    private final People.Rule people;
    private final Charset encoding;
    private final Character separator;
    private final ValueFormats formats;
    private final Limits limits;
    private final Map<String, YamlObject.Located<String>> files;
    private final YamlObject root;

    private SourceMapping(
            SourceKind kind,
            String shown,
            Translation stages,
            Translation activities,
            List<Field> fields,
            Map<String, Translation> values,
            Map<String, String> defaults,
            List<DatedEvent> events,
            People.Rule people,
            Charset encoding,
            Character separator,
            ValueFormats formats,
            Limits limits,
            Map<String, YamlObject.Located<String>> files,
            YamlObject root) {
        this.kind = kind;
        this.shown = shown;
        this.stages = stages;
        this.activities = activities;
        this.fields = List.copyOf(fields);
        this.values = Map.copyOf(values);
        this.defaults = Map.copyOf(defaults);
        this.events = List.copyOf(events);
        this.people = people;
        this.encoding = encoding;
        this.separator = separator;
        this.formats = formats;
        this.limits = limits;
        this.files = Map.copyOf(files);
        this.root = root;
    }

    /**
     * A mapping that states nothing, for a source that needs none (an XES log written by Vigie).
     */
    public static SourceMapping none(SourceKind kind, ImportContext context) {
        Translation empty = new Translation("stages", "(no mapping)", Map.of());
        return new SourceMapping(
                kind,
                "(no mapping)",
                empty,
                new Translation("activities", "(no mapping)", Map.of()),
                List.of(),
                Map.of(),
                Map.of(),
                List.of(),
                new People.Rule(People.From.ID, Map.of(), null),
                null,
                null,
                ValueFormats.detecting(context.zone(), "the mapping"),
                Limits.defaults(),
                Map.of(),
                null);
    }

    /**
     * Reads the mapping in {@code node} ({@code shown} as the user sees it); a source's own keys
     * are {@code ownKeys}, read by the source from {@link #root()}. Problems go to {@code
     * problems}.
     */
    public static SourceMapping read(
            YamlNode node,
            String shown,
            SourceKind expected,
            ImportContext context,
            Problems problems,
            List<String> ownKeys) {
        List<String> keys = new ArrayList<>(COMMON_KEYS);
        keys.addAll(ownKeys);
        YamlObject root = YamlObject.of(node, shown, problems, keys.toArray(String[]::new));
        if (root == null) {
            return none(expected, context);
        }
        String source = root.requiredText("source");
        if (source != null && SourceKind.fromCode(source).orElse(null) != expected) {
            problems.error(
                    root.valueLocation("source"),
                    "source: '"
                            + source
                            + "' but this mapping is read for "
                            + expected.aTitle()
                            + " (source: "
                            + expected.code()
                            + ")"
                            + DidYouMean.hint(source, SourceKind.codes()));
        }
        Translation stages = stages(root, shown, context, problems);
        if (stages.isEmpty() && expected != SourceKind.XES) {
            problems.error(
                    root.locationOf("stages"),
                    "stages: is needed: it maps each stage of the CRM to a stage of the process ("
                            + String.join(", ", new TreeSet<>(context.stages()))
                            + ")");
        }
        Translation activities = table(root, "activities", shown, problems);
        checkNames(
                root.node("activities"),
                "activity type",
                context.activityTypes(),
                ACTIVITY_TYPES,
                problems);
        List<Field> fields = fields(root, problems);
        Map<String, Translation> values = new LinkedHashMap<>();
        for (YamlMap.Entry entry : root.entries("values")) {
            String target = entry.key();
            if (!VALUE_TABLES.contains(target)) {
                checkTarget(target, entry.keyLocation(), problems);
            }
            values.put(target, table(entry.value(), "values." + target, shown, problems));
            if (target.equals("outcome")) {
                checkNames(entry.value(), "outcome", OUTCOMES, OUTCOMES_KNOWN, problems);
            } else if (target.equals("document-type")) {
                checkNames(
                        entry.value(),
                        "document type",
                        context.documentTypes(),
                        DOCUMENT_TYPES,
                        problems);
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (YamlMap.Entry entry : root.entries("defaults")) {
            checkTarget(entry.key(), entry.keyLocation(), problems);
            String value = scalar(entry.value(), "defaults." + entry.key(), problems);
            if (value != null) {
                defaults.put(entry.key(), value);
            }
        }
        List<DatedEvent> events = events(root, problems);
        for (DatedEvent event : events) {
            boolean document = event.kind().equals("document");
            checkName(
                    event.column(),
                    event.type(),
                    event.location(),
                    document ? "document type" : "activity type",
                    document ? context.documentTypes() : context.activityTypes(),
                    document ? DOCUMENT_TYPES : ACTIVITY_TYPES,
                    problems);
        }
        People.Rule people = people(root, shown, problems);
        if (root.node("people") instanceof YamlMap peopleNode && !context.people().isEmpty()) {
            Set<String> ids = new TreeSet<>();
            context.people().forEach(person -> ids.add(person.id()));
            checkNames(peopleNode.get("map"), "person", ids, PEOPLE, problems);
        }
        checkNames(root.node("roles"), "role", context.roles(), ROLES, problems);
        YamlObject formats =
                root.object(
                        "formats",
                        "formats: in " + shown,
                        "encoding",
                        "separator",
                        "decimal",
                        "dates",
                        "local-times");
        Charset encoding = null;
        Character separator = null;
        Character decimal = null;
        ValueFormats.DateOrder order = null;
        ZoneId localTimes = null;
        if (formats != null) {
            String named = formats.text("encoding");
            if (named != null) {
                encoding = TextEncoding.named(named);
                if (encoding == null) {
                    problems.error(
                            formats.valueLocation("encoding"),
                            "unknown encoding '"
                                    + named
                                    + "'; write utf-8, windows-1252, iso-8859-15 or utf-16");
                }
            }
            String sep = formats.text("separator");
            if (sep != null) {
                separator =
                        switch (sep) {
                            case ";", ",", "|" -> sep.charAt(0);
                            case "tab", "\\t" -> '\t';
                            default -> {
                                problems.error(
                                        formats.valueLocation("separator"),
                                        "separator must be \";\", \",\", \"|\" or tab, not '"
                                                + sep
                                                + "'");
                                yield null;
                            }
                        };
            }
            String mark = formats.choice("decimal", ",", ".");
            decimal = mark == null ? null : mark.charAt(0);
            String dates = formats.choice("dates", "day-first", "month-first");
            order =
                    dates == null
                            ? null
                            : dates.equals("day-first")
                                    ? ValueFormats.DateOrder.DAY_FIRST
                                    : ValueFormats.DateOrder.MONTH_FIRST;
            localTimes = localTimes(formats, context, problems);
        }
        Limits limits = limits(root, shown);
        Map<String, YamlObject.Located<String>> files = new LinkedHashMap<>();
        for (YamlMap.Entry entry : root.entries("files")) {
            String name = scalar(entry.value(), "files." + entry.key(), problems);
            if (name != null) {
                files.put(entry.key(), new YamlObject.Located<>(name, entry.value().location()));
            }
        }
        return new SourceMapping(
                expected,
                shown,
                stages,
                activities,
                fields,
                values,
                defaults,
                events,
                people,
                encoding,
                separator,
                new ValueFormats(decimal, order, localTimes, context.zone(), shown),
                limits,
                files,
                root);
    }

    private static Translation stages(
            YamlObject root, String shown, ImportContext context, Problems problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (YamlMap.Entry entry : root.entries("stages")) {
            String stage = scalar(entry.value(), "stages." + entry.key(), problems);
            if (stage == null) {
                continue;
            }
            if (!context.stages().contains(stage)) {
                problems.error(
                        entry.value().location(),
                        "'"
                                + entry.key()
                                + "' maps to '"
                                + stage
                                + "', which no process of the workspace has"
                                + DidYouMean.hint(stage, context.stages())
                                + "; the stages are "
                                + String.join(", ", new TreeSet<>(context.stages())));
            }
            entries.put(entry.key(), stage);
        }
        return new Translation("stages", shown, entries);
    }

    private static final Set<String> OUTCOMES = Set.of("open", "won", "lost");
    private static final String OUTCOMES_KNOWN = "; write open, won or lost";
    private static final String ACTIVITY_TYPES =
            ", which no process of the workspace requires: its activities would be read and never"
                    + " judged; the processes require ";
    private static final String DOCUMENT_TYPES =
            ", which no process of the workspace requires: its documents would be read and never"
                    + " judged; the processes require ";
    private static final String PEOPLE = ", who is not a person of vigie.yaml; its people are ";
    private static final String ROLES =
            ", which neither the processes' approvals nor vigie.yaml's people name; the roles are ";

    /**
     * Checks that every value of the table {@code node} (CRM value: Vigie value) is one of {@code
     * known} (not checked when the workspace names none), naming the closest; {@code why} ends the
     * message.
     */
    private static void checkNames(
            YamlNode node, String what, Set<String> known, String why, Problems problems) {
        if (!(node instanceof YamlMap map)) {
            return;
        }
        for (YamlMap.Entry entry : map.entries().values()) {
            if (entry.value() instanceof YamlScalar scalar && !scalar.isNull()) {
                checkName(
                        entry.key(),
                        scalar.value(),
                        entry.value().location(),
                        what,
                        known,
                        why,
                        problems);
            }
        }
    }

    private static void checkName(
            String from,
            String name,
            Location at,
            String what,
            Set<String> known,
            String why,
            Problems problems) {
        if (known.isEmpty() || known.contains(name)) {
            return;
        }
        String list = why.endsWith(" ") ? why + String.join(", ", new TreeSet<>(known)) : why;
        problems.error(
                at,
                "'"
                        + from
                        + "' maps to "
                        + what
                        + " '"
                        + name
                        + "'"
                        + DidYouMean.hint(name, known)
                        + list);
    }

    private static Translation table(YamlObject root, String key, String shown, Problems problems) {
        YamlNode node = root.node(key);
        return node == null
                ? new Translation(key, shown, Map.of())
                : table(node, key, shown, problems);
    }

    private static Translation table(YamlNode node, String key, String shown, Problems problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (node instanceof YamlScalar scalar && scalar.isNull()) {
            return new Translation(key, shown, entries);
        }
        if (!(node instanceof YamlMap map)) {
            problems.error(
                    node.location(),
                    key + " must be a mapping (CRM value: Vigie value), not " + node.kind());
            return new Translation(key, shown, entries);
        }
        for (YamlMap.Entry entry : map.entries().values()) {
            String value = scalar(entry.value(), key + "." + entry.key(), problems);
            if (value != null) {
                entries.put(entry.key(), value);
            }
        }
        return new Translation(key, shown, entries);
    }

    private static List<Field> fields(YamlObject root, Problems problems) {
        List<Field> fields = new ArrayList<>();
        for (YamlMap.Entry entry : root.entries("fields")) {
            String target = scalar(entry.value(), "fields." + entry.key(), problems);
            if (target != null && checkTarget(target, entry.value().location(), problems)) {
                fields.add(new Field(entry.key(), target, entry.value().location()));
            }
        }
        return fields;
    }

    private static boolean checkTarget(String target, Location at, Problems problems) {
        if (DraftBuilder.TARGETS.contains(target)) {
            return true;
        }
        if (target.startsWith(DraftBuilder.FIELDS)
                && target.length() > DraftBuilder.FIELDS.length()) {
            return true;
        }
        problems.error(
                at,
                "unknown deal attribute '"
                        + target
                        + "'"
                        + DidYouMean.hint(target, DraftBuilder.TARGETS)
                        + "; write one of "
                        + String.join(", ", DraftBuilder.TARGETS)
                        + ", or fields.<name> for a field of the deal (fields.budget)");
        return false;
    }

    private static List<DatedEvent> events(YamlObject root, Problems problems) {
        List<DatedEvent> events = new ArrayList<>();
        for (YamlMap.Entry entry : root.entries("events")) {
            YamlObject event =
                    YamlObject.of(
                            entry.value(),
                            "events." + entry.key(),
                            problems,
                            "document",
                            "activity");
            if (event == null) {
                continue;
            }
            String document = event.text("document");
            String activity = event.text("activity");
            if ((document == null) == (activity == null)) {
                problems.error(
                        entry.value().location(),
                        "events."
                                + entry.key()
                                + " needs either document: <type> or activity: <type>");
                continue;
            }
            events.add(
                    new DatedEvent(
                            entry.key(),
                            document != null ? "document" : "activity",
                            document != null ? document : activity,
                            entry.keyLocation()));
        }
        return events;
    }

    private static People.Rule people(YamlObject root, String shown, Problems problems) {
        YamlObject people = root.object("people", "people: in " + shown, "from", "map");
        People.From from = People.From.ID;
        Map<String, String> exceptions = new LinkedHashMap<>();
        if (people != null) {
            String code = people.choice("from", "id", "email", "name");
            if (code != null) {
                from = People.From.valueOf(code.toUpperCase(java.util.Locale.ROOT));
            }
            for (YamlMap.Entry entry : people.entries("map")) {
                String person = scalar(entry.value(), "people.map." + entry.key(), problems);
                if (person != null) {
                    exceptions.put(entry.key(), person);
                }
            }
        }
        return new People.Rule(from, exceptions, table(root, "roles", shown, problems));
    }

    private static ZoneId localTimes(YamlObject formats, ImportContext context, Problems problems) {
        String zone = formats.text("local-times");
        if (zone == null) {
            return null;
        }
        if (zone.equalsIgnoreCase("workspace")) {
            return context.zone();
        }
        if (zone.equalsIgnoreCase("utc")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.error(
                    formats.valueLocation("local-times"),
                    "local-times must be workspace (the zone of vigie.yaml), utc, or a zone such as"
                            + " Europe/Paris, not '"
                            + zone
                            + "'");
            return null;
        }
    }

    private static Limits limits(YamlObject root, String shown) {
        YamlObject limits =
                root.object(
                        "limits",
                        "limits: in " + shown,
                        "max-file-mb",
                        "max-rows",
                        "max-held-rows");
        Limits defaults = Limits.defaults();
        if (limits == null) {
            return defaults;
        }
        Integer fileMb = limits.integer("max-file-mb", 1, 1_000_000);
        Integer rows = limits.integer("max-rows", 1, Integer.MAX_VALUE);
        Integer held = limits.integer("max-held-rows", 1, Integer.MAX_VALUE);
        return new Limits(
                fileMb == null ? defaults.maxFileBytes() : fileMb * 1024L * 1024L,
                rows == null ? defaults.maxRows() : rows,
                held == null ? defaults.maxHeldRows() : held);
    }

    private static String scalar(YamlNode node, String key, Problems problems) {
        if (node instanceof YamlScalar scalar) {
            return scalar.isNull() ? null : scalar.value().strip();
        }
        problems.error(node.location(), key + " must be a value, not " + node.kind());
        return null;
    }

    /**
     * What the deals' own columns carry through {@code events:}: activities when a column is dated
     * by an activity, documents when one is dated by a document (a quote sent, an order signed);
     * and the loss reason when {@code fields:} names its column. Each importer adds what its other
     * files and its own columns carry.
     */
    public Set<Evidence> carriedByColumns() {
        Set<Evidence> carried = EnumSet.noneOf(Evidence.class);
        if (columnOf("lossReason") != null) {
            carried.add(Evidence.LOSS_REASON);
        }
        for (var event : events) {
            if (event.kind().equals("activity")) {
                carried.add(Evidence.ACTIVITIES);
            } else if (event.kind().equals("document")) {
                carried.add(Evidence.DOCUMENTS);
            }
        }
        return carried;
    }

    /** The deal fields a column fills ({@code fields.budget} gives budget). */
    public Set<String> fieldNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (Field field : fields) {
            if (field.target().startsWith(DraftBuilder.FIELDS)) {
                names.add(field.target().substring(DraftBuilder.FIELDS.length()));
            }
        }
        return names;
    }

    public SourceKind kind() {
        return kind;
    }

    /** The mapping file as shown. */
    public String shown() {
        return shown;
    }

    public Translation stages() {
        return stages;
    }

    public Translation activities() {
        return activities;
    }

    public List<Field> fields() {
        return fields;
    }

    public People.Rule people() {
        return people;
    }

    public Limits limits() {
        return limits;
    }

    public ValueFormats formats() {
        return formats;
    }

    /**
     * The mapping's own keys of a source, with their locations, to read what only that source has.
     */
    public YamlObject root() {
        return root;
    }

    /** The file the mapping names for {@code role} ({@code files:}), or null. */
    public YamlObject.Located<String> file(String role) {
        return files.get(role);
    }

    public Set<String> fileRoles() {
        return files.keySet();
    }

    /** How the files of this export are read: stated encoding and separator, formats, limits. */
    public ExportFile.Reading reading() {
        return new ExportFile.Reading(encoding, separator, formats, limits);
    }

    /**
     * The same reading with another decimal mark when the mapping states none (Salesforce writes
     * numbers with a point).
     */
    public ExportFile.Reading reading(char defaultDecimal) {
        ValueFormats f =
                formats.decimal() != null
                        ? formats
                        : new ValueFormats(
                                defaultDecimal,
                                formats.dateOrder(),
                                formats.localTimes(),
                                formats.zone(),
                                formats.mapping());
        return new ExportFile.Reading(encoding, separator, f, limits);
    }

    /**
     * Checks that every column the mapping names ({@code fields:}, {@code events:}) is in {@code
     * file}; {@code Account.<column>} fields are the account's, checked by the source that has
     * accounts.
     */
    public void checkColumns(ExportFile file, Problems problems) {
        for (Field field : fields) {
            if (!field.column().startsWith(ACCOUNT)) {
                file.requireMapped(
                        problems, field.location(), field.column(), "fields." + field.column());
            }
        }
        for (DatedEvent event : events) {
            file.requireMapped(
                    problems, event.location(), event.column(), "events." + event.column());
        }
    }

    /**
     * Applies the mapping to a deal read from {@code row}: {@code fields:} (read as the attribute
     * needs: a number for amount, a date for expectedCloseDate), then the {@code values:} tables,
     * the owner through {@code people}, then {@code defaults:} for what is still empty, then the
     * dated {@code events:}.
     */
    public void apply(
            Cells row,
            DraftBuilder deal,
            People named,
            java.util.function.UnaryOperator<String> account) {
        for (Field field : fields) {
            String column = field.column();
            if (column.startsWith(ACCOUNT)) {
                String text =
                        account == null ? null : account.apply(column.substring(ACCOUNT.length()));
                Object value =
                        switch (field.target()) {
                            case "amount" ->
                                    row.read(
                                            column,
                                            () ->
                                                    Values.nonNegative(
                                                            column, formats.number(column, text)));
                            case "expectedCloseDate" ->
                                    row.read(column, () -> formats.date(column, text));
                            default -> text;
                        };
                deal.set(field.target(), value, column);
                continue;
            }
            Object value =
                    switch (field.target()) {
                        case "amount" -> row.nonNegative(column);
                        case "expectedCloseDate" -> row.date(column);
                        default -> row.text(column);
                    };
            deal.set(field.target(), value, row.header(column));
        }
        values.forEach(
                (target, table) -> {
                    if (VALUE_TABLES.contains(target)) {
                        return;
                    }
                    Object value = deal.get(target);
                    if (value != null) {
                        String column = deal.columnOf(target);
                        String translated =
                                table.apply(
                                        column == null ? target : column, target, value.toString());
                        deal.set(target, translated, column);
                    }
                });
        Object owner = deal.get("owner");
        if (owner != null && named != null) {
            String column = deal.columnOf("owner");
            deal.set(
                    "owner",
                    row.read(column, () -> named.person(column, owner.toString())),
                    column);
        }
        defaults.forEach(
                (target, value) -> {
                    if (deal.get(target) == null) {
                        deal.set(
                                target,
                                target.equals("amount")
                                        ? Values.decimal(target, value)
                                        : target.equals("expectedCloseDate")
                                                ? Values.date(target, value)
                                                : value,
                                null);
                    }
                });
        for (DatedEvent event : events) {
            OffsetDateTime at = row.instant(event.column());
            if (at != null) {
                if (event.kind().equals("document")) {
                    deal.documents().add(new Document(event.type(), at, null));
                } else {
                    deal.activities().add(new Activity(event.type(), at, null, null));
                }
            }
        }
    }

    /**
     * The value for {@code value} through the {@code values:} table {@code table} (outcome,
     * decision-type, document-type), read from {@code field}; as it is when the mapping has no such
     * table.
     */
    public String value(String table, String field, String value) {
        Translation translation = values.get(table);
        return translation == null
                ? value
                : translation.apply(field, table.replace('-', ' '), value);
    }

    /**
     * The deal's stage for the CRM's {@code stage}, read from {@code column}; an unmapped stage is
     * refused, naming it.
     */
    public String stage(String column, String stage) {
        return stages.apply(column, "stage", stage);
    }

    /**
     * An activity type as the process names it, through {@code activities:} when the mapping has
     * it.
     */
    public String activity(String column, String type) {
        return activities.applyIfAny(column, "activity type", type);
    }
}
