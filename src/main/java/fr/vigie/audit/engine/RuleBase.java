package fr.vigie.audit.engine;

import fr.vigie.audit.messages.MessageCatalog;
import fr.vigie.audit.model.RuleInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * The compiled rules of a run, built once, with their catalogue and messages: one Drools rule base
 * for the standard pack, one for a workspace's own rules, each run in its own session.
 */
public final class RuleBase implements fr.vigie.audit.model.RuleCatalog {

    private final List<KieBase> parts;
    private final Map<String, RuleInfo> rules;
    private final MessageCatalog messages;
    private final List<RuleSource> sources;
    private final Map<org.kie.api.definition.rule.Rule, RuleInfo> byRule =
            new java.util.concurrent.ConcurrentHashMap<>();

    RuleBase(
            List<KieBase> parts,
            Map<String, RuleInfo> rules,
            MessageCatalog messages,
            List<RuleSource> sources) {
        this.parts = List.copyOf(parts);
        this.rules = Map.copyOf(rules);
        this.messages = messages;
        this.sources = List.copyOf(sources);
    }

    /** The standard pack's rule base, then the workspace's when it has rules of its own. */
    List<KieBase> parts() {
        return parts;
    }

    /** The parts of the rule base {@code which} names, in order. */
    List<KieBase> parts(Parts which) {
        return parts.stream().filter(part -> which.includes(isWorkspace(part))).toList();
    }

    /** The folders the rules were compiled from: a worker process compiles the same. */
    public List<RuleSource> sources() {
        return sources;
    }

    /** Whether the workspace has deal rules of its own, beside the standard pack. */
    public boolean hasWorkspaceRules() {
        return parts.stream().anyMatch(this::isWorkspace);
    }

    /** A part is the workspace's when one of its rules comes from a source that is not trusted. */
    private boolean isWorkspace(KieBase part) {
        java.util.Set<String> trusted =
                sources.stream()
                        .filter(RuleSource::trusted)
                        .map(RuleSource::pack)
                        .collect(java.util.stream.Collectors.toSet());
        return part.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(this::info)
                .anyMatch(info -> info != null && !trusted.contains(info.pack()));
    }

    /** Which parts of the rule base a session judges with. */
    public enum Parts {
        /** The standard pack and the workspace's rules: both in this process. */
        ALL,
        /** The standard pack alone: the workspace's rules run in a worker process. */
        STANDARD,
        /** The workspace's rules alone: what a worker process runs. */
        WORKSPACE;

        boolean includes(boolean workspace) {
            return this == ALL || (this == WORKSPACE) == workspace;
        }
    }

    @Override
    public Collection<RuleInfo> catalog() {
        return rules.values().stream()
                .sorted(java.util.Comparator.comparing(RuleInfo::id))
                .toList();
    }

    @Override
    public Optional<RuleInfo> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The metadata of a compiled rule. */
    RuleInfo info(org.kie.api.definition.rule.Rule rule) {
        return byRule.computeIfAbsent(
                rule,
                r -> {
                    Object id = r.getMetaData().get("id");
                    return id == null ? null : rules.get(id.toString());
                });
    }

    @Override
    public MessageCatalog messages() {
        return messages;
    }
}
