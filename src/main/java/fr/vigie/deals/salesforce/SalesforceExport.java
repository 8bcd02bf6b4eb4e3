package fr.vigie.deals.salesforce;

import fr.vigie.common.DisplayPath;
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
import fr.vigie.deals.imports.ExportZip;
import fr.vigie.deals.imports.HeldRows;
import fr.vigie.deals.imports.ImportContext;
import fr.vigie.deals.imports.LookupTable;
import fr.vigie.deals.imports.People;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import fr.vigie.yaml.YamlObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Salesforce data export (docs/importers.md#salesforce): a folder of CSV files named after the
 * objects, with API field names. Opportunity.csv is streamed, one deal per row; OpportunityHistory
 * gives the stage history and the close date changes; OpportunityLineItem the product lines; Task
 * and Event (by WhatId) the activities; ProcessInstanceStep, through ProcessInstance, the
 * approvals; User, Account and Product2 are looked up.
 */
public final class SalesforceExport {

    /** The keys of a mapping only Salesforce has. */
    public static final List<String> OWN_KEYS = List.of("approvals", "product", "activity-type");

    /** The file that tells a Salesforce export. */
    public static final String MARKER = "Opportunity.csv";

    static final List<String> OBJECTS =
            List.of(
                    "Opportunity",
                    "OpportunityHistory",
                    "OpportunityFieldHistory",
                    "OpportunityLineItem",
                    "Task",
                    "Event",
                    "ProcessInstance",
                    "ProcessInstanceStep",
                    "User",
                    "Account",
                    "Product2");

    private static final DealChecks.Names NAMES =
            new DealChecks.Names(
                    "Id",
                    "CreatedDate",
                    "IsClosed",
                    "IsWon",
                    "stages",
                    "no row in OpportunityHistory.csv");

    private SalesforceExport() {}

    /**
     * Whether {@code deals} holds a Salesforce export: an Opportunity.csv in the folder, or in one
     * of its zips (or in the zip it is).
     */
    public static boolean looksLike(Path deals) {
        if (Files.isDirectory(deals)) {
            try (var list = Files.list(deals)) {
                if (list.anyMatch(p -> p.getFileName().toString().equalsIgnoreCase(MARKER))) {
                    return true;
                }
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return ExportZip.holds(ExportZip.parts(deals), MARKER);
    }

    /**
     * What the mapping says of approvals: the decision an approved step records (a rejected one
     * records its -refusal), and the opportunity column holding its value.
     */
    private record Approvals(
            String decision, String refusal, String valueColumn, Location valueLocation) {

        Approvals(String decision, String valueColumn, Location valueLocation) {
            this(
                    decision,
                    decision.replaceAll("-approval$", "-refusal"),
                    valueColumn,
                    valueLocation);
        }
    }

    /**
     * Opens the export in {@code folder}: checks every file's header, reads the looked-up and child
     * files; Opportunity.csv is then streamed.
     */
    public static DealInput open(Path folder, SourceMapping mapping, ImportContext context) {
        ExportFolder export = ExportFolder.of(folder, MARKER, mapping.limits());
        try {
            return open(export, mapping, context);
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
    }

    private static DealInput open(
            ExportFolder export, SourceMapping mapping, ImportContext context) {
        Problems problems = new Problems();
        ExportFolder.checkRoles(mapping, OBJECTS, problems);
        Map<String, Path> paths = new LinkedHashMap<>();
        for (String object : OBJECTS) {
            Path path = export.find(object, object + ".csv", mapping, problems);
            if (path != null) {
                paths.put(object, path);
            }
        }
        if (!paths.containsKey("Opportunity")) {
            problems.error(
                    Location.of(export.shown()),
                    "no Opportunity.csv in this folder: a Salesforce export holds one row per"
                            + " opportunity there");
        }
        if (!paths.containsKey("OpportunityHistory")) {
            problems.error(
                    Location.of(export.shown()),
                    "no OpportunityHistory.csv in this folder: Vigie reads the stage history there;"
                            + " include OpportunityHistory in the export");
        }
        if (paths.containsKey("ProcessInstanceStep") && !paths.containsKey("ProcessInstance")) {
            problems.error(
                    Location.of(export.shown()),
                    "ProcessInstanceStep.csv without ProcessInstance.csv: the approval steps are"
                        + " tied to their opportunity through ProcessInstance; include it in the"
                        + " export");
        }
        Approvals approvals = approvals(mapping, problems);
        String productColumn = product(mapping);
        String typeColumn = mapping.root() == null ? null : mapping.root().text("activity-type");
        problems.throwIfErrors();

        List<String> notes = new ArrayList<>();
        ExportFile.Reading reading = mapping.reading('.');
        ExportFile opportunities = ExportFile.open(paths.get("Opportunity"), reading);
        try {
            opportunities.noteTo(notes);
            opportunities.require(
                    problems,
                    "every opportunity needs its Id, StageName and CreatedDate",
                    "Id",
                    "StageName",
                    "CreatedDate");
            mapping.checkColumns(opportunities, problems);
            if (approvals.valueColumn() != null) {
                opportunities.requireMapped(
                        problems,
                        approvals.valueLocation(),
                        approvals.valueColumn(),
                        "approvals.value");
            }
            long maxHeld = mapping.limits().maxHeldRows();
            LookupTable users =
                    lookup(
                            paths.get("User"),
                            "users",
                            reading,
                            maxHeld,
                            notes,
                            problems,
                            "Name",
                            "Email",
                            "Title");
            List<String> accountColumns = new ArrayList<>(List.of("Name", "Industry"));
            mapping.accountFields()
                    .forEach(
                            f ->
                                    accountColumns.add(
                                            f.column().substring(SourceMapping.ACCOUNT.length())));
            LookupTable accounts =
                    lookup(
                            paths.get("Account"),
                            "accounts",
                            reading,
                            maxHeld,
                            notes,
                            problems,
                            accountColumns.toArray(String[]::new));
            if (paths.containsKey("Account")) {
                for (SourceMapping.Field field : mapping.accountFields()) {
                    String column = field.column().substring(SourceMapping.ACCOUNT.length());
                    if (!accounts.has(column)) {
                        problems.error(
                                field.location(),
                                "no column '"
                                        + column
                                        + "' in "
                                        + accounts.shown()
                                        + " (fields."
                                        + field.column()
                                        + " names it)");
                    }
                }
            }
            LookupTable products =
                    lookup(
                            paths.get("Product2"),
                            "products",
                            reading,
                            maxHeld,
                            notes,
                            problems,
                            "Name",
                            "ProductCode");
            LookupTable instances =
                    lookup(
                            paths.get("ProcessInstance"),
                            "approval processes",
                            reading,
                            maxHeld,
                            notes,
                            problems,
                            "TargetObjectId");
            problems.throwIfErrors();

            People people =
                    mapping.people()
                            .people(
                                    context,
                                    mapping.shown(),
                                    id -> {
                                        if (!users.contains(id)) {
                                            return null;
                                        }
                                        return new People.User(
                                                users.get(id, "Email"),
                                                users.get(id, "Name"),
                                                users.get(id, "Title"));
                                    },
                                    paths.containsKey("User")
                                            ? users.shown()
                                            : "User.csv (not in the export)");
            HeldRows held = new HeldRows(maxHeld, "no opportunity '%s' in " + opportunities.name());
            List<Problem> warnings = new ArrayList<>();
            ChildFiles children =
                    new ChildFiles(
                            mapping,
                            people,
                            products,
                            productColumn,
                            instances,
                            warnings,
                            typeColumn,
                            approvals.valueColumn());
            held.load(
                    paths.get("OpportunityHistory"),
                    reading,
                    "history",
                    "stage history row",
                    children.history(),
                    notes,
                    problems,
                    "OpportunityId",
                    "StageName",
                    "CreatedDate");
            if (approvals.valueColumn() != null) {
                held.load(
                        paths.get("OpportunityFieldHistory"),
                        reading,
                        "fieldHistory",
                        "field history row",
                        children.fieldHistory(),
                        notes,
                        problems,
                        "OpportunityId",
                        "Field",
                        "OldValue",
                        "NewValue",
                        "CreatedDate");
            } else if (paths.containsKey("OpportunityFieldHistory")) {
                export.read(paths.get("OpportunityFieldHistory"));
                notes.add(
                        DisplayPath.of(paths.get("OpportunityFieldHistory"))
                                + ": not read: no approvals.value in "
                                + mapping.shown()
                                + " names the column whose history tells what an approval"
                                + " approved");
            }
            held.load(
                    paths.get("OpportunityLineItem"),
                    reading,
                    "lines",
                    "product line",
                    children.lines(),
                    notes,
                    problems,
                    "OpportunityId",
                    "Quantity",
                    "ListPrice",
                    "UnitPrice");
            String[] activityColumns =
                    typeColumn == null
                            ? new String[] {"WhatId"}
                            : new String[] {"WhatId", typeColumn};
            held.load(
                    paths.get("Task"),
                    reading,
                    "activities",
                    "task",
                    children.tasks(),
                    notes,
                    problems,
                    activityColumns);
            held.load(
                    paths.get("Event"),
                    reading,
                    "activities",
                    "event",
                    children.events(),
                    notes,
                    problems,
                    activityColumns);
            held.load(
                    paths.get("ProcessInstanceStep"),
                    reading,
                    "approvals",
                    "approval step",
                    children.steps(),
                    notes,
                    problems,
                    "ProcessInstanceId",
                    "StepStatus",
                    "CreatedDate");
            export.noteUnusedTo(notes);
            List<DealInput.FileCount> lookedUp =
                    LookupTable.counts(users, accounts, products, instances);
            Maker maker = new Maker(mapping, context, people, accounts, approvals);
            java.util.Set<Evidence> carried = mapping.carriedByColumns();
            carried.add(Evidence.STAGE_HISTORY);
            carried.add(Evidence.FIELD_HISTORY);
            if (paths.containsKey("OpportunityLineItem")) {
                carried.add(Evidence.LINE_ITEMS);
            }
            if (paths.containsKey("Task") || paths.containsKey("Event")) {
                carried.add(Evidence.ACTIVITIES);
            }
            if (paths.containsKey("ProcessInstanceStep") || approvals.valueColumn() != null) {
                carried.add(Evidence.APPROVALS);
            }
            return new ExportInput(
                            new ExportInput.Deals(
                                    opportunities, "deals", "Id", SalesforceIds::key, maker, NAMES),
                            held,
                            lookedUp,
                            notes,
                            warnings)
                    .carrying(carried, mapping)
                    .closing(export);
        } catch (RuntimeException e) {
            opportunities.close();
            throw e;
        }
    }

    private static Approvals approvals(SourceMapping mapping, Problems problems) {
        YamlObject root = mapping.root();
        YamlObject approvals =
                root == null
                        ? null
                        : root.object(
                                "approvals",
                                "approvals: in " + mapping.shown(),
                                "decision",
                                "value");
        if (approvals == null) {
            return new Approvals("discount-approval", null, null);
        }
        String decision = approvals.text("decision");
        if (decision != null && !decision.endsWith("-approval")) {
            problems.error(
                    approvals.valueLocation("decision"),
                    "approvals.decision names an approval, ending in -approval (discount-approval),"
                            + " not '"
                            + decision
                            + "': a rejected step is recorded as its -refusal");
        }
        return new Approvals(
                decision == null ? "discount-approval" : decision,
                approvals.text("value"),
                approvals.valueLocation("value"));
    }

    private static String product(SourceMapping mapping) {
        YamlObject root = mapping.root();
        String product = root == null ? null : root.choice("product", "Name", "ProductCode", "Id");
        return product == null ? "Name" : product;
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
                path,
                kind,
                reading,
                maxHeld,
                notes,
                problems,
                "Id",
                SalesforceIds::key,
                List.of(columns));
    }

    /** How each child file's rows are tied to their opportunity and read. */
    private record ChildFiles(
            SourceMapping mapping,
            People people,
            LookupTable products,
            String productColumn,
            LookupTable instances,
            List<Problem> warnings,
            String typeColumn,
            String valueColumn) {

        /**
         * The changes of the column approvals are valued from (approvals.value); the rows about
         * other fields are the deal's but give nothing.
         */
        HeldRows.ChildReader fieldHistory() {
            return new HistoryChild() {
                @Override
                public Object item(ExportRow row, String dealId) {
                    if (!valueColumn.equalsIgnoreCase(row.text("Field"))) {
                        return null;
                    }
                    OffsetDateTime at = row.instant("CreatedDate");
                    if (at == null) {
                        throw row.refuse(
                                "CreatedDate", "the field history row has no 'CreatedDate'");
                    }
                    return new FieldChange(at, row.percent("OldValue"), row.percent("NewValue"));
                }
            };
        }

        HeldRows.ChildReader history() {
            return new HistoryChild() {
                @Override
                public Object item(ExportRow row, String dealId) {
                    String stage =
                            row.read(
                                    "StageName",
                                    () ->
                                            mapping.stage(
                                                    row.file().header("StageName"),
                                                    row.required("StageName", "history row")));
                    return new HistoryEntry(
                            row.instant("CreatedDate"),
                            stage,
                            row.date("CloseDate"),
                            row.date("PrevCloseDate"),
                            row.read(
                                    "CreatedById",
                                    () -> people.person("CreatedById", row.text("CreatedById"))));
                }
            };
        }

        HeldRows.ChildReader lines() {
            return new OpportunityChild("not about an opportunity") {
                @Override
                public Object item(ExportRow row, String dealId) {
                    BigDecimal listPrice = row.nonNegative("ListPrice");
                    if (listPrice == null) {
                        throw row.refuse(
                                "ListPrice",
                                "the product line has no 'ListPrice': the discount is measured"
                                        + " against it");
                    }
                    String product = product(row);
                    BigDecimal quantity = row.nonNegative("Quantity");
                    BigDecimal unitPrice = row.nonNegative("UnitPrice");
                    BigDecimal discount = row.percent("Discount");
                    BigDecimal total = row.nonNegative("TotalPrice");
                    BigDecimal computed = LineTotals.total(quantity, unitPrice, discount);
                    if (total != null
                            && computed != null
                            && quantity.signum() > 0
                            && !LineTotals.same(total, computed)) {
                        warnings.add(
                                LineTotals.differs(
                                        row.at("TotalPrice"),
                                        row.text("Id"),
                                        total,
                                        computed,
                                        quantity));
                        unitPrice = LineTotals.unitPrice(total, quantity);
                        discount = null;
                    }
                    try {
                        return DealChecks.lineItem(
                                product, quantity, listPrice, unitPrice, discount);
                    } catch (InvalidValue invalid) {
                        String column =
                                invalid.field().equals("discount") ? "Discount" : "Quantity";
                        throw row.refuse(column, invalid.getMessage());
                    }
                }

                private String product(ExportRow row) {
                    String id = row.text("Product2Id");
                    if (id == null || products.isEmpty() || productColumn.equals("Id")) {
                        return id;
                    }
                    if (!products.contains(id)) {
                        throw row.refuse(
                                "Product2Id", "no product '" + id + "' in " + products.shown());
                    }
                    String name = products.get(id, productColumn);
                    return name != null ? name : id;
                }
            };
        }

        HeldRows.ChildReader tasks() {
            return new ActivityChild() {
                @Override
                public Object item(ExportRow row, String dealId) {
                    Boolean closed = row.bool("IsClosed");
                    boolean done =
                            closed != null
                                    ? closed
                                    : "Completed".equalsIgnoreCase(row.text("Status"));
                    if (!done) {
                        return null;
                    }
                    String column =
                            typeColumn != null
                                    ? typeColumn
                                    : row.text("Type") != null ? "Type" : "TaskSubtype";
                    String type = row.text(column);
                    if (type == null) {
                        throw row.refuse(
                                typeColumn != null ? typeColumn : "Type",
                                typeColumn != null
                                        ? "the task has no '"
                                                + typeColumn
                                                + "' (activity-type: of "
                                                + mapping.shown()
                                                + "): Vigie cannot tell what was done"
                                        : "the task has no 'Type' nor 'TaskSubtype': Vigie cannot"
                                                + " tell what was done");
                    }
                    OffsetDateTime at =
                            row.file().has("CompletedDateTime")
                                            && row.text("CompletedDateTime") != null
                                    ? row.instant("CompletedDateTime")
                                    : row.text("ActivityDate") != null
                                            ? row.instant("ActivityDate")
                                            : row.instant("CreatedDate");
                    if (at == null) {
                        throw row.refuse(
                                "ActivityDate", "the task has no 'ActivityDate' nor 'CreatedDate'");
                    }
                    return new Activity(
                            row.read(
                                    column,
                                    () -> mapping.activity(row.file().header(column), type)),
                            at,
                            owner(row),
                            row.text("CallDisposition"));
                }
            };
        }

        HeldRows.ChildReader events() {
            return new ActivityChild() {
                @Override
                public Object item(ExportRow row, String dealId) {
                    String column = typeColumn != null ? typeColumn : "Type";
                    String type = row.text(column) != null ? row.text(column) : "Event";
                    OffsetDateTime at =
                            row.text("ActivityDateTime") != null
                                    ? row.instant("ActivityDateTime")
                                    : row.text("StartDateTime") != null
                                            ? row.instant("StartDateTime")
                                            : row.instant("ActivityDate");
                    if (at == null) {
                        throw row.refuse(
                                "ActivityDateTime",
                                "the event has no 'ActivityDateTime', 'StartDateTime' nor"
                                        + " 'ActivityDate'");
                    }
                    return new Activity(
                            row.read(
                                    column,
                                    () -> mapping.activity(row.file().header(column), type)),
                            at,
                            owner(row),
                            null);
                }
            };
        }

        HeldRows.ChildReader steps() {
            return new HeldRows.ChildReader() {
                @Override
                public HeldRows.Owner ownerOf(ExportRow row) {
                    String instance = row.text("ProcessInstanceId");
                    if (instance == null) {
                        throw row.refuse(
                                "ProcessInstanceId",
                                "the approval step has no 'ProcessInstanceId'");
                    }
                    if (!instances.contains(instance)) {
                        throw row.refuse(
                                "ProcessInstanceId",
                                "no approval process '" + instance + "' in " + instances.shown());
                    }
                    String target = instances.get(instance, "TargetObjectId");
                    return SalesforceIds.isOpportunity(target)
                            ? new HeldRows.Owner(
                                    SalesforceIds.key(target), row.at("ProcessInstanceId"), target)
                            : null;
                }

                @Override
                public Object item(ExportRow row, String dealId) {
                    String status = row.text("StepStatus");
                    if (!"Approved".equalsIgnoreCase(status)
                            && !"Rejected".equalsIgnoreCase(status)) {
                        return null;
                    }
                    OffsetDateTime at = row.instant("CreatedDate");
                    if (at == null) {
                        throw row.refuse("CreatedDate", "the approval step has no 'CreatedDate'");
                    }
                    String actor = row.text("ActorId");
                    return new ApprovalStep(
                            "Approved".equalsIgnoreCase(status),
                            row.read("ActorId", () -> people.person("ActorId", actor)),
                            people.role(actor),
                            at,
                            row.text("Comments"));
                }

                @Override
                public String skipped() {
                    return "approvals of other objects than opportunities";
                }
            };
        }

        private String owner(ExportRow row) {
            return row.read("OwnerId", () -> people.person("OwnerId", row.text("OwnerId")));
        }

        /** A history file: its rows deleted in Salesforce (IsDeleted) are skipped. */
        private abstract static class HistoryChild extends OpportunityChild {
            HistoryChild() {
                super("deleted in Salesforce (IsDeleted)");
            }

            @Override
            public HeldRows.Owner ownerOf(ExportRow row) {
                Boolean deleted = row.bool("IsDeleted");
                return Boolean.TRUE.equals(deleted) ? null : super.ownerOf(row);
            }
        }

        /** A child file tied to its opportunity by OpportunityId. */
        private abstract static class OpportunityChild implements HeldRows.ChildReader {
            private final String skipped;

            OpportunityChild(String skipped) {
                this.skipped = skipped;
            }

            @Override
            public HeldRows.Owner ownerOf(ExportRow row) {
                String id = row.text("OpportunityId");
                if (id == null) {
                    throw row.refuse("OpportunityId", "the row has no 'OpportunityId'");
                }
                return new HeldRows.Owner(SalesforceIds.key(id), row.at("OpportunityId"), id);
            }

            @Override
            public String skipped() {
                return skipped;
            }
        }

        /**
         * Tasks and events, tied to what they are about by WhatId: those about other objects are
         * skipped.
         */
        private abstract static class ActivityChild implements HeldRows.ChildReader {
            @Override
            public HeldRows.Owner ownerOf(ExportRow row) {
                String what = row.text("WhatId");
                return SalesforceIds.isOpportunity(what)
                        ? new HeldRows.Owner(SalesforceIds.key(what), row.at("WhatId"), what)
                        : null;
            }

            @Override
            public String skipped() {
                return "not about an opportunity (WhatId)";
            }
        }
    }

    /** Makes a deal of an Opportunity row and what its child rows gave. */
    private record Maker(
            SourceMapping mapping,
            ImportContext context,
            People people,
            LookupTable accounts,
            Approvals approvals)
            implements ExportInput.DealMaker {

        @Override
        public DealDraft draft(ExportRow row, DealItems items) {
            DraftBuilder deal =
                    new DraftBuilder().id(row.text("Id")).createdAt(row.instant("CreatedDate"));
            String accountId = row.text("AccountId");
            deal.set("name", row.text("Name"), "Name")
                    .set("account.id", accountId, "AccountId")
                    .set("account.name", accounts.get(accountId, "Name"), "AccountId")
                    .set("account.industry", accounts.get(accountId, "Industry"), "AccountId")
                    .set("owner", row.text("OwnerId"), "OwnerId")
                    .set("type", row.text("Type"), "Type")
                    .set("amount", row.nonNegative("Amount"), "Amount")
                    .set("currency", row.text("CurrencyIsoCode"), "CurrencyIsoCode")
                    .set("expectedCloseDate", row.date("CloseDate"), "CloseDate");
            mapping.apply(row, deal, people, column -> accounts.get(accountId, column));
            deal.teamFromOwner(people);
            history(row, deal, items.list("history", HistoryEntry.class));
            deal.outcome(outcome(row));
            if (deal.outcome().isClosed() && !deal.stages().isEmpty()) {
                deal.closedAt(deal.stages().get(deal.stages().size() - 1).at());
            }
            deal.activities().addAll(items.list("activities", Activity.class));
            deal.lines().addAll(items.list("lines", LineItem.class));
            List<FieldChange> changes =
                    items.list("fieldHistory", FieldChange.class).stream()
                            .sorted(Comparator.comparing(FieldChange::at))
                            .toList();
            for (ApprovalStep step : items.list("approvals", ApprovalStep.class)) {
                String value = approvedValue(row, changes, step.at());
                String type = step.approved() ? approvals.decision() : approvals.refusal();
                deal.decisions()
                        .add(
                                new Decision(
                                        type,
                                        value,
                                        step.by(),
                                        step.role(),
                                        step.at(),
                                        step.comment()));
            }
            return deal.draft();
        }

        /**
         * Stages entered and close dates moved, from the history's snapshots in time order (ties
         * keep the file's order).
         */
        private void history(ExportRow row, DraftBuilder deal, List<HistoryEntry> entries) {
            List<HistoryEntry> inOrder =
                    entries.stream()
                            .filter(e -> e.at() != null)
                            .sorted(Comparator.comparing(HistoryEntry::at))
                            .toList();
            if (inOrder.isEmpty()) {
                String stage =
                        row.read(
                                "StageName",
                                () ->
                                        mapping.stage(
                                                row.file().header("StageName"),
                                                row.text("StageName")));
                deal.stages()
                        .add(
                                new StageChange(
                                        stage,
                                        row.instant("CreatedDate"),
                                        (String) deal.get("owner")));
                return;
            }
            HistoryEntry previous = null;
            for (HistoryEntry entry : inOrder) {
                if (previous == null
                        || !entry.stage()
                                .equals(deal.stages().get(deal.stages().size() - 1).stage())) {
                    deal.stages().add(new StageChange(entry.stage(), entry.at(), entry.by()));
                }
                if (previous != null
                        && entry.closeDate() != null
                        && !Objects.equals(entry.closeDate(), previous.closeDate())) {
                    LocalDate from =
                            entry.previousCloseDate() != null
                                    ? entry.previousCloseDate()
                                    : previous.closeDate();
                    deal.closeDateChanges()
                            .add(
                                    new CloseDateChange(
                                            entry.at(), from, entry.closeDate(), entry.by()));
                }
                previous = entry;
            }
        }

        /**
         * IsWon and IsClosed when exported; otherwise what the current stage's process stage closes
         * with.
         */
        private Outcome outcome(ExportRow row) {
            Boolean won = row.bool("IsWon");
            Boolean closed = row.bool("IsClosed");
            if (closed != null || won != null) {
                return Boolean.TRUE.equals(won)
                        ? Outcome.WON
                        : Boolean.TRUE.equals(closed) ? Outcome.LOST : Outcome.OPEN;
            }
            String stage =
                    row.read(
                            "StageName",
                            () ->
                                    mapping.stage(
                                            row.file().header("StageName"), row.text("StageName")));
            return context.closingStages().getOrDefault(stage, Outcome.OPEN);
        }

        /**
         * The value an approval at {@code at} approved: with the column's history
         * (OpportunityFieldHistory), the value it had then (the last change at or before, else the
         * value before the first change after); without, the opportunity's value now.
         */
        private String approvedValue(ExportRow row, List<FieldChange> changes, OffsetDateTime at) {
            if (approvals.valueColumn() == null) {
                return null;
            }
            BigDecimal value = row.percent(approvals.valueColumn());
            if (!changes.isEmpty()) {
                FieldChange before = null;
                FieldChange after = null;
                for (FieldChange change : changes) {
                    if (!change.at().isAfter(at)) {
                        before = change;
                    } else if (after == null) {
                        after = change;
                    }
                }
                value =
                        before != null
                                ? before.newValue()
                                : after != null ? after.oldValue() : value;
            }
            return value == null ? null : value.toPlainString();
        }
    }
}
