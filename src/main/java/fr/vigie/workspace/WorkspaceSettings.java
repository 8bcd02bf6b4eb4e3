package fr.vigie.workspace;

import fr.vigie.process.model.RuleSetting;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code vigie.yaml} says about the client; {@code maxRejected}: the share of the period's
 * records (in percent) that may be rejected before the audit exits with its own code, null when not
 * set; {@code maxRuleFailures}: on how many deals rules may fail before the audit stops, null when
 * not set.
 */
public record WorkspaceSettings(
        String client,
        String currency,
        ZoneId zone,
        Locale language,
        Map<String, Person> people,
        Map<String, RuleSetting> ruleSettings,
        QualityGate gate,
        DealsInPeriod dealsInPeriod,
        java.math.BigDecimal maxRejected,
        Integer maxRuleFailures) {

    /**
     * The quality gate of a period (the server shows it per quarter): at least {@code conformity}
     * percent of conforming deals, when set, and no critical finding.
     */
    public record QualityGate(java.math.BigDecimal conformity) {

        public static final QualityGate NO_CRITICAL = new QualityGate(null);

        /** Whether a period with this conformity rate and these critical findings passes. */
        public boolean passes(java.math.BigDecimal rate, long critical) {
            return critical == 0 && (conformity == null || rate.compareTo(conformity) >= 0);
        }
    }

    /** These settings, with {@code rule} choosing the period's deals (null: as they are). */
    public WorkspaceSettings withDealsInPeriod(DealsInPeriod rule) {
        return rule == null
                ? this
                : new WorkspaceSettings(
                        client,
                        currency,
                        zone,
                        language,
                        people,
                        ruleSettings,
                        gate,
                        rule,
                        maxRejected,
                        maxRuleFailures);
    }

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
    public static final Locale DEFAULT_LANGUAGE = Locale.FRENCH;

    public WorkspaceSettings(
            String client,
            String currency,
            ZoneId zone,
            Locale language,
            Map<String, Person> people,
            Map<String, RuleSetting> ruleSettings,
            QualityGate gate) {
        this(
                client,
                currency,
                zone,
                language,
                people,
                ruleSettings,
                gate,
                DealsInPeriod.OPEN_DURING,
                null,
                null);
    }

    public WorkspaceSettings {
        people = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(people));
        ruleSettings =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ruleSettings));
    }

    public String displayName(String personId) {
        Person person = personId == null ? null : people.get(personId);
        return person == null || person.name() == null ? personId : person.name();
    }
}
