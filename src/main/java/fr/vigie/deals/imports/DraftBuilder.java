package fr.vigie.deals.imports;

import fr.vigie.common.Evidence;
import fr.vigie.common.Outcome;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.PartialEvidence;
import fr.vigie.deals.model.StageChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deal being put together from an export's row and child rows: the source sets what it reads, the
 * mapping's {@code fields:}, {@code values:} and {@code defaults:} are applied on top, and {@link
 * #draft()} gives the {@link DealDraft} that {@link fr.vigie.deals.input.DealChecks} checks. Deal
 * attributes are named as the mapping names them ({@code account.segment}, {@code fields.budget}).
 */
public final class DraftBuilder {

    /** The attributes a mapping may fill from a column: {@code fields.<name>} besides these. */
    public static final List<String> TARGETS =
            List.of(
                    "name",
                    "owner",
                    "team",
                    "pipeline",
                    "type",
                    "amount",
                    "currency",
                    "expectedCloseDate",
                    "lossReason",
                    "account.id",
                    "account.name",
                    "account.segment",
                    "account.industry",
                    "account.region");

    public static final String FIELDS = "fields.";

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String id;
    private OffsetDateTime createdAt;
    private OffsetDateTime closedAt;
    private Outcome outcome;
    private final List<StageChange> stages = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<LineItem> lines = new ArrayList<>();
    private final List<CloseDateChange> closeDateChanges = new ArrayList<>();
    private final List<Document> documents = new ArrayList<>();
    private final List<PartialEvidence> partialEvidence = new ArrayList<>();

    public DraftBuilder id(String value) {
        id = value;
        return this;
    }

    public DraftBuilder createdAt(OffsetDateTime value) {
        createdAt = value;
        return this;
    }

    public DraftBuilder closedAt(OffsetDateTime value) {
        closedAt = value;
        return this;
    }

    public DraftBuilder outcome(Outcome value) {
        outcome = value;
        return this;
    }

    public Outcome outcome() {
        return outcome;
    }

    /**
     * Sets an attribute ({@link #TARGETS} or {@code fields.<name>}), read from {@code column}; null
     * values are ignored.
     */
    public DraftBuilder set(String target, Object value, String column) {
        if (value == null) {
            return this;
        }
        if (target.startsWith(FIELDS)) {
            fields.put(target.substring(FIELDS.length()), value.toString());
        } else {
            values.put(target, value);
        }
        columns.put(target, column);
        return this;
    }

    /**
     * When nothing gave the deal its team: its owner's team in the workspace, if the owner is one
     * of its people.
     */
    public DraftBuilder teamFromOwner(People people) {
        if (get("team") == null && get("owner") != null) {
            set("team", people.teamOf(get("owner").toString()), null);
        }
        return this;
    }

    public Object get(String target) {
        return target.startsWith(FIELDS)
                ? fields.get(target.substring(FIELDS.length()))
                : values.get(target);
    }

    /** The column an attribute was read from, for messages; null when it was not read from one. */
    public String columnOf(String target) {
        return columns.get(target);
    }

    public List<StageChange> stages() {
        return stages;
    }

    public List<Activity> activities() {
        return activities;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public List<LineItem> lines() {
        return lines;
    }

    public List<CloseDateChange> closeDateChanges() {
        return closeDateChanges;
    }

    public List<Document> documents() {
        return documents;
    }

    /**
     * What the source could not give in full for this deal: the rules needing it will not judge it.
     */
    public DraftBuilder partial(Evidence evidence, String reason) {
        partialEvidence.add(new PartialEvidence(evidence, reason));
        return this;
    }

    public DealDraft draft() {
        Account account =
                new Account(
                        text("account.id"),
                        text("account.name"),
                        text("account.segment"),
                        text("account.industry"),
                        text("account.region"));
        return new DealDraft(
                id,
                text("name"),
                account,
                text("owner"),
                text("team"),
                text("pipeline"),
                text("type"),
                (BigDecimal) values.get("amount"),
                text("currency"),
                createdAt,
                closedAt,
                (LocalDate) values.get("expectedCloseDate"),
                outcome,
                text("lossReason"),
                fields,
                stages,
                activities,
                decisions,
                lines,
                closeDateChanges,
                documents,
                partialEvidence);
    }

    private String text(String target) {
        Object value = values.get(target);
        return value == null ? null : value.toString();
    }
}
