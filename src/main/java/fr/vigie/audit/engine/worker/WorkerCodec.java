package fr.vigie.audit.engine.worker;

import fr.vigie.audit.engine.RuleFailedException;
import fr.vigie.audit.engine.RuleFailure;
import fr.vigie.audit.engine.RuleLoopException;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.model.Finding;
import fr.vigie.deals.model.Deal;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the parent and its worker process say to each other, one JSON object a line: the run's
 * set-up and each deal one way, the findings and the failures back. Only values cross: records of
 * the deal and plan models (the worker reads the same workspace), findings whose evidence carries
 * its Java type, so that a worker's findings are exactly those the rules would give in-process.
 */
final class WorkerCodec {

    /** A line the worker sends before a rule's consequence runs: the rule's id follows. */
    static final char FIRING = '+';

    /** A line the worker sends when the consequence is over. */
    static final char FIRED = '-';

    /** The reply to a deal: the JSON of a {@link Reply} follows. */
    static final char REPLY = 'R';

    /** The worker is ready to judge deals. */
    static final char READY = 'K';

    /** The worker could not start: the message follows. */
    static final char ERROR = 'E';

    private static final JsonMapper JSON =
            JsonMapper.builder()
                    .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private WorkerCodec() {}

    /** Everything a worker needs before its first deal. */
    record Setup(
            String workspace,
            List<Source> sources,
            Period period,
            Plan plan,
            String language,
            int maxFirings,
            long timeLimitMillis) {

        List<RuleSource> ruleSources() {
            return sources.stream()
                    .map(s -> new RuleSource(s.pack(), Path.of(s.root()), s.trusted()))
                    .toList();
        }
    }

    /** A folder of rules, as {@link RuleSource}. */
    record Source(String pack, String root, boolean trusted) {
        static Source of(RuleSource source) {
            return new Source(
                    source.pack(), source.root().toAbsolutePath().toString(), source.trusted());
        }
    }

    /** One deal to judge, without the rules named in {@code skip}. */
    record Request(Deal deal, String source, Set<String> skip) {}

    /** The worker's answer for one deal. */
    record Reply(List<Finding> findings, List<Failure> failures) {}

    /** A rule that failed on the deal, as {@link RuleFailure}. */
    record Failure(String rule, String where, String reason, String message, boolean loop) {

        static Failure of(RuleFailure failure) {
            return new Failure(
                    failure.rule(),
                    failure.where(),
                    failure.reason(),
                    failure.problem().getMessage(),
                    failure.problem() instanceof RuleLoopException);
        }

        RuleFailure failure() {
            return new RuleFailure(
                    rule,
                    where,
                    reason,
                    loop ? new RuleLoopException(message) : new RuleFailedException(message));
        }
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    /** The reply, with each finding's evidence tagged with its Java type. */
    static String writeReply(List<Finding> findings, List<RuleFailure> failures) {
        List<Finding> tagged = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            finding.evidence().forEach((name, value) -> evidence.put(name, tag(value)));
            tagged.add(with(finding, evidence));
        }
        return write(new Reply(tagged, failures.stream().map(Failure::of).toList()));
    }

    /** The reply, each finding's evidence given back its Java type. */
    static Reply readReply(String json) {
        Reply reply = read(json, Reply.class);
        List<Finding> findings = new ArrayList<>(reply.findings().size());
        for (Finding finding : reply.findings()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            finding.evidence().forEach((name, value) -> evidence.put(name, untag(value)));
            findings.add(with(finding, evidence));
        }
        return new Reply(findings, reply.failures());
    }

    private static Finding with(Finding f, Map<String, Object> evidence) {
        return new Finding(
                f.id(),
                f.rule(),
                f.ruleVersion(),
                f.deal(),
                f.dealName(),
                f.account(),
                f.owner(),
                f.team(),
                f.severity(),
                f.lever(),
                f.stage(),
                f.title(),
                f.message(),
                evidence,
                f.source(),
                f.causedBy());
    }

    /**
     * An evidence value as text that says its type ({@code D:1200.50} a BigDecimal, {@code i:3} an
     * Integer), lists as lists of such texts: the values a finding's evidence holds.
     */
    static Object tag(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(WorkerCodec::tag).toList();
        }
        if (value == null) {
            return "n:";
        }
        String type = "s";
        if (value instanceof Boolean) {
            type = "b";
        } else if (value instanceof Integer) {
            type = "i";
        } else if (value instanceof Long) {
            type = "l";
        } else if (value instanceof Double) {
            type = "d";
        } else if (value instanceof Float) {
            type = "f";
        } else if (value instanceof BigInteger) {
            type = "I";
        } else if (value instanceof Number) {
            type = "D";
        }
        return type + ":" + value;
    }

    static Object untag(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(WorkerCodec::untag).toList();
        }
        String text = String.valueOf(value);
        String rest = text.substring(2);
        return switch (text.charAt(0)) {
            case 'n' -> null;
            case 'b' -> Boolean.valueOf(rest);
            case 'i' -> Integer.valueOf(rest);
            case 'l' -> Long.valueOf(rest);
            case 'd' -> Double.valueOf(rest);
            case 'f' -> Float.valueOf(rest);
            case 'I' -> new BigInteger(rest);
            case 'D' -> new BigDecimal(rest);
            default -> rest;
        };
    }
}
