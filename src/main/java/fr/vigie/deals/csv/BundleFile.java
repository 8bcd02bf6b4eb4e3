package fr.vigie.deals.csv;

import static fr.vigie.deals.csv.ValueKind.AMOUNT;
import static fr.vigie.deals.csv.ValueKind.CURRENCY;
import static fr.vigie.deals.csv.ValueKind.DATE;
import static fr.vigie.deals.csv.ValueKind.OUTCOME;
import static fr.vigie.deals.csv.ValueKind.TEXT;
import static fr.vigie.deals.csv.ValueKind.TIMESTAMP;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a CSV bundle, their columns and which of them every row needs. deals.csv holds one
 * row per deal; each other file holds rows of one kind of event, tied to their deal by {@code
 * deal_id}. Read in this order, which is also the order of their rejections.
 */
enum BundleFile {
    DEALS(
            "deals.csv",
            "deals",
            "deal",
            List.of("id", "created_at"),
            "id",
            TEXT,
            "name",
            TEXT,
            "account_id",
            TEXT,
            "account_name",
            TEXT,
            "segment",
            TEXT,
            "industry",
            TEXT,
            "region",
            TEXT,
            "owner",
            TEXT,
            "team",
            TEXT,
            "pipeline",
            TEXT,
            "type",
            TEXT,
            "amount",
            AMOUNT,
            "currency",
            CURRENCY,
            "created_at",
            TIMESTAMP,
            "closed_at",
            TIMESTAMP,
            "expected_close_date",
            DATE,
            "outcome",
            OUTCOME,
            "loss_reason",
            TEXT),
    STAGE_CHANGES(
            "stage-changes.csv",
            "stage-changes",
            "stage change",
            List.of("deal_id", "stage", "at"),
            "deal_id",
            TEXT,
            "stage",
            TEXT,
            "at",
            TIMESTAMP,
            "by",
            TEXT),
    ACTIVITIES(
            "activities.csv",
            "activities",
            "activity",
            List.of("deal_id", "type", "at"),
            "deal_id",
            TEXT,
            "type",
            TEXT,
            "at",
            TIMESTAMP,
            "by",
            TEXT,
            "outcome",
            TEXT),
    DECISIONS(
            "decisions.csv",
            "decisions",
            "decision",
            List.of("deal_id", "type", "at"),
            "deal_id",
            TEXT,
            "type",
            TEXT,
            "value",
            TEXT,
            "by",
            TEXT,
            "role",
            TEXT,
            "at",
            TIMESTAMP,
            "comment",
            TEXT),
    LINE_ITEMS(
            "line-items.csv",
            "line-items",
            "line item",
            List.of("deal_id", "list_price"),
            "deal_id",
            TEXT,
            "product",
            TEXT,
            "quantity",
            AMOUNT,
            "list_price",
            AMOUNT,
            "unit_price",
            AMOUNT,
            "discount",
            AMOUNT,
            "unit_cost",
            AMOUNT),
    CLOSE_DATE_CHANGES(
            "close-date-changes.csv",
            "close-date-changes",
            "close date change",
            List.of("deal_id", "at", "to"),
            "deal_id",
            TEXT,
            "at",
            TIMESTAMP,
            "from",
            DATE,
            "to",
            DATE,
            "by",
            TEXT),
    DOCUMENTS(
            "documents.csv",
            "documents",
            "document",
            List.of("deal_id", "type", "at"),
            "deal_id",
            TEXT,
            "type",
            TEXT,
            "at",
            TIMESTAMP,
            "name",
            TEXT);

    /**
     * Prefix of the deals.csv columns that fill the deal's {@code fields}, e.g. {@code
     * field:budget}.
     */
    static final String FIELD_PREFIX = "field:";

    private final String fileName;
    private final String kind;
    private final String noun;
    private final List<String> required;
    private final Map<String, ValueKind> columns = new LinkedHashMap<>();

    BundleFile(
            String fileName, String kind, String noun, List<String> required, Object... columns) {
        this.fileName = fileName;
        this.kind = kind;
        this.noun = noun;
        this.required = required;
        for (int i = 0; i < columns.length; i += 2) {
            this.columns.put((String) columns[i], (ValueKind) columns[i + 1]);
        }
    }

    String fileName() {
        return fileName;
    }

    /** The kind of rows, as counted in the reconciliation: deals, stage-changes, activities... */
    String kind() {
        return kind;
    }

    /** One row of this file in words: "activity", "line item"... */
    String noun() {
        return noun;
    }

    /** The columns every header must have. */
    List<String> required() {
        return required;
    }

    /** The known columns and how their cells are read, in documentation order. */
    Map<String, ValueKind> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /** Custom {@code field:<name>} columns are allowed in deals.csv only. */
    boolean allowsFields() {
        return this == DEALS;
    }
}
