package fr.vigie.deals.mapped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a CSV export read through a mapping, as its {@code files:} and {@code columns:} name
 * them: what each file holds, the fields Vigie reads from it and which of them a row needs. The
 * same structure as Vigie's CSV bundle (docs/csv-bundle.md), with the export's own names.
 */
enum MappedFile {
    DEALS(
            "deals",
            "deals",
            "deal",
            List.of("id", "created-at"),
            "id",
            "created-at",
            "closed-at",
            "outcome",
            "stage",
            "stage-entered-at"),
    STAGE_HISTORY(
            "stage-history",
            "stage-changes",
            "stage change",
            List.of("deal-id", "stage", "at"),
            "deal-id",
            "stage",
            "at",
            "by"),
    ACTIVITIES(
            "activities",
            "activities",
            "activity",
            List.of("deal-id", "type", "at"),
            "deal-id",
            "type",
            "at",
            "by",
            "outcome"),
    DECISIONS(
            "decisions",
            "decisions",
            "decision",
            List.of("deal-id", "type", "at"),
            "deal-id",
            "type",
            "value",
            "by",
            "role",
            "at",
            "comment"),
    LINE_ITEMS(
            "line-items",
            "line-items",
            "line item",
            List.of("deal-id", "list-price"),
            "deal-id",
            "product",
            "quantity",
            "list-price",
            "unit-price",
            "discount",
            "unit-cost"),
    CLOSE_DATE_CHANGES(
            "close-date-changes",
            "close-date-changes",
            "close date change",
            List.of("deal-id", "at", "to"),
            "deal-id",
            "at",
            "from",
            "to",
            "by"),
    DOCUMENTS(
            "documents",
            "documents",
            "document",
            List.of("deal-id", "type", "at"),
            "deal-id",
            "type",
            "at",
            "name");

    private final String role;
    private final String kind;
    private final String noun;
    private final List<String> required;
    private final List<String> fields;

    MappedFile(String role, String kind, String noun, List<String> required, String... fields) {
        this.role = role;
        this.kind = kind;
        this.noun = noun;
        this.required = required;
        this.fields = List.of(fields);
    }

    String role() {
        return role;
    }

    String kind() {
        return kind;
    }

    String noun() {
        return noun;
    }

    List<String> required() {
        return required;
    }

    List<String> fields() {
        return fields;
    }

    static Map<String, MappedFile> byRole() {
        Map<String, MappedFile> roles = new LinkedHashMap<>();
        for (MappedFile file : values()) {
            roles.put(file.role, file);
        }
        return roles;
    }
}
