package fr.vigie.yaml;

import fr.vigie.common.Location;

/** A YAML value with the place it was written: mapping, sequence or scalar. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    Location location();

    /** What this node is, in the words an error message uses ("a mapping", "a list", "a value"). */
    String kind();
}
