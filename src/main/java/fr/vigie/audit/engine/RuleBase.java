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
    private final Map<org.kie.api.definition.rule.Rule, RuleInfo> byRule =
            new java.util.concurrent.ConcurrentHashMap<>();

    RuleBase(List<KieBase> parts, Map<String, RuleInfo> rules, MessageCatalog messages) {
        this.parts = List.copyOf(parts);
        this.rules = Map.copyOf(rules);
        this.messages = messages;
    }

    /** The standard pack's rule base, then the workspace's when it has rules of its own. */
    List<KieBase> parts() {
        return parts;
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
