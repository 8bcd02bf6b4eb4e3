package fr.vigie.process.model;

import java.util.List;

/**
 * What must exist: activities (by type), fields set on the deal, documents (by type); {@code
 * fieldLocations}: where the process YAML names each field.
 */
public record Requirements(
        List<String> activities,
        List<String> fields,
        List<String> documents,
        java.util.Map<String, fr.vigie.common.Location> fieldLocations) {

    public static final Requirements NONE = new Requirements(List.of(), List.of(), List.of());

    public Requirements {
        activities = List.copyOf(activities);
        fields = List.copyOf(fields);
        documents = List.copyOf(documents);
        fieldLocations = java.util.Map.copyOf(fieldLocations);
    }

    /** Requirements whose places are not known. */
    public Requirements(List<String> activities, List<String> fields, List<String> documents) {
        this(activities, fields, documents, java.util.Map.of());
    }

    /** Where the process requires {@code field}, or null when not known. */
    public fr.vigie.common.Location locationOf(String field) {
        return fieldLocations.get(field);
    }

    /** Every requirement as one item, for rules that check them all the same way. */
    public List<Required> all() {
        List<Required> all = new java.util.ArrayList<>();
        activities.forEach(name -> all.add(new Required(Required.Kind.ACTIVITY, name)));
        fields.forEach(name -> all.add(new Required(Required.Kind.FIELD, name)));
        documents.forEach(name -> all.add(new Required(Required.Kind.DOCUMENT, name)));
        return all;
    }

    public boolean isEmpty() {
        return activities.isEmpty() && fields.isEmpty() && documents.isEmpty();
    }
}
