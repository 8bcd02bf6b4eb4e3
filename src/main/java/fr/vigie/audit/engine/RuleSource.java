package fr.vigie.audit.engine;

import java.nio.file.Path;

/** A folder of DRL files with their message catalogues: the standard pack, or a workspace's rules. */
public record RuleSource(String pack, Path root) {}
