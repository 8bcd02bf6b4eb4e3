package fr.vigie.yaml;

import fr.vigie.common.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping whose keys keep the place they were written, in file order. */
public record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {

    /** One key and its value. */
    public record Entry(String key, Location keyLocation, YamlNode value) {}

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YamlNode get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
