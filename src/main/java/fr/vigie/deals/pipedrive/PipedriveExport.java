package fr.vigie.deals.pipedrive;

import fr.vigie.common.DidYouMean;
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
import fr.vigie.deals.imports.HeaderPeek;
import fr.vigie.deals.imports.HeldRows;
import fr.vigie.deals.imports.ImportContext;
import fr.vigie.deals.imports.LookupTable;
import fr.vigie.deals.imports.People;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.StageChange;
import fr.vigie.yaml.YamlObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Pipedrive export (docs/importers.md#pipedrive): the deals file (API field names, or the "Deal -
 * ..." labels of the web export), the deal flow / changelog (each change of a field, with its time:
 * the stage and the expected close date are read), the stages with their pipeline and order, the
 * activities, and the users. A Pipedrive deal is won or lost by its status, not by a stage: the
 * mapping's {@code status-stages:} says which stage of the process it then enters.
 */
public final class PipedriveExport {

    /** The keys of a mapping only Pipedrive has. */
    public static final List<String> OWN_KEYS = List.of("status-stages");

    static final List<String> ROLES =
            List.of("deals", "changelog", "stages", "activities", "users");

    /** Each role of the deals file: its API name, then its label in the web export. */
    private static final Map<String, List<String>> DEALS = new LinkedHashMap<>();

    static {
        DEALS.put("id", List.of("id", "Deal - ID"));
        DEALS.put("title", List.of("title", "Deal - Title"));
        DEALS.put("value", List.of("value", "Deal - Value"));
        DEALS.put("currency", List.of("currency", "Deal - Currency of Value", "Deal - Currency"));
        DEALS.put("stage", List.of("stage_id", "Deal - Stage"));
        DEALS.put("status", List.of("status", "Deal - Status"));
        DEALS.put("created", List.of("add_time", "Deal - Deal created"));
        DEALS.put("won", List.of("won_time", "Deal - Won time"));
        DEALS.put("lost", List.of("lost_time", "Deal - Lost time"));
        DEALS.put("lost-reason", List.of("lost_reason", "Deal - Lost reason"));
        DEALS.put("expected-close", List.of("expected_close_date", "Deal - Expected close date"));
        DEALS.put("owner", List.of("user_id", "Deal - Owner"));
        DEALS.put("organization", List.of("org_name", "Deal - Organization"));
    }

    private PipedriveExport() {}

    /**
     * Whether {@code folder} holds a Pipedrive export: a deals file with a stage and a creation
     * time.
     */
    public static boolean looksLike(Path folder) {
        return ExportFolder.of(folder).csvFiles().stream()
                .map(HeaderPeek::columns)
                .anyMatch(PipedriveExport::isDeals);
    }

    private static boolean isDeals(List<String> header) {
        return header.contains("stage_id") && header.contains("add_time")
                || header.contains("deal - stage") && header.contains("deal - title");
    }

    private static String roleOf(List<String> header) {
        if (isDeals(header)) {
            return "deals";
        }
        if (header.contains("field_key") && header.contains("log_time")) {
            return "changelog";
        }
        if (header.contains("order_nr") && header.contains("name")) {
            return "stages";
        }
        if (header.contains("deal_id")
                && header.contains("type")
                && (header.contains("marked_as_done_time") || header.contains("due_date"))) {
            return "activities";
        }
        if (header.contains("id") && header.contains("email") && header.contains("name")) {
            return "users";
        }
        return null;
    }

    /** A change of the deal's stage or expected close date, from the changelog. */
    record Change(
            String field,
            String stage,
            LocalDate date,
            OffsetDateTime at,
            String by,
            String oldStage,
            LocalDate oldDate,
            int order) {}

    public static DealInput open(Path folder, SourceMapping mapping, ImportContext context) {
        Problems problems = new Problems();
        ExportFolder export = ExportFolder.of(folder);
        ExportFolder.checkRoles(mapping, ROLES, problems);
        Map<String, Path> files = files(export, mapping, problems);
        Map<Outcome, String> statusStages = statusStages(mapping, context, problems);
        problems.throwIfErrors();
        List<String> notes = new ArrayList<>();
        ExportFile.Reading reading = mapping.reading();
        long maxHeld = mapping.limits().maxHeldRows();
        LookupTable stages =
                lookup(
                        files.get("stages"),
                        "stages",
                        reading,
                        maxHeld,
                        notes,
                        problems,
                        "name",
                        "order_nr",
                        "pipeline_id");
        LookupTable users =
                lookup(
                        files.get("users"),
                        "users",
                        reading,
                        maxHeld,
                        notes,
                        problems,
                        "name",
                        "email");
        problems.throwIfErrors();
        ExportFile deals = ExportFile.open(files.get("deals"), reading);
        try {
            deals.noteTo(notes);
            Map<String, String> columns = new LinkedHashMap<>();
            DEALS.forEach(
                    (role, names) -> {
                        String column = deals.first(names.toArray(String[]::new));
                        if (column != null) {
                            columns.put(role, column);
                        }
                    });
            for (String role : List.of("id", "stage", "created", "status")) {
                if (!columns.containsKey(role)) {
                    problems.error(
                            Location.of(deals.shown(), 1),
                            "missing the column of the deal's "
                                    + role
                                    + " ("
                                    + String.join(" or ", DEALS.get(role))
                                    + ")");
                }
            }
            mapping.checkColumns(deals, problems);
            problems.throwIfErrors();
            People people =
                    mapping.people()
                            .people(
                                    context,
                                    mapping.shown(),
                                    id ->
                                            users.contains(id)
                                                    ? new People.User(
                                                            users.get(id, "email"),
                                                            users.get(id, "name"),
                                                            null)
                                                    : null,
                                    files.containsKey("users")
                                            ? users.shown()
                                            : "the users file (not in the export)");
            StageNames stageNames = new StageNames(mapping, stages);
            HeldRows held = new HeldRows(maxHeld, "no deal '%s' in " + deals.name());
            held.load(
                    files.get("changelog"),
                    reading,
                    "changelog",
                    "change",
                    new ChangeReader(people, stageNames),
                    notes,
                    problems,
                    "item_id",
                    "field_key",
                    "new_value",
                    "log_time");
            held.load(
                    files.get("activities"),
                    reading,
                    "activities",
                    "activity",
                    new ActivityReader(people, mapping),
                    notes,
                    problems,
                    "deal_id",
                    "type");
            export.noteUnusedTo(notes);
            List<DealInput.FileCount> lookedUp = LookupTable.counts(stages, users);
            Maker maker = new Maker(mapping, people, columns, stageNames, statusStages);
            DealChecks.Names names =
                    new DealChecks.Names(
                            columns.get("id"),
                            columns.get("created"),
                            columns.getOrDefault("won", "won_time"),
                            columns.get("status"),
                            "stages",
                            "no stage_id change in the changelog");
            java.util.Set<Evidence> carried = mapping.carriedByColumns();
            if (files.containsKey("changelog")) {
                carried.add(Evidence.STAGE_HISTORY);
                carried.add(Evidence.FIELD_HISTORY);
            }
            if (files.containsKey("activities")) {
                carried.add(Evidence.ACTIVITIES);
            }
            if (columns.containsKey("lost-reason")) {
                carried.add(Evidence.LOSS_REASON);
            }
            return new ExportInput(
                            new ExportInput.Deals(
                                    deals, "deals", columns.get("id"), id -> id, maker, names),
                            held,
                            lookedUp,
                            notes,
                            List.of())
                    .carrying(carried, mapping);
        } catch (RuntimeException e) {
            deals.close();
            throw e;
        }
    }

    private static Map<String, Path> files(
            ExportFolder export, SourceMapping mapping, Problems problems) {
        Map<String, Path> files = export.named(ROLES, mapping, problems);
        export.addByHeader(files, PipedriveExport::roleOf, "Pipedrive", mapping, problems);
        if (!files.containsKey("deals")) {
            problems.error(
                    Location.of(export.shown()),
                    "no deals file in this folder: a Pipedrive deals export has the columns"
                            + " stage_id and add_time (or Deal - Stage and Deal - Title)");
        }
        return files;
    }

    /**
     * The stages a won and a lost deal enter: the mapping's status-stages:, else the only won and
     * lost stages of the processes.
     */
    private static Map<Outcome, String> statusStages(
            SourceMapping mapping, ImportContext context, Problems problems) {
        Map<Outcome, String> stages = new LinkedHashMap<>();
        YamlObject root = mapping.root();
        YamlObject stated =
                root == null
                        ? null
                        : root.object(
                                "status-stages",
                                "status-stages: in " + mapping.shown(),
                                "won",
                                "lost");
        for (Outcome outcome : List.of(Outcome.WON, Outcome.LOST)) {
            String key = outcome.name().toLowerCase(Locale.ROOT);
            String stage = stated == null ? null : stated.text(key);
            if (stage != null && !context.stages().contains(stage)) {
                problems.error(
                        stated.valueLocation(key),
                        "status-stages."
                                + key
                                + " is '"
                                + stage
                                + "', which no process of the workspace has"
                                + DidYouMean.hint(stage, context.stages()));
            }
            if (stage == null) {
                stage = context.onlyStage(outcome);
            }
            if (stage == null) {
                problems.error(
                        root == null
                                ? Location.of(mapping.shown())
                                : root.locationOf("status-stages"),
                        "the processes close "
                                + key
                                + " deals in different stages: say which one a "
                                + key
                                + " Pipedrive deal enters in status-stages: "
                                + key
                                + ":");
            }
            stages.put(outcome, stage);
        }
        return stages;
    }

    private static LookupTable lookup(
            Path path,
            String kind,
            ExportFile.Reading reading,
            long maxHeld,
            List<String> notes,
            Problems problems,
            String... columns) {
        return LookupTable.open(
                path, kind, reading, maxHeld, notes, problems, "id", id -> id, List.of(columns));
    }

    /**
     * A stage as Pipedrive writes it (its id, or its name in the web export) → the process's stage,
     * through the stages file.
     */
    private record StageNames(SourceMapping mapping, LookupTable stages) {

        String of(String column, String stage) {
            if (stage == null) {
                return null;
            }
            if (!mapping.stages().knows(stage)
                    && stages.contains(stage)
                    && stages.get(stage, "name") != null) {
                return mapping.stage(column, stages.get(stage, "name"));
            }
            return mapping.stage(column, stage);
        }

        /**
         * The place of a stage in its pipeline (order_nr), to order the moves a deal made within
         * the same second; 0 when unknown.
         */
        int order(String stageId) {
            String order = stages.get(stageId, "order_nr");
            try {
                return order == null ? 0 : Integer.parseInt(order);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /**
     * The changelog: changes of stage_id and expected_close_date are read; changes of other fields
     * are the deal's but give nothing.
     */
    private record ChangeReader(People people, StageNames stages) implements HeldRows.ChildReader {

        @Override
        public HeldRows.Owner ownerOf(ExportRow row) {
            String deal = row.text("item_id");
            if (deal == null) {
                throw row.refuse("item_id", "the change has no 'item_id' (its deal)");
            }
            return new HeldRows.Owner(deal, row.at("item_id"));
        }

        @Override
        public Object item(ExportRow row, String dealId) {
            String field = row.text("field_key");
            if (!"stage_id".equals(field)
                    && !"expected_close_date".equals(field)
                    && !"status".equals(field)) {
                return null;
            }
            OffsetDateTime at = row.instant("log_time");
            if (at == null) {
                throw row.refuse("log_time", "the change has no 'log_time'");
            }
            String by = row.read("user_id", () -> people.person("user_id", row.text("user_id")));
            if (field.equals("stage_id")) {
                String to =
                        row.read("new_value", () -> stages.of("new_value", row.text("new_value")));
                String from =
                        row.read("old_value", () -> stages.of("old_value", row.text("old_value")));
                return new Change(
                        field, to, null, at, by, from, null, stages.order(row.text("new_value")));
            }
            if (field.equals("status")) {
                return new Change(field, null, null, at, by, null, null, 0);
            }
            return new Change(
                    field, null, row.date("new_value"), at, by, null, row.date("old_value"), 0);
        }
    }

    /** Activities, by deal_id: those done are read, at the time they were marked done. */
    private record ActivityReader(People people, SourceMapping mapping)
            implements HeldRows.ChildReader {

        @Override
        public HeldRows.Owner ownerOf(ExportRow row) {
            String deal = row.text("deal_id");
            return deal == null ? null : new HeldRows.Owner(deal, row.at("deal_id"));
        }

        @Override
        public Object item(ExportRow row, String dealId) {
            Boolean done = row.bool("done");
            if (!Boolean.TRUE.equals(done)) {
                return null;
            }
            OffsetDateTime at =
                    row.text("marked_as_done_time") != null
                            ? row.instant("marked_as_done_time")
                            : dueAt(row);
            if (at == null) {
                throw row.refuse(
                        "marked_as_done_time",
                        "the activity is done but has no 'marked_as_done_time' nor 'due_date'");
            }
            String type = row.required("type", "activity");
            return new Activity(
                    row.read("type", () -> mapping.activity("type", type)),
                    at,
                    row.read("user_id", () -> people.person("user_id", row.text("user_id"))),
                    null);
        }

        private static OffsetDateTime dueAt(ExportRow row) {
            String date = row.text("due_date");
            if (date == null) {
                return null;
            }
            String time = row.text("due_time");
            return row.read(
                    "due_date",
                    () ->
                            row.formats()
                                    .instant("due_date", time == null ? date : date + " " + time));
        }

        @Override
        public String skipped() {
            return "not about a deal (no deal_id)";
        }
    }

    /** Makes a deal of a row of the deals file and its changelog and activities. */
    private record Maker(
            SourceMapping mapping,
            People people,
            Map<String, String> columns,
            StageNames stages,
            Map<Outcome, String> statusStages)
            implements ExportInput.DealMaker {

        @Override
        public DealDraft draft(ExportRow row, DealItems items) {
            OffsetDateTime created = row.instant(columns.get("created"));
            DraftBuilder deal =
                    new DraftBuilder().id(row.text(columns.get("id"))).createdAt(created);
            set(deal, row, "name", "title");
            set(deal, row, "currency", "currency");
            set(deal, row, "lossReason", "lost-reason");
            set(deal, row, "owner", "owner");
            set(deal, row, "account.name", "organization");
            if (columns.containsKey("value")) {
                deal.set(
                        "amount",
                        row.nonNegative(columns.get("value")),
                        row.header(columns.get("value")));
            }
            if (columns.containsKey("expected-close")) {
                deal.set(
                        "expectedCloseDate",
                        row.date(columns.get("expected-close")),
                        row.header(columns.get("expected-close")));
            }
            mapping.apply(row, deal, people, null);
            deal.teamFromOwner(people);
            List<Change> changes =
                    items.list("changelog", Change.class).stream()
                            .sorted(
                                    Comparator.comparing(Change::at)
                                            .thenComparingInt(Change::order))
                            .toList();
            stages(row, deal, changes, created);
            closeDates(deal, changes);
            deal.outcome(outcome(row, deal, changes));
            deal.activities().addAll(items.list("activities", Activity.class));
            return deal.draft();
        }

        private void set(DraftBuilder deal, ExportRow row, String target, String role) {
            String column = columns.get(role);
            if (column != null) {
                deal.set(target, row.text(column), row.header(column));
            }
        }

        /**
         * The stage at creation (the first change's old stage, else the current one), then each
         * change of stage_id.
         */
        private void stages(
                ExportRow row, DraftBuilder deal, List<Change> changes, OffsetDateTime created) {
            List<Change> moves =
                    changes.stream().filter(c -> c.field().equals("stage_id")).toList();
            String column = columns.get("stage");
            String first =
                    !moves.isEmpty() && moves.get(0).oldStage() != null
                            ? moves.get(0).oldStage()
                            : moves.isEmpty()
                                    ? row.read(
                                            column,
                                            () -> stages.of(row.header(column), row.text(column)))
                                    : null;
            if (first != null) {
                deal.stages().add(new StageChange(first, created, (String) deal.get("owner")));
            }
            for (Change move : moves) {
                if (move.stage() != null
                        && (deal.stages().isEmpty()
                                || !deal.stages()
                                        .get(deal.stages().size() - 1)
                                        .stage()
                                        .equals(move.stage()))) {
                    deal.stages().add(new StageChange(move.stage(), move.at(), move.by()));
                }
            }
        }

        private void closeDates(DraftBuilder deal, List<Change> changes) {
            for (Change move : changes) {
                if (move.field().equals("expected_close_date")) {
                    deal.closeDateChanges()
                            .add(
                                    new CloseDateChange(
                                            move.at(), move.oldDate(), move.date(), move.by()));
                }
            }
        }

        /**
         * open, won or lost; a won or lost deal enters its status stage when it was won or lost.
         */
        private Outcome outcome(ExportRow row, DraftBuilder deal, List<Change> changes) {
            String column = columns.get("status");
            String status = row.text(column);
            Outcome outcome =
                    switch (status == null ? "open" : status.toLowerCase(Locale.ROOT)) {
                        case "open" -> Outcome.OPEN;
                        case "won" -> Outcome.WON;
                        case "lost" -> Outcome.LOST;
                        case "deleted" ->
                                throw row.refuse(
                                        column,
                                        "the deal was deleted in Pipedrive: it is not audited");
                        default ->
                                throw row.refuse(
                                        column,
                                        row.header(column)
                                                + " must be open, won or lost, not '"
                                                + status
                                                + "'");
                    };
            if (outcome.isClosed()) {
                String timeColumn = columns.get(outcome == Outcome.WON ? "won" : "lost");
                OffsetDateTime at = timeColumn == null ? null : row.instant(timeColumn);
                if (at == null) {
                    throw row.refuse(
                            timeColumn == null ? column : timeColumn,
                            "the deal is "
                                    + status
                                    + " but has no '"
                                    + (timeColumn == null
                                            ? (outcome == Outcome.WON ? "won_time" : "lost_time")
                                            : row.header(timeColumn))
                                    + "'");
                }
                String stage = statusStages.get(outcome);
                String by =
                        changes.stream()
                                .filter(c -> c.field().equals("status"))
                                .reduce((a, b) -> b)
                                .map(Change::by)
                                .orElse((String) deal.get("owner"));
                if (deal.stages().isEmpty()
                        || !deal.stages().get(deal.stages().size() - 1).stage().equals(stage)) {
                    deal.stages().add(new StageChange(stage, at, by));
                }
                deal.closedAt(at);
            }
            return outcome;
        }
    }
}
