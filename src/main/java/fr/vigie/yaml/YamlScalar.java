package fr.vigie.yaml;

import fr.vigie.common.Location;

/** A scalar; {@code value} is null for YAML null, {@code ~} and an empty value. */
public record YamlScalar(Location location, String value) implements YamlNode {

    public boolean isNull() {
        return value == null || value.isBlank();
    }

    @Override
    public String kind() {
        return "a value";
    }
}
