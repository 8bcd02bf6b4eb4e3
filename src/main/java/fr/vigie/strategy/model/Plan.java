package fr.vigie.strategy.model;

import java.util.List;
import java.util.Optional;

/**
 * The CEO's strategy and the sales director's tactics for the period audited, as the facts the
 * rules reason over. Either may be absent: the strategy rules then have nothing to say.
 */
public record Plan(
        Optional<Owner> strategyOwner,
        Optional<Owner> tacticsOwner,
        String strategyFile,
        String tacticsFile,
        List<StrategyItem> strategy,
        List<DecisionRight> rights,
        List<TacticItem> tactics) {

    public static final Plan NONE =
            new Plan(
                    Optional.empty(),
                    Optional.empty(),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of());

    public Plan {
        strategy = List.copyOf(strategy);
        rights = List.copyOf(rights);
        tactics = List.copyOf(tactics);
    }

    public boolean isEmpty() {
        return strategy.isEmpty() && rights.isEmpty() && tactics.isEmpty();
    }

    /** Every fact of the plan, for a rule session. */
    public List<Object> facts() {
        List<Object> facts = new java.util.ArrayList<>(strategy);
        facts.addAll(rights);
        facts.addAll(tactics);
        strategyOwner.ifPresent(facts::add);
        tacticsOwner.ifPresent(facts::add);
        return facts;
    }
}
