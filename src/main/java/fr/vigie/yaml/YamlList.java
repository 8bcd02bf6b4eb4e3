package fr.vigie.yaml;

import fr.vigie.common.Location;
import java.util.List;

/** A YAML sequence. */
public record YamlList(Location location, List<YamlNode> items) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
