package fr.vigie.audit.engine;

import java.nio.file.Path;

/**
 * A folder of DRL files with their message catalogues: the standard pack (trusted: it ships with
 * Vigie), or a workspace's rules (checked by {@link fr.vigie.audit.engine.safety.DrlSafety} first).
 */
public record RuleSource(String pack, Path root, boolean trusted) {

    public RuleSource(String pack, Path root) {
        this(pack, root, "standard".equals(pack));
    }
}
