package fr.vigie.process.model;

/** One thing the process requires: an activity, a field or a document, by name. */
public record Required(Kind kind, String name) {

    /** Whether the deal has it, at any time. */
    public boolean isMetBy(fr.vigie.deals.model.Deal deal) {
        return switch (kind) {
            case ACTIVITY -> deal.hasActivity(name);
            case FIELD -> deal.hasField(name);
            case DOCUMENT -> deal.hasDocument(name);
        };
    }

    /** What kind of thing is required. */
    public enum Kind {
        ACTIVITY,
        FIELD,
        DOCUMENT
    }
}
