package fr.vigie.deals.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of exports Vigie reads besides its own format, as {@code --source} and {@code source:}
 * name them.
 */
public enum SourceKind {
    SALESFORCE("salesforce", "Salesforce data export"),
    HUBSPOT("hubspot", "HubSpot deals export"),
    PIPEDRIVE("pipedrive", "Pipedrive deals export"),
    CSV("csv", "CSV export read through a mapping"),
    XES("xes", "XES event log");

    private final String code;
    private final String title;

    SourceKind(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The title with its article: "a Salesforce data export", "an XES event log". */
    public String aTitle() {
        return ("AEIOUX".indexOf(title.charAt(0)) >= 0 ? "an " : "a ") + title;
    }

    public static Optional<SourceKind> fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(k -> k.code).toList();
    }

    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT);
    }
}
