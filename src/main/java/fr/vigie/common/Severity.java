package fr.vigie.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How serious a finding is, from least to most. */
public enum Severity {
    INFO,
    MINOR,
    MAJOR,
    CRITICAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code)).findFirst();
    }

    public static String[] codes() {
        return Arrays.stream(values()).map(Severity::code).toArray(String[]::new);
    }
}
