package fr.vigie.deals.hubspot;

import fr.vigie.common.Evidence;
import fr.vigie.common.Location;
import fr.vigie.common.Outcome;
import fr.vigie.common.Problem;
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
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.PartialEvidence;
import fr.vigie.deals.model.StageChange;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlScalar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HubSpot deals export (docs/importers.md#hubspot): the deals file (properties, with the date
 * each stage was entered), and when present the deal property history export (every change of the
 * stage and of the close date, with its time), the owners, the line items and the pipelines'
 * stages. Files are told by their columns, or named in the mapping's {@code files:}. HubSpot keeps
 * at most 20 changes of a property: a deal that reached that many is read with a warning.
 */
public final class HubSpotExport {

    /** The keys of a mapping only HubSpot has. */
    public static final List<String> OWN_KEYS = List.of("columns", "stage-dates");

    /** HubSpot's property history keeps at most this many changes of each property of a deal. */
    public static final int HISTORY_LIMIT = 20;

    static final List<String> ROLES = List.of("deals", "history", "owners", "lines", "stages");

    private static final Pattern ENTERED_ID = Pattern.compile("hs_(?:v2_)?date_entered_(.+)");
    private static final Pattern ENTERED_LABEL =
            Pattern.compile("Date entered \"(.+?)(?: \\((.+)\\))?\"");

    private HubSpotExport() {}

    /** Whether {@code folder} holds a HubSpot deals export: a CSV file with a deal stage column. */
    public static boolean looksLike(Path folder) {
        return ExportFolder.of(folder).csvFiles().stream()
                .map(HeaderPeek::columns)
                .anyMatch(HubSpotExport::isDeals);
    }

    private static boolean isDeals(List<String> header) {
        return HubSpotColumns.has(header, HubSpotColumns.DEALS, "stage")
                && HubSpotColumns.has(header, HubSpotColumns.DEALS, "id");
    }

    /**
     * A column of the deals file holding the time a stage was entered, and the CRM stage it names
     * (an id or a label).
     */
    private record StageDate(String column, String stage, String pipeline, String key) {}

    /**
     * A change of the deal's stage (to the process's {@code stage}) or of its close date (to {@code
     * date}), read from the property history.
     */
    record Change(String property, String stage, LocalDate date, OffsetDateTime at, String by) {}

    public static DealInput open(Path folder, SourceMapping mapping, ImportContext context) {
        Problems problems = new Problems();
        ExportFolder export = ExportFolder.of(folder);
        ExportFolder.checkRoles(mapping, ROLES, problems);
        Map<String, Path> files = files(export, mapping, problems);
        HubSpotColumns columns = HubSpotColumns.read(mapping.root(), problems);
        problems.throwIfErrors();
        List<String> notes = new ArrayList<>();
        ExportFile.Reading reading = mapping.reading();
        long maxHeld = mapping.limits().maxHeldRows();
        LookupTable stages =
                lookup(
                        files.get("stages"),
                        "stages",
                        HubSpotColumns.STAGES,
                        reading,
                        maxHeld,
                        notes,
                        problems,
                        "label",
                        "order");
        LookupTable owners =
                lookup(
                        files.get("owners"),
                        "owners",
                        HubSpotColumns.OWNERS,
                        reading,
                        maxHeld,
                        notes,
                        problems,
                        "email",
                        "first-name",
                        "last-name");
        problems.throwIfErrors();
        ExportFile deals = ExportFile.open(files.get("deals"), reading);
        try {
            deals.noteTo(notes);
            Map<String, String> dealColumns = new LinkedHashMap<>();
            for (String role : HubSpotColumns.DEALS.keySet()) {
                String column = columns.deals(deals, role);
                if (column != null) {
                    dealColumns.put(role, column);
                }
            }
            for (String role : List.of("id", "stage", "create-date")) {
                if (!dealColumns.containsKey(role) || !deals.has(dealColumns.get(role))) {
                    problems.error(
                            Location.of(deals.shown(), 1),
                            "missing the column of the deal's "
                                    + role
                                    + " ("
                                    + String.join(" or ", HubSpotColumns.DEALS.get(role))
                                    + "): name it in columns: "
                                    + role
                                    + ": of "
                                    + mapping.shown());
                }
            }
            mapping.checkColumns(deals, problems);
            List<StageDate> stageDates = stageDates(deals, mapping, problems);
            problems.throwIfErrors();

            People people =
                    mapping.people()
                            .people(
                                    context,
                                    mapping.shown(),
                                    id ->
                                            owners.contains(id)
                                                    ? new People.User(
                                                            owners.get(id, "email"),
                                                            name(owners, id),
                                                            null)
                                                    : null,
                                    files.containsKey("owners")
                                            ? owners.shown()
                                            : "the owners file (not in the export)");
            Stages stageNames = new Stages(mapping, stages);
            HeldRows held = new HeldRows(maxHeld, "no deal '%s' in " + deals.name());
            Map<String, Map<String, Integer>> revisions = new HashMap<>();
            Map<String, Location> lastRevision = new HashMap<>();
            if (files.containsKey("history")) {
                ExportFile history = ExportFile.open(files.get("history"), reading);
                history.noteTo(notes);
                for (String role : HubSpotColumns.HISTORY.keySet()) {
                    if (!role.equals("user")
                            && HubSpotColumns.in(history, HubSpotColumns.HISTORY, role) == null) {
                        problems.error(
                                Location.of(history.shown(), 1),
                                "missing the column of the change's "
                                        + role
                                        + " ("
                                        + String.join(" or ", HubSpotColumns.HISTORY.get(role))
                                        + ")");
                    }
                }
                if (problems.hasErrors()) {
                    history.close();
                    problems.throwIfErrors();
                }
                held.load(
                        history,
                        "history",
                        "property change",
                        new HistoryReader(history, people, stageNames, revisions, lastRevision));
            }
            if (files.containsKey("lines")) {
                ExportFile lines = ExportFile.open(files.get("lines"), reading);
                lines.noteTo(notes);
                for (String role : List.of("deal", "price")) {
                    if (HubSpotColumns.in(lines, HubSpotColumns.LINES, role) == null) {
                        problems.error(
                                Location.of(lines.shown(), 1),
                                "missing the column of the line item's "
                                        + role
                                        + " ("
                                        + String.join(" or ", HubSpotColumns.LINES.get(role))
                                        + ")");
                    }
                }
                if (problems.hasErrors()) {
                    lines.close();
                    problems.throwIfErrors();
                }
                held.load(lines, "lines", "line item", new LineReader(lines));
            }
            export.noteUnusedTo(notes);
            List<DealInput.FileCount> lookedUp = LookupTable.counts(owners, stages);
            List<Problem> warnings = warnings(revisions, lastRevision);
            java.util.Queue<Problem> reentries = new java.util.concurrent.ConcurrentLinkedQueue<>();
            Maker maker =
                    new Maker(
                            mapping,
                            context,
                            people,
                            dealColumns,
                            stageDates,
                            stageNames,
                            new StageTimes(deals.columns()),
                            reentries,
                            revisions);
            DealChecks.Names names =
                    new DealChecks.Names(
                            dealColumns.get("id"),
                            dealColumns.get("create-date"),
                            "stage history",
                            dealColumns.getOrDefault("closed", "Is closed"),
                            "stages",
                            "no stage in the history nor in the date-entered columns");
            java.util.Set<Evidence> carried = mapping.carriedByColumns();
            if (files.containsKey("history") || !stageDates.isEmpty()) {
                carried.add(Evidence.STAGE_HISTORY);
            }
            if (files.containsKey("history")) {
                carried.add(Evidence.FIELD_HISTORY);
            }
            if (files.containsKey("lines")) {
                carried.add(Evidence.LINE_ITEMS);
            }
            if (dealColumns.containsKey("lost-reason")
                    && deals.has(dealColumns.get("lost-reason"))) {
                carried.add(Evidence.LOSS_REASON);
            }
            return new ExportInput(
                            new ExportInput.Deals(
                                    deals, "deals", dealColumns.get("id"), id -> id, maker, names),
                            held,
                            lookedUp,
                            notes,
                            warnings,
                            reentries)
                    .carrying(carried, mapping);
        } catch (RuntimeException e) {
            deals.close();
            throw e;
        }
    }

    /** The files by role: as the mapping names them, else told by their columns. */
    private static Map<String, Path> files(
            ExportFolder export, SourceMapping mapping, Problems problems) {
        Map<String, Path> files = export.named(ROLES, mapping, problems);
        export.addByHeader(files, HubSpotExport::roleOf, "HubSpot", mapping, problems);
        if (!files.containsKey("deals")) {
            problems.error(
                    Location.of(export.shown()),
                    "no deals file in this folder: a HubSpot deals export has the columns Record ID"
                            + " and Deal Stage (or hs_object_id and dealstage); name it in files:"
                            + " deals: of "
                            + mapping.shown()
                            + " if its columns are translated");
        }
        return files;
    }

    private static String roleOf(List<String> header) {
        return isDeals(header)
                ? "deals"
                : HubSpotColumns.has(header, HubSpotColumns.HISTORY, "property")
                                && HubSpotColumns.has(header, HubSpotColumns.HISTORY, "timestamp")
                        ? "history"
                        : HubSpotColumns.has(header, HubSpotColumns.LINES, "quantity")
                                        && HubSpotColumns.has(header, HubSpotColumns.LINES, "deal")
                                ? "lines"
                                : HubSpotColumns.has(header, HubSpotColumns.STAGES, "id")
                                                && HubSpotColumns.has(
                                                        header, HubSpotColumns.STAGES, "label")
                                        ? "stages"
                                        : HubSpotColumns.has(header, HubSpotColumns.OWNERS, "email")
                                                        && HubSpotColumns.has(
                                                                header, HubSpotColumns.OWNERS, "id")
                                                ? "owners"
                                                : null;
    }

    /**
     * The columns of the deals file that hold when a stage was entered: HubSpot's, and those the
     * mapping names.
     */
    private static List<StageDate> stageDates(
            ExportFile deals, SourceMapping mapping, Problems problems) {
        List<StageDate> dates = new ArrayList<>();
        for (String column : deals.columns()) {
            Matcher byId = ENTERED_ID.matcher(column);
            Matcher byLabel = ENTERED_LABEL.matcher(column);
            if (byId.matches()) {
                dates.add(new StageDate(column, byId.group(1), null, byId.group(1)));
            } else if (byLabel.matches()) {
                dates.add(
                        new StageDate(
                                column,
                                byLabel.group(1),
                                byLabel.group(2),
                                column.substring(column.indexOf('"') + 1, column.length() - 1)));
            }
        }
        if (mapping.root() != null) {
            for (YamlMap.Entry entry : mapping.root().entries("stage-dates")) {
                if (!deals.has(entry.key())) {
                    problems.error(
                            entry.keyLocation(),
                            "no column '"
                                    + entry.key()
                                    + "' in "
                                    + deals.shown()
                                    + fr.vigie.common.DidYouMean.hint(
                                            entry.key(), deals.columns()));
                } else if (entry.value() instanceof YamlScalar scalar && !scalar.isNull()) {
                    dates.add(
                            new StageDate(
                                    deals.header(entry.key()), scalar.value().strip(), null, null));
                }
            }
        }
        return dates;
    }

    private static List<Problem> warnings(
            Map<String, Map<String, Integer>> revisions, Map<String, Location> last) {
        List<Problem> warnings = new ArrayList<>();
        revisions.forEach(
                (deal, byProperty) ->
                        byProperty.forEach(
                                (property, count) -> {
                                    if (count >= HISTORY_LIMIT) {
                                        warnings.add(
                                                Problem.warning(
                                                        last.get(deal + "\u0000" + property),
                                                        "deal "
                                                                + deal
                                                                + " has "
                                                                + count
                                                                + " changes of "
                                                                + property
                                                                + ", the most HubSpot's property"
                                                                + " history keeps: its earliest "
                                                                + (property.equals("dealstage")
                                                                        ? "stages"
                                                                        : "close dates")
                                                                + " may be missing"
                                                                + (property.equals("dealstage")
                                                                        ? ": the rules that need"
                                                                              + " its stage history"
                                                                              + " do not judge it"
                                                                        : "")
                                                                + "; check the deal in HubSpot"));
                                    }
                                }));
        warnings.sort(Comparator.comparing((Problem p) -> p.location().line()));
        return warnings;
    }

    private static String name(LookupTable owners, String id) {
        String first = owners.get(id, "first-name");
        String last = owners.get(id, "last-name");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    private static LookupTable lookup(
            Path path,
            String kind,
            Map<String, List<String>> columns,
            ExportFile.Reading reading,
            long maxHeld,
            List<String> notes,
            Problems problems,
            String... roles) {
        if (path == null) {
            return LookupTable.empty(kind);
        }
        ExportFile file = ExportFile.open(path, reading);
        file.noteTo(notes);
        String id = HubSpotColumns.in(file, columns, "id");
        if (id == null) {
            file.close();
            problems.error(
                    Location.of(file.shown(), 1),
                    "missing the column of the "
                            + kind
                            + " ids ("
                            + String.join(" or ", columns.get("id"))
                            + ")");
            return LookupTable.empty(kind);
        }
        Map<String, String> byRole = new LinkedHashMap<>();
        for (String role : roles) {
            byRole.put(role, HubSpotColumns.in(file, columns, role));
        }
        return LookupTable.loadAs(file, kind, id, maxHeld, byRole);
    }

    /**
     * How a CRM stage (an internal id or a label) becomes the process's stage: the mapping's,
     * through the pipelines' labels.
     */
    private record Stages(SourceMapping mapping, LookupTable pipelineStages) {

        String of(String column, String stage, String pipeline) {
            if (pipeline != null && mapping.stages().knows(stage + " (" + pipeline + ")")) {
                return mapping.stage(column, stage + " (" + pipeline + ")");
            }
            if (!mapping.stages().knows(stage) && pipelineStages.contains(stage)) {
                String label = pipelineStages.get(stage, "label");
                if (label != null && mapping.stages().knows(label)) {
                    return mapping.stage(column, label);
                }
            }
            return mapping.stage(column, stage);
        }
    }

    /**
     * Rows of the property history: the changes of the stage and of the close date are read; other
     * properties are the deal's but give nothing.
     */
    private static final class HistoryReader implements HeldRows.ChildReader {
        private final String deal;
        private final String property;
        private final String value;
        private final String timestamp;
        private final String user;
        private final People people;
        private final Stages stages;
        private final Map<String, Map<String, Integer>> revisions;
        private final Map<String, Location> last;

        HistoryReader(
                ExportFile file,
                People people,
                Stages stages,
                Map<String, Map<String, Integer>> revisions,
                Map<String, Location> last) {
            this.stages = stages;
            this.deal = HubSpotColumns.in(file, HubSpotColumns.HISTORY, "deal");
            this.property = HubSpotColumns.in(file, HubSpotColumns.HISTORY, "property");
            this.value = HubSpotColumns.in(file, HubSpotColumns.HISTORY, "value");
            this.timestamp = HubSpotColumns.in(file, HubSpotColumns.HISTORY, "timestamp");
            this.user = HubSpotColumns.in(file, HubSpotColumns.HISTORY, "user");
            this.people = people;
            this.revisions = revisions;
            this.last = last;
        }

        @Override
        public HeldRows.Owner ownerOf(ExportRow row) {
            String id = row.text(deal);
            if (id == null) {
                throw row.refuse(deal, "the change has no deal id");
            }
            return new HeldRows.Owner(id, row.at(deal));
        }

        @Override
        public Object item(ExportRow row, String dealId) {
            String name = row.text(property);
            if (name == null) {
                throw row.refuse(property, "the change has no property name");
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.equals("dealstage") && !key.equals("closedate")) {
                return null;
            }
            revisions.computeIfAbsent(dealId, d -> new HashMap<>()).merge(key, 1, Integer::sum);
            last.put(dealId + "\u0000" + key, row.location());
            OffsetDateTime at = row.instant(timestamp);
            if (at == null) {
                throw row.refuse(timestamp, "the change has no time");
            }
            String by =
                    user == null
                            ? null
                            : row.read(user, () -> people.person(row.header(user), row.text(user)));
            if (key.equals("dealstage")) {
                String stage =
                        row.read(value, () -> stages.of(row.header(value), row.text(value), null));
                return stage == null ? null : new Change(key, stage, null, at, by);
            }
            return new Change(key, null, row.date(value), at, by);
        }
    }

    /** Rows of the line items export. */
    private static final class LineReader implements HeldRows.ChildReader {
        private final String deal;
        private final String product;
        private final String quantity;
        private final String price;
        private final String percent;
        private final String discount;
        private final String cost;

        LineReader(ExportFile file) {
            this.deal = HubSpotColumns.in(file, HubSpotColumns.LINES, "deal");
            this.product = HubSpotColumns.in(file, HubSpotColumns.LINES, "product");
            this.quantity = HubSpotColumns.in(file, HubSpotColumns.LINES, "quantity");
            this.price = HubSpotColumns.in(file, HubSpotColumns.LINES, "price");
            this.percent = HubSpotColumns.in(file, HubSpotColumns.LINES, "discount-percent");
            this.discount = HubSpotColumns.in(file, HubSpotColumns.LINES, "discount");
            this.cost = HubSpotColumns.in(file, HubSpotColumns.LINES, "cost");
        }

        @Override
        public HeldRows.Owner ownerOf(ExportRow row) {
            String id = row.text(deal);
            if (id == null) {
                throw row.refuse(deal, "the line item has no deal");
            }
            if (id.contains(";")) {
                throw row.refuse(
                        deal,
                        "the line item is tied to several deals ("
                                + id
                                + "): Vigie cannot tell whose it is");
            }
            return new HeldRows.Owner(id, row.at(deal));
        }

        @Override
        public Object item(ExportRow row, String dealId) {
            BigDecimal unit = row.nonNegative(price);
            if (unit == null) {
                throw row.refuse(price, "the line item has no '" + row.header(price) + "'");
            }
            BigDecimal off = percent == null ? null : row.percent(percent);
            if (off == null && discount != null && row.text(discount) != null) {
                BigDecimal amount = row.nonNegative(discount);
                off =
                        unit.signum() == 0
                                ? BigDecimal.ZERO
                                : amount.multiply(BigDecimal.valueOf(100))
                                        .divide(unit, 4, RoundingMode.HALF_EVEN)
                                        .stripTrailingZeros();
            }
            try {
                return DealChecks.lineItem(
                        product == null ? null : row.text(product),
                        quantity == null ? null : row.nonNegative(quantity),
                        unit,
                        unit,
                        off,
                        cost == null ? null : row.nonNegative(cost));
            } catch (InvalidValue invalid) {
                throw row.refuse(
                        invalid.field().equals("quantity")
                                ? quantity
                                : percent != null ? percent : discount,
                        invalid.getMessage());
            }
        }
    }

    /** Makes a deal of a row of the deals file and its history and line items. */
    private record Maker(
            SourceMapping mapping,
            ImportContext context,
            People people,
            Map<String, String> columns,
            List<StageDate> stageDates,
            Stages stages,
            StageTimes times,
            java.util.Queue<Problem> reentries,
            Map<String, Map<String, Integer>> revisions)
            implements ExportInput.DealMaker {

        @Override
        public DealDraft draft(ExportRow row, DealItems items) {
            DraftBuilder deal =
                    new DraftBuilder()
                            .id(row.text(columns.get("id")))
                            .createdAt(row.instant(columns.get("create-date")));
            set(deal, row, "name", "name", false);
            set(deal, row, "pipeline", "pipeline", false);
            set(deal, row, "type", "type", false);
            set(deal, row, "currency", "currency", false);
            set(deal, row, "lossReason", "lost-reason", false);
            set(deal, row, "owner", "owner", false);
            set(deal, row, "amount", "amount", true);
            String close = columns.get("close-date");
            if (close != null) {
                deal.set("expectedCloseDate", row.date(close), row.header(close));
            }
            mapping.apply(row, deal, people, null);
            deal.teamFromOwner(people);
            List<Change> changes =
                    items.list("history", Change.class).stream()
                            .sorted(Comparator.comparing(Change::at))
                            .toList();
            stageHistory(row, deal, changes);
            if (atTheLimit(row.text(columns.get("id")), "dealstage")) {
                deal.partial(Evidence.STAGE_HISTORY, PartialEvidence.HUBSPOT_HISTORY_LIMIT);
            }
            closeDates(deal, changes);
            deal.outcome(outcome(row, deal));
            if (deal.outcome().isClosed()) {
                deal.closedAt(deal.stages().get(deal.stages().size() - 1).at());
            }
            deal.lines().addAll(items.list("lines", LineItem.class));
            return deal.draft();
        }

        /**
         * Whether HubSpot's property history holds as many changes of {@code property} for the deal
         * as it keeps: the earlier ones may be missing.
         */
        private boolean atTheLimit(String deal, String property) {
            Integer count = revisions.getOrDefault(deal, Map.of()).get(property);
            return count != null && count >= HISTORY_LIMIT;
        }

        private void set(
                DraftBuilder deal, ExportRow row, String target, String role, boolean number) {
            String column = columns.get(role);
            if (column != null) {
                deal.set(
                        target,
                        number ? row.nonNegative(column) : row.text(column),
                        row.header(column));
            }
        }

        /**
         * From the history's stage changes when it has some for the deal, else from the
         * date-entered columns, else the current stage.
         */
        private void stageHistory(ExportRow row, DraftBuilder deal, List<Change> changes) {
            List<StageChange> entered = new ArrayList<>();
            for (Change change : changes) {
                if (change.property().equals("dealstage")) {
                    entered.add(new StageChange(change.stage(), change.at(), change.by()));
                }
            }
            if (entered.isEmpty()) {
                List<Problem> found = new ArrayList<>();
                for (StageDate date : stageDates) {
                    OffsetDateTime at = row.instant(date.column());
                    if (at != null) {
                        entered.add(
                                new StageChange(
                                        row.read(
                                                date.column(),
                                                () ->
                                                        stages.of(
                                                                date.column(),
                                                                date.stage(),
                                                                date.pipeline())),
                                        at,
                                        null));
                        Problem reentry =
                                date.key() == null
                                        ? null
                                        : times.reentry(
                                                row,
                                                date.key(),
                                                date.key(),
                                                at,
                                                row.text(columns.get("id")));
                        if (reentry != null) {
                            found.add(reentry);
                        }
                    }
                }
                entered.sort(Comparator.comparing(StageChange::at));
                reentries.addAll(found);
            }
            if (entered.isEmpty()) {
                String column = columns.get("stage");
                entered.add(
                        new StageChange(
                                row.read(column, () -> stages.of(column, row.text(column), null)),
                                row.instant(columns.get("create-date")),
                                null));
            }
            for (StageChange change : entered) {
                if (deal.stages().isEmpty()
                        || !deal.stages()
                                .get(deal.stages().size() - 1)
                                .stage()
                                .equals(change.stage())) {
                    deal.stages().add(change);
                }
            }
        }

        private void closeDates(DraftBuilder deal, List<Change> changes) {
            LocalDate previous = null;
            boolean first = true;
            for (Change change : changes) {
                if (!change.property().equals("closedate")) {
                    continue;
                }
                LocalDate date = change.date();
                if (!first && !Objects.equals(date, previous)) {
                    deal.closeDateChanges()
                            .add(new CloseDateChange(change.at(), previous, date, change.by()));
                }
                previous = date;
                first = false;
            }
        }

        private Outcome outcome(ExportRow row, DraftBuilder deal) {
            String won = columns.get("closed-won");
            String closed = columns.get("closed");
            Boolean isWon = won == null ? null : row.bool(won);
            Boolean isClosed = closed == null ? null : row.bool(closed);
            if (isWon != null || isClosed != null) {
                return Boolean.TRUE.equals(isWon)
                        ? Outcome.WON
                        : Boolean.TRUE.equals(isClosed) ? Outcome.LOST : Outcome.OPEN;
            }
            String last = deal.stages().get(deal.stages().size() - 1).stage();
            return context.closingStages().getOrDefault(last, Outcome.OPEN);
        }
    }
}
