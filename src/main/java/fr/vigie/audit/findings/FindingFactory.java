package fr.vigie.audit.findings;

import fr.vigie.audit.facts.Violation;
import fr.vigie.audit.messages.MessageCatalog;
import fr.vigie.audit.messages.MessageFormatter;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.Location;
import fr.vigie.common.Severity;
import fr.vigie.deals.model.Deal;
import fr.vigie.process.model.StageSpec;
import fr.vigie.strategy.model.Declared;
import fr.vigie.workspace.WorkspaceSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a rule inserted into a finding a CEO can read: the message in the report's language
 * with the deal named, and the evidence as plain values. One per thread (formatting is not
 * thread-safe).
 */
public final class FindingFactory {

    private final MessageCatalog messages;
    private final MessageFormatter formatter;
    private final WorkspaceSettings settings;
    private final ZoneId zone;

    public FindingFactory(MessageCatalog messages, Locale language, WorkspaceSettings settings) {
        this.messages = messages;
        this.settings = settings;
        this.zone = settings.zone();
        this.formatter = new MessageFormatter(language, zone);
    }

    public Finding create(RuleInfo rule, Severity severity, Violation violation, String source) {
        Deal deal = violation.deal();
        StageSpec stage = violation.stage();
        Map<String, Object> values = new LinkedHashMap<>();
        if (deal != null) {
            values.put("deal", deal.id());
            values.put("dealName", deal.name() == null ? deal.id() : deal.name());
            values.put("account", deal.account().name() == null ? "?" : deal.account().name());
            values.put("owner", settings.displayName(deal.owner()));
        }
        values.putAll(violation.values());
        Locale language = formatter.locale();
        String template =
                violation.variant() == null
                        ? messages.message(language, rule.id())
                        : messages.get(language, rule.id() + ".message." + violation.variant())
                                .orElse(messages.message(language, rule.id()));
        String message = formatter.render(template, values);
        Map<String, Object> evidence = new LinkedHashMap<>();
        violation.values().forEach((name, value) -> evidence.put(name, plain(value)));
        if (deal == null) {
            Declared subject = violation.subject();
            return new Finding(
                    FindingId.of(rule.id(), "", null, violation.key()),
                    rule.id(),
                    rule.version(),
                    null,
                    null,
                    null,
                    subject == null ? null : subject.owner().person(),
                    null,
                    severity,
                    rule.lever(),
                    null,
                    messages.title(language, rule.id()),
                    message,
                    evidence,
                    subject == null ? source : subject.location().toString());
        }
        return new Finding(
                FindingId.of(
                        rule.id(), deal.id(), stage == null ? null : stage.id(), violation.key()),
                rule.id(),
                rule.version(),
                deal.id(),
                deal.name(),
                deal.account().name(),
                deal.owner(),
                deal.team(),
                severity,
                rule.lever(),
                stage == null ? null : stage.id(),
                messages.title(language, rule.id()),
                message,
                evidence,
                source);
    }

    /**
     * Evidence values as JSON-friendly values: dates as ISO text in the client's zone, numbers
     * kept.
     */
    private Object plain(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.atZoneSameInstant(zone).toOffsetDateTime().toString();
        }
        if (value instanceof LocalDate || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof BigDecimal
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof String) {
            return value;
        }
        if (value instanceof StageSpec spec) {
            return spec.id();
        }
        if (value instanceof Location location) {
            return location.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::plain).toList();
        }
        return value.toString();
    }
}
