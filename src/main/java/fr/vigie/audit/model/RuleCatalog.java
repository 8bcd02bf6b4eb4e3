package fr.vigie.audit.model;

import fr.vigie.audit.messages.MessageCatalog;
import java.util.Collection;
import java.util.Optional;

/**
 * The rules of a run as reports and figures see them: their metadata and messages, not the engine.
 */
public interface RuleCatalog {

    Collection<RuleInfo> catalog();

    Optional<RuleInfo> rule(String id);

    MessageCatalog messages();
}
