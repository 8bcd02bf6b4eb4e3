package fr.vigie.audit.facts;

import fr.vigie.deals.model.Deal;
import fr.vigie.process.model.StageSpec;
import fr.vigie.strategy.model.Declared;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule inserts when a deal breaks it. The rule that inserted it is recorded by the engine;
 * the rule only says which deal, where (stage), an optional key (when the rule can fire more than
 * once on one stage) and the values its message needs. Immutable: each call returns a copy.
 */
public final class Violation {

    private final Deal deal;
    private final Declared subject;
    private final StageSpec stage;
    private final String key;
    private final Map<String, Object> values;
    private final String variant;

    private Violation(
            Deal deal,
            Declared subject,
            StageSpec stage,
            String key,
            Map<String, Object> values,
            String variant) {
        this.deal = deal;
        this.subject = subject;
        this.stage = stage;
        this.key = key;
        this.values = values;
        this.variant = variant;
    }

    public static Violation on(Deal deal) {
        return new Violation(deal, null, null, "", Map.of(), null);
    }

    /** A recommendation on the run's figures: about no deal and no line of the plan. */
    public static Violation advice() {
        return new Violation(null, null, null, "", Map.of(), null);
    }

    /**
     * A contradiction in the written plan, about {@code subject} (a campaign, a quota...): the
     * finding is located where the subject is written.
     */
    public static Violation about(Declared subject) {
        return new Violation(null, subject, null, "", Map.of(), null);
    }

    /**
     * Words the finding with the message {@code <RULE-ID>.message.<variant>} instead of {@code
     * <RULE-ID>.message}, for a case the usual sentence does not fit; null keeps the usual one.
     */
    public Violation variant(String name) {
        return new Violation(deal, subject, stage, key, values, name);
    }

    public String variant() {
        return variant;
    }

    /**
     * Where the deviation happened; also sets the message values {@code stage} and {@code stageId}.
     */
    public Violation at(StageSpec where) {
        return new Violation(deal, subject, where, key, values, variant)
                .with("stage", where.label())
                .with("stageId", where.id());
    }

    public Violation at(StageVisit visit) {
        return at(visit.spec());
    }

    /** Tells apart two findings of the same rule on the same deal and stage. */
    public Violation key(Object part) {
        String text = String.valueOf(part);
        return new Violation(
                deal, subject, stage, key.isEmpty() ? text : key + "|" + text, values, variant);
    }

    public Violation with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Violation(deal, subject, stage, key, Collections.unmodifiableMap(copy), variant);
    }

    /** The deal, or null for a finding on the written plan. */
    public Deal deal() {
        return deal;
    }

    /** What a finding on the written plan is about, or null for a deal's finding. */
    public Declared subject() {
        return subject;
    }

    public StageSpec stage() {
        return stage;
    }

    public String key() {
        return key;
    }

    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return "Violation["
                + (deal == null
                        ? String.valueOf(subject == null ? null : subject.location())
                        : deal.id())
                + (stage == null ? "" : " at " + stage.id())
                + " "
                + values
                + "]";
    }
}
