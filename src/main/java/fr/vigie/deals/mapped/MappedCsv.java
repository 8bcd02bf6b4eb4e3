package fr.vigie.deals.mapped;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Evidence;
import fr.vigie.common.Location;
import fr.vigie.common.Outcome;
import fr.vigie.common.Problems;
import fr.vigie.deals.imports.DealItems;
import fr.vigie.deals.imports.DraftBuilder;
import fr.vigie.deals.imports.ExportFile;
import fr.vigie.deals.imports.ExportFolder;
import fr.vigie.deals.imports.ExportInput;
import fr.vigie.deals.imports.ExportRow;
import fr.vigie.deals.imports.HeldRows;
import fr.vigie.deals.imports.ImportContext;
import fr.vigie.deals.imports.LookupTable;
import fr.vigie.deals.imports.People;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.Values;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlObject;
import fr.vigie.yaml.YamlScalar;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Any CSV export, read through its mapping (docs/importers.md#any-csv): the file of deals, one row
 * each, and optionally files of stage changes, activities, decisions, line items, close date
 * changes and documents tied to their deal by its id, as in Vigie's CSV bundle but with the
 * export's own file and column names, formats and values. The stage history is a file of stage
 * changes, or a column per stage of the deals file holding when the deal entered it ({@code
 * stage-dates:}), or only the current stage.
 */
public final class MappedCsv {

    /**
     * The role of the accounts file, a lookup table: not tied to deals by their id, but looked up
     * by the deal's account id.
     */
    private static final String ACCOUNTS = Accounts.ROLE;

    private static List<String> allRoles() {
        List<String> roles = new ArrayList<>(MappedFile.byRole().keySet());
        roles.add(ACCOUNTS);
        return roles;
    }

    /** The keys of a mapping only this source has. */
    public static final List<String> OWN_KEYS = List.of("columns", "stage-dates");

    /** A decision's value written as a number, maybe in percent. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9 \u00A0\u202F.,]*\\s*%?");

    private MappedCsv() {}

    /**
     * A column of the deals file holding when the deal entered a stage, and that stage as the
     * export names it.
     */
    private record StageDate(String column, String stage) {}

    /** What a deal's row and its files say, with their columns. */
    private record Columns(Map<MappedFile, Map<String, String>> byFile) {
        String of(MappedFile file, String field) {
            return byFile.getOrDefault(file, Map.of()).get(field);
        }
    }

    /**
     * Opens the export: {@code deals} is the deals file, or the folder of the files the mapping
     * names.
     */
    public static DealInput open(Path deals, SourceMapping mapping, ImportContext context) {
        Problems problems = new Problems();
        Path folder = Files.isDirectory(deals) ? deals : deals.toAbsolutePath().getParent();
        Map<MappedFile, Path> files = files(deals, folder, mapping, problems);
        Columns columns = columns(mapping, files, problems);
        problems.throwIfErrors();
        List<String> notes = new ArrayList<>();
        if (Files.isDirectory(deals)) {
            ExportFolder folderRead = ExportFolder.of(deals);
            files.values().forEach(folderRead::read);
            Accounts.file(folder, mapping, new Problems()).ifPresent(folderRead::read);
            folderRead.noteUnusedTo(notes);
        }
        ExportFile.Reading reading = mapping.reading();
        ExportFile dealsFile = ExportFile.open(files.get(MappedFile.DEALS), reading);
        try {
            dealsFile.noteTo(notes);
            checkHeader(dealsFile, MappedFile.DEALS, columns, mapping, problems);
            mapping.checkColumns(dealsFile, problems);
            List<StageDate> stageDates = stageDates(dealsFile, mapping, problems);
            if (columns.of(MappedFile.DEALS, "stage") == null
                    && stageDates.isEmpty()
                    && !files.containsKey(MappedFile.STAGE_HISTORY)) {
                problems.error(
                        mapping.root().location(),
                        "the mapping says nowhere where the stage history is: name a stage-history"
                                + " file, columns of stage-dates:, or at least the current stage"
                                + " (columns: deals: stage:)");
            }
            problems.throwIfErrors();
            Accounts accounts = Accounts.open(folder, mapping, reading, notes, problems);
            problems.throwIfErrors();
            People people = mapping.people().people(context, mapping.shown(), null, "the export");
            HeldRows held =
                    new HeldRows(
                            mapping.limits().maxHeldRows(), "no deal '%s' in " + dealsFile.name());
            for (MappedFile role : MappedFile.values()) {
                if (role == MappedFile.DEALS || !files.containsKey(role)) {
                    continue;
                }
                ExportFile file = ExportFile.open(files.get(role), reading);
                file.noteTo(notes);
                checkHeader(file, role, columns, mapping, problems);
                if (problems.hasErrors()) {
                    file.close();
                    problems.throwIfErrors();
                }
                held.load(
                        file,
                        role.kind(),
                        role.noun(),
                        new ChildReader(role, columns, mapping, people));
            }
            Maker maker = new Maker(mapping, context, people, columns, stageDates, accounts);
            String id = columns.of(MappedFile.DEALS, "id");
            DealChecks.Names names =
                    new DealChecks.Names(
                            id,
                            columns.of(MappedFile.DEALS, "created-at"),
                            columns.byFile()
                                    .get(MappedFile.DEALS)
                                    .getOrDefault("closed-at", "closed-at"),
                            columns.byFile()
                                    .get(MappedFile.DEALS)
                                    .getOrDefault("outcome", "outcome"),
                            "stages",
                            "no stage change, no stage date");
            return new ExportInput(
                            new ExportInput.Deals(dealsFile, "deals", id, key -> key, maker, names),
                            held,
                            LookupTable.counts(accounts.table()),
                            notes,
                            List.of())
                    .carrying(carried(files, stageDates, mapping), mapping);
        } catch (RuntimeException e) {
            dealsFile.close();
            throw e;
        }
    }

    /**
     * What the export carries: its files, and a stage history when it has a file of stage changes
     * or a date column for every stage its {@code stages:} names (a few dated stages are not a
     * history: the stages between them may have been gone through, or not).
     */
    private static Set<Evidence> carried(
            Map<MappedFile, Path> files, List<StageDate> stageDates, SourceMapping mapping) {
        Set<Evidence> carried = mapping.carriedByColumns();
        Set<String> dated = new HashSet<>();
        stageDates.forEach(d -> dated.add(d.stage()));
        if (files.containsKey(MappedFile.STAGE_HISTORY)
                || (!dated.isEmpty() && dated.containsAll(mapping.stages().names()))) {
            carried.add(Evidence.STAGE_HISTORY);
        }
        if (files.containsKey(MappedFile.ACTIVITIES)) {
            carried.add(Evidence.ACTIVITIES);
        }
        if (files.containsKey(MappedFile.DECISIONS)) {
            carried.add(Evidence.APPROVALS);
        }
        if (files.containsKey(MappedFile.LINE_ITEMS)) {
            carried.add(Evidence.LINE_ITEMS);
        }
        if (files.containsKey(MappedFile.CLOSE_DATE_CHANGES)) {
            carried.add(Evidence.FIELD_HISTORY);
        }
        if (files.containsKey(MappedFile.DOCUMENTS)) {
            carried.add(Evidence.DOCUMENTS);
        }
        return carried;
    }

    private static Map<MappedFile, Path> files(
            Path deals, Path folder, SourceMapping mapping, Problems problems) {
        Map<MappedFile, Path> files = new EnumMap<>(MappedFile.class);
        Map<String, MappedFile> roles = MappedFile.byRole();
        for (String role : mapping.fileRoles()) {
            YamlObject.Located<String> named = mapping.file(role);
            MappedFile file = roles.get(role);
            if (role.equals(ACCOUNTS)) {
                continue;
            }
            if (file == null) {
                problems.error(
                        named.location(),
                        "unknown file role '"
                                + role
                                + "'"
                                + DidYouMean.hint(role, allRoles())
                                + "; files: names "
                                + String.join(", ", allRoles()));
                continue;
            }
            Path path = ClientFolder.of(folder).named(named.value(), named.location());
            if (!Files.isRegularFile(path)) {
                problems.error(
                        named.location(),
                        "no file '" + named.value() + "' in " + DisplayPath.of(folder));
                continue;
            }
            files.put(file, path);
        }
        if (Files.isRegularFile(deals)) {
            files.putIfAbsent(MappedFile.DEALS, deals);
        }
        if (!files.containsKey(MappedFile.DEALS)) {
            problems.error(
                    mapping.root() == null
                            ? Location.of(mapping.shown())
                            : mapping.root().locationOf("files"),
                    "the mapping names no file of deals: write files: deals: <file name>, or pass"
                            + " the file with --deals");
        }
        return files;
    }

    /** The columns the mapping names for each file ({@code columns: <file>: <field>: <column>}). */
    private static Columns columns(
            SourceMapping mapping, Map<MappedFile, Path> files, Problems problems) {
        Map<MappedFile, Map<String, String>> byFile = new EnumMap<>(MappedFile.class);
        Map<String, MappedFile> roles = MappedFile.byRole();
        YamlObject root = mapping.root();
        if (root == null) {
            return new Columns(byFile);
        }
        for (YamlMap.Entry entry : root.entries("columns")) {
            MappedFile file = roles.get(entry.key());
            if (entry.key().equals(ACCOUNTS)) {
                continue;
            }
            if (file == null) {
                problems.error(
                        entry.keyLocation(),
                        "unknown file role '"
                                + entry.key()
                                + "'"
                                + DidYouMean.hint(entry.key(), allRoles())
                                + "; columns: names "
                                + String.join(", ", allRoles()));
                continue;
            }
            YamlObject fields =
                    YamlObject.of(
                            entry.value(),
                            "columns." + entry.key(),
                            problems,
                            file.fields().toArray(String[]::new));
            if (fields == null) {
                continue;
            }
            Map<String, String> named = new LinkedHashMap<>();
            for (String field : file.fields()) {
                String column = fields.text(field);
                if (column != null) {
                    named.put(field, column);
                }
            }
            for (String field : file.required()) {
                if (!named.containsKey(field)) {
                    problems.error(
                            entry.keyLocation(),
                            "columns."
                                    + entry.key()
                                    + " needs the column of '"
                                    + field
                                    + "': every row of its file needs "
                                    + String.join(", ", file.required()));
                }
            }
            if (!files.containsKey(file)) {
                problems.error(
                        entry.keyLocation(),
                        "columns."
                                + entry.key()
                                + " names the columns of a file that files: does not name");
            }
            byFile.put(file, named);
        }
        for (MappedFile file : files.keySet()) {
            if (!byFile.containsKey(file)) {
                problems.error(
                        root.locationOf("columns"),
                        "columns: "
                                + file.role()
                                + ": is needed: which column holds "
                                + String.join(", ", file.required())
                                + "...");
            }
        }
        return new Columns(byFile);
    }

    private static void checkHeader(
            ExportFile file,
            MappedFile role,
            Columns columns,
            SourceMapping mapping,
            Problems problems) {
        YamlObject section =
                mapping.root()
                        .object(
                                "columns",
                                "columns",
                                MappedFile.byRole().keySet().toArray(String[]::new));
        Map<String, String> named = columns.byFile().getOrDefault(role, Map.of());
        named.forEach(
                (field, column) -> {
                    Location at =
                            section == null
                                    ? mapping.root().location()
                                    : section.valueLocation(role.role());
                    file.requireMapped(
                            problems, at, column, "columns." + role.role() + "." + field);
                });
    }

    private static List<StageDate> stageDates(
            ExportFile deals, SourceMapping mapping, Problems problems) {
        List<StageDate> dates = new ArrayList<>();
        for (YamlMap.Entry entry : mapping.root().entries("stage-dates")) {
            if (!deals.has(entry.key())) {
                problems.error(
                        entry.keyLocation(),
                        "no column '"
                                + entry.key()
                                + "' in "
                                + deals.shown()
                                + DidYouMean.hint(entry.key(), deals.columns()));
            } else if (entry.value() instanceof YamlScalar scalar && !scalar.isNull()) {
                dates.add(new StageDate(entry.key(), scalar.value().strip()));
            } else {
                problems.error(
                        entry.value().location(),
                        "stage-dates."
                                + entry.key()
                                + " names the stage whose date the column holds");
            }
        }
        return dates;
    }

    /**
     * A row of a child file, read into the event it records, its values through the mapping's
     * formats and tables.
     */
    private record ChildReader(
            MappedFile role, Columns columns, SourceMapping mapping, People people)
            implements HeldRows.ChildReader {

        private String column(String field) {
            return columns.of(role, field);
        }

        private String text(ExportRow row, String field) {
            return column(field) == null ? null : row.text(column(field));
        }

        private String required(ExportRow row, String field) {
            return row.required(column(field), role.noun());
        }

        private OffsetDateTime at(ExportRow row, String field) {
            OffsetDateTime at = row.instant(column(field));
            if (at == null) {
                throw row.refuse(
                        column(field),
                        "the " + role.noun() + " has no '" + row.header(column(field)) + "'");
            }
            return at;
        }

        private String person(ExportRow row, String field) {
            String column = column(field);
            return column == null
                    ? null
                    : row.read(column, () -> people.person(row.header(column), row.text(column)));
        }

        @Override
        public HeldRows.Owner ownerOf(ExportRow row) {
            String id = required(row, "deal-id");
            return new HeldRows.Owner(id, row.at(column("deal-id")));
        }

        @Override
        public Object item(ExportRow row, String dealId) {
            return switch (role) {
                case STAGE_HISTORY ->
                        new StageChange(
                                row.read(
                                        column("stage"),
                                        () ->
                                                mapping.stage(
                                                        row.header(column("stage")),
                                                        required(row, "stage"))),
                                at(row, "at"),
                                person(row, "by"));
                case ACTIVITIES ->
                        new Activity(
                                row.read(
                                        column("type"),
                                        () ->
                                                mapping.activity(
                                                        row.header(column("type")),
                                                        required(row, "type"))),
                                at(row, "at"),
                                person(row, "by"),
                                text(row, "outcome"));
                case DECISIONS -> decision(row);
                case LINE_ITEMS -> line(row);
                case CLOSE_DATE_CHANGES ->
                        new CloseDateChange(
                                at(row, "at"),
                                column("from") == null ? null : row.date(column("from")),
                                row.date(column("to")),
                                person(row, "by"));
                case DOCUMENTS ->
                        new Document(
                                row.read(
                                        column("type"),
                                        () ->
                                                mapping.value(
                                                        "document-type",
                                                        row.header(column("type")),
                                                        required(row, "type"))),
                                at(row, "at"),
                                text(row, "name"));
                case DEALS ->
                        throw new IllegalArgumentException("the deals file has no child rows");
            };
        }

        private Decision decision(ExportRow row) {
            String type =
                    row.read(
                            column("type"),
                            () ->
                                    mapping.value(
                                            "decision-type",
                                            row.header(column("type")),
                                            required(row, "type")));
            return new Decision(
                    type,
                    value(row),
                    person(row, "by"),
                    role(row),
                    at(row, "at"),
                    text(row, "comment"));
        }

        /**
         * The role of the decision: its text through roles: when listed there; else none, and the
         * audit takes the person's role in vigie.yaml.
         */
        private String role(ExportRow row) {
            String title = text(row, "role");
            var roles = mapping.people().roles();
            return title == null || roles == null || !roles.knows(title)
                    ? null
                    : roles.apply(column("role"), "role", title);
        }

        /**
         * A decision's value: a number (15 %, 12,5) as Vigie writes numbers, refused when
         * ambiguous; any other text as it is.
         */
        private String value(ExportRow row) {
            String value = column("value") == null ? null : row.text(column("value"));
            if (value == null) {
                return null;
            }
            if (!NUMBER.matcher(value).matches()) {
                return value;
            }
            return row.read(
                    column("value"),
                    () ->
                            mapping.formats()
                                    .percent(row.header(column("value")), value)
                                    .toPlainString());
        }

        private LineItem line(ExportRow row) {
            BigDecimal listPrice = row.nonNegative(column("list-price"));
            if (listPrice == null) {
                throw row.refuse(
                        column("list-price"),
                        "the line item has no '" + row.header(column("list-price")) + "'");
            }
            try {
                return DealChecks.lineItem(
                        text(row, "product"),
                        number(row, "quantity"),
                        listPrice,
                        number(row, "unit-price"),
                        column("discount") == null ? null : row.percent(column("discount")),
                        number(row, "unit-cost"));
            } catch (InvalidValue invalid) {
                throw row.refuse(column(invalid.field()), invalid.getMessage());
            }
        }

        private BigDecimal number(ExportRow row, String field) {
            return column(field) == null ? null : row.nonNegative(column(field));
        }
    }

    /** Makes a deal of a row of the deals file and its child rows. */
    private record Maker(
            SourceMapping mapping,
            ImportContext context,
            People people,
            Columns columns,
            List<StageDate> stageDates,
            Accounts accounts)
            implements ExportInput.DealMaker {

        @Override
        public DealDraft draft(ExportRow row, DealItems items) {
            String created = columns.of(MappedFile.DEALS, "created-at");
            DraftBuilder deal =
                    new DraftBuilder()
                            .id(row.text(columns.of(MappedFile.DEALS, "id")))
                            .createdAt(row.instant(created));
            mapping.apply(row, deal, people, accounts.of(row));
            deal.teamFromOwner(people);
            stages(row, deal, items.list("stage-changes", StageChange.class));
            deal.activities().addAll(items.list("activities", Activity.class));
            deal.decisions().addAll(items.list("decisions", Decision.class));
            deal.lines().addAll(items.list("line-items", LineItem.class));
            deal.closeDateChanges().addAll(items.list("close-date-changes", CloseDateChange.class));
            deal.documents().addAll(items.list("documents", Document.class));
            deal.outcome(outcome(row, deal));
            String closed = columns.of(MappedFile.DEALS, "closed-at");
            OffsetDateTime closedAt = closed == null ? null : row.instant(closed);
            if (closedAt == null && closed == null && deal.outcome().isClosed()) {
                closedAt = deal.stages().get(deal.stages().size() - 1).at();
            }
            deal.closedAt(closedAt);
            return deal.draft();
        }

        /**
         * The stage changes of the history file in time order, else the stage-dates columns and the
         * current stage when none of them is it: entered at the {@code stage-entered-at} column
         * when the mapping names one and the row fills it, else at creation.
         */
        private void stages(ExportRow row, DraftBuilder deal, List<StageChange> history) {
            if (!history.isEmpty()) {
                deal.stages().addAll(DealChecks.inTimeOrder(history, StageChange::at));
                return;
            }
            List<StageChange> entered = new ArrayList<>();
            for (StageDate date : stageDates) {
                OffsetDateTime at = row.instant(date.column());
                if (at != null) {
                    entered.add(
                            new StageChange(
                                    row.read(
                                            date.column(),
                                            () ->
                                                    mapping.stage(
                                                            row.header(date.column()),
                                                            date.stage())),
                                    at,
                                    null));
                }
            }
            String column = columns.of(MappedFile.DEALS, "stage");
            if (column != null && row.text(column) != null) {
                String current =
                        row.read(column, () -> mapping.stage(row.header(column), row.text(column)));
                String enteredAt = columns.of(MappedFile.DEALS, "stage-entered-at");
                OffsetDateTime at = enteredAt == null ? null : row.instant(enteredAt);
                if (entered.isEmpty()
                        || (at != null
                                && entered.stream().noneMatch(c -> c.stage().equals(current)))) {
                    entered.add(
                            new StageChange(
                                    current,
                                    at != null
                                            ? at
                                            : row.instant(
                                                    columns.of(MappedFile.DEALS, "created-at")),
                                    (String) deal.get("owner")));
                }
            }
            entered.sort(Comparator.comparing(StageChange::at));
            deal.stages().addAll(entered);
        }

        /**
         * The outcome column (through values: outcome:), else the closing outcome of the last
         * stage.
         */
        private Outcome outcome(ExportRow row, DraftBuilder deal) {
            String column = columns.of(MappedFile.DEALS, "outcome");
            if (column != null && row.text(column) != null) {
                String value =
                        row.read(
                                column,
                                () ->
                                        mapping.value(
                                                "outcome", row.header(column), row.text(column)));
                return row.read(column, () -> Values.outcome(row.header(column), value));
            }
            if (deal.stages().isEmpty()) {
                return Outcome.OPEN;
            }
            return context.closingStages()
                    .getOrDefault(
                            deal.stages().get(deal.stages().size() - 1).stage(), Outcome.OPEN);
        }
    }
}
