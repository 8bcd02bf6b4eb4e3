package fr.vigie.ruletest;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.PlanAuditor;
import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.audit.run.DealJudge;
import fr.vigie.audit.run.Judged;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Problems;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import fr.vigie.deals.jsonl.DealJsonParser;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.StageChange;
import fr.vigie.strategy.PlanReader;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import fr.vigie.yaml.YamlMap;
import fr.vigie.yaml.YamlScalar;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs rule test cases through the same judge as the batch audit, and compares the findings of the
 * rules under test with those expected. Messages are compared in French, and in English where a
 * case expects English messages (the case is then judged a second time, in English). Each case is
 * judged in its period: the one it or its file gives, else its tactics', else the quarter of its
 * deals' latest date (open deals are judged as of the end of that period).
 */
public final class RuleTestRunner implements AutoCloseable {

    private final Workspace workspace;
    private final RuleBase rules;
    private final Function<Period, Plan> plans;
    private final Map<JudgeKey, DealJudge> judges = new HashMap<>();
    private final ShortDeals shortDeals;

    /**
     * What judges a case's own plan and figures, by language: the rules of scope plan and report,
     * with the workspace's settings.
     */
    private final Map<Locale, PlanAuditor> planAuditors = new HashMap<>();

    private final EffectiveRules inForce;

    public RuleTestRunner(Workspace workspace, RuleBase rules) {
        this(workspace, rules, period -> Plan.NONE);
    }

    /**
     * @param plans the strategy and tactics of a period, that deals are judged with when a case
     *     gives none of its own (a workspace's tests run with the workspace's plan); its written
     *     contradictions are not reported in each case
     */
    public RuleTestRunner(Workspace workspace, RuleBase rules, Function<Period, Plan> plans) {
        this.workspace = workspace;
        this.rules = rules;
        this.plans = plans;
        this.shortDeals = new ShortDeals(workspace.settings().zone(), workspace.processes());
        this.inForce =
                EffectiveRules.resolve(rules.catalog(), workspace.settings().ruleSettings(), null);
    }

    public RuleTestResult run(RuleTestCase testCase) {
        List<String> differences = new ArrayList<>();
        Verdicts french = judge(testCase, Locale.FRENCH, differences);
        if (french == null) {
            return new RuleTestResult(testCase, differences, Set.of(), Set.of());
        }
        compareFindings(testCase, french.findings(), differences);
        compareRejections(testCase, french.rejections(), differences);
        if (testCase.expected().stream().anyMatch(e -> e.messageEn() != null)) {
            Verdicts english = judge(testCase, Locale.ENGLISH, new ArrayList<>());
            compareEnglishMessages(testCase, english.findings(), differences);
        }
        return new RuleTestResult(
                testCase, differences, french.touched(), cited(french.findings()));
    }

    /**
     * What the rules under test found in a case, in one language, the deals rejected and the stages
     * its deals went through.
     */
    private record Verdicts(
            List<Finding> findings, List<Rejection> rejections, Set<String> touched) {}

    /**
     * The case judged with its messages in {@code language}; null, with the differences said, when
     * it cannot be judged.
     */
    private Verdicts judge(RuleTestCase testCase, Locale language, List<String> differences) {
        List<Finding> actual = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<RecordOutcome> read = read(testCase, differences);
        Period period = period(testCase, read);
        boolean judged =
                !testCase.deals().isEmpty()
                        || testCase.strategy() != null
                        || testCase.tactics() != null;
        if (period == null && judged) {
            differences.add(
                    "this case needs a period: add period: 2026-Q3 (say) to it or to its file, or"
                            + " give its deals dates");
            return null;
        }
        DealJudge judge =
                judged ? judges.computeIfAbsent(new JudgeKey(period, language), this::judge) : null;
        PlanAuditor planAuditor =
                planAuditors.computeIfAbsent(
                        language,
                        l ->
                                new PlanAuditor(
                                        rules,
                                        new FindingFactory(
                                                rules.messages(), l, workspace.settings())));
        if (testCase.strategy() != null || testCase.tactics() != null) {
            Problems problems = new Problems();
            Plan plan =
                    new PlanReader(problems, workspace.settings().people())
                            .read(
                                    testCase.strategy(),
                                    testCase.file(),
                                    testCase.tactics(),
                                    testCase.file(),
                                    period);
            if (problems.hasErrors()) {
                problems.all().forEach(p -> differences.add(p.toString()));
                return null;
            }
            judge =
                    new DealJudge(
                            workspace,
                            period,
                            plan,
                            rules,
                            language,
                            DealAuditor.DEFAULT_MAX_FIRINGS);
            planAuditor.audit(plan.facts(), List.of(period), inForce).stream()
                    .filter(f -> testCase.rulesUnderTest().contains(f.rule()))
                    .forEach(actual::add);
        }
        if (testCase.figures() != null) {
            Problems problems = new Problems();
            List<Object> figures = FiguresReader.read(testCase.figures(), problems);
            if (problems.hasErrors()) {
                problems.all().forEach(p -> differences.add(p.toString()));
                return null;
            }
            planAuditor.recommend(figures, inForce).stream()
                    .filter(f -> testCase.rulesUnderTest().contains(f.rule()))
                    .forEach(actual::add);
        }
        Set<String> touched = new TreeSet<>();
        for (RecordOutcome outcome : read) {
            Judged verdict = judge.judge(outcome);
            if (verdict instanceof Judged.Audited audited) {
                if (!audited.failures().isEmpty()) {
                    // a rule test judges its deals on purpose: a rule that fails on one stops it
                    throw audited.failures().get(0).problem();
                }
                audited.findings().stream()
                        .filter(f -> testCase.rulesUnderTest().contains(f.rule()))
                        .forEach(actual::add);
                ((RecordOutcome.Accepted) outcome)
                        .deal()
                        .stages()
                        .forEach(s -> touched.add(audited.deal().process() + "/" + s.stage()));
            } else if (verdict instanceof Judged.Outside outside) {
                rejections.add(
                        new Rejection(
                                outside.location(),
                                outside.dealId(),
                                "outside the period " + outside.period()));
            } else {
                rejections.add(((Judged.Refused) verdict).rejection());
            }
        }
        if (judge != null && !judges.containsValue(judge)) {
            judge.close();
        }
        return new Verdicts(actual, rejections, touched);
    }

    /**
     * The case's deals, read as the audit reads them: accepted, or rejected with the reason; those
     * that cannot be written are differences.
     */
    private List<RecordOutcome> read(RuleTestCase testCase, List<String> differences) {
        DealJsonParser parser = new DealJsonParser();
        List<RecordOutcome> read = new ArrayList<>();
        for (int i = 0; i < testCase.deals().size(); i++) {
            var node = testCase.deals().get(i);
            try {
                read.add(
                        new RecordOutcome.Accepted(
                                parser.parse(shortDeals.toJson(node, i)), node.location(), 0));
            } catch (DealJsonParser.Refusal refusal) {
                read.add(
                        new RecordOutcome.Rejected(
                                new Rejection(
                                        node.location(), refusal.dealId(), refusal.getMessage()),
                                0));
            } catch (InvalidInputException invalid) {
                differences.add(invalid.getMessage());
            }
        }
        return read;
    }

    /**
     * The case's period: its own or its file's, else its tactics', else the quarter of its deals'
     * latest date; null with none of them.
     */
    private Period period(RuleTestCase testCase, List<RecordOutcome> read) {
        if (testCase.period() != null) {
            return testCase.period();
        }
        if (testCase.tactics() instanceof YamlMap tactics
                && tactics.get("period") instanceof YamlScalar declared
                && !declared.isNull()) {
            Optional<Period> period = Period.parse(declared.value());
            if (period.isPresent()) {
                return period.get();
            }
        }
        return read.stream()
                .filter(RecordOutcome.Accepted.class::isInstance)
                .map(o -> ((RecordOutcome.Accepted) o).deal())
                .map(RuleTestRunner::latestDate)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(
                        latest ->
                                Period.quarterOf(
                                        latest.atZoneSameInstant(workspace.settings().zone())
                                                .toLocalDate()))
                .orElse(null);
    }

    /**
     * The latest moment the deal's history shows: a stage change, its close, an activity, a
     * decision or a document.
     */
    private static OffsetDateTime latestDate(Deal deal) {
        Stream<OffsetDateTime> dates =
                Stream.of(
                                deal.stages().stream().map(StageChange::at),
                                Stream.ofNullable(deal.closedAt()),
                                deal.activities().stream().map(Activity::at),
                                deal.decisions().stream().map(Decision::at),
                                deal.documents().stream().map(Document::at))
                        .flatMap(s -> s);
        return dates.filter(Objects::nonNull)
                .max(Comparator.comparing(OffsetDateTime::toInstant))
                .orElse(null);
    }

    /** Disposes the sessions of the judges kept for each period and language. */
    @Override
    public void close() {
        judges.values().forEach(DealJudge::close);
    }

    /**
     * The judge of the deals of a period, with the plan of that period, writing messages in a
     * language.
     */
    private DealJudge judge(JudgeKey key) {
        return new DealJudge(
                workspace,
                key.period(),
                plans.apply(key.period()),
                rules,
                key.language(),
                DealAuditor.DEFAULT_MAX_FIRINGS);
    }

    private record JudgeKey(Period period, Locale language) {}

    private static void compareFindings(
            RuleTestCase testCase, List<Finding> actual, List<String> differences) {
        List<Finding> remaining = new ArrayList<>(actual);
        for (RuleTestCase.Expected expected : testCase.expected()) {
            Finding match =
                    take(
                            remaining,
                            f ->
                                    f.rule().equals(expected.rule())
                                            && Objects.equals(f.deal(), expected.deal())
                                            && (expected.stage() == null
                                                    || expected.stage().equals(f.stage()))
                                            && (expected.message() == null
                                                    || expected.message().equals(f.message())));
            if (match == null) {
                Finding near =
                        remaining.stream()
                                .filter(
                                        f ->
                                                f.rule().equals(expected.rule())
                                                        && Objects.equals(
                                                                f.deal(), expected.deal()))
                                .findFirst()
                                .orElse(null);
                differences.add(
                        "expected "
                                + expected.rule()
                                + " on "
                                + (expected.deal() == null ? "the plan" : expected.deal())
                                + (expected.stage() == null ? "" : " at " + expected.stage())
                                + " (line "
                                + expected.location().line()
                                + ")"
                                + (near == null
                                        ? ", but it did not fire"
                                        : ", but it fired"
                                                + (Objects.equals(expected.stage(), near.stage())
                                                        ? ""
                                                        : " at " + near.stage())
                                                + (expected.message() == null
                                                                || expected.message()
                                                                        .equals(near.message())
                                                        ? ""
                                                        : " with message:\n      "
                                                                + near.message())));
            }
        }
        for (Finding unexpected : remaining) {
            differences.add(
                    "unexpected "
                            + unexpected.rule()
                            + " on "
                            + (unexpected.deal() == null ? "the plan" : unexpected.deal())
                            + (unexpected.stage() == null ? "" : " at " + unexpected.stage())
                            + ": "
                            + unexpected.message());
        }
    }

    /**
     * Each English message expected is that of a finding of the same rule, deal and stage, judged
     * in English.
     */
    private static void compareEnglishMessages(
            RuleTestCase testCase, List<Finding> english, List<String> differences) {
        List<Finding> remaining = new ArrayList<>(english);
        for (RuleTestCase.Expected expected : testCase.expected()) {
            if (expected.messageEn() == null) {
                continue;
            }
            java.util.function.Predicate<Finding> same =
                    f ->
                            f.rule().equals(expected.rule())
                                    && Objects.equals(f.deal(), expected.deal())
                                    && (expected.stage() == null
                                            || expected.stage().equals(f.stage()));
            if (take(remaining, same.and(f -> expected.messageEn().equals(f.message()))) == null) {
                differences.add(
                        "expected "
                                + expected.rule()
                                + " on "
                                + (expected.deal() == null ? "the plan" : expected.deal())
                                + " (line "
                                + expected.location().line()
                                + ") with its English message"
                                + remaining.stream()
                                        .filter(same)
                                        .findFirst()
                                        .map(f -> ", but it fired with:\n      " + f.message())
                                        .orElse(", but it did not fire in English"));
            }
        }
    }

    private static void compareRejections(
            RuleTestCase testCase, List<Rejection> rejections, List<String> differences) {
        List<Rejection> remaining = new ArrayList<>(rejections);
        for (RuleTestCase.ExpectedRejection expected : testCase.rejected()) {
            Rejection match =
                    take(
                            remaining,
                            r ->
                                    expected.deal().equals(r.dealId())
                                            && (expected.reasonContains() == null
                                                    || r.reason()
                                                            .toString()
                                                            .contains(expected.reasonContains())));
            if (match == null) {
                differences.add(
                        "expected deal "
                                + expected.deal()
                                + " to be rejected"
                                + (expected.reasonContains() == null
                                        ? ""
                                        : " for '" + expected.reasonContains() + "'")
                                + " (line "
                                + expected.location().line()
                                + ")"
                                + rejections.stream()
                                        .filter(r -> expected.deal().equals(r.dealId()))
                                        .map(r -> ", but it was rejected for: " + r.reason())
                                        .findFirst()
                                        .orElse(", but it was audited"));
            }
        }
        for (Rejection unexpected : remaining) {
            differences.add(
                    "deal " + unexpected.dealId() + " was rejected: " + unexpected.reason());
        }
    }

    /** The places of the strategy and tactics that findings cite. */
    private static Set<String> cited(List<Finding> findings) {
        Set<String> places = new TreeSet<>();
        for (Finding finding : findings) {
            for (String key : List.of("strategyAt", "tacticsAt")) {
                Object place = finding.evidence().get(key);
                if (place != null) {
                    places.add(place.toString());
                }
            }
        }
        return places;
    }

    private static <T> T take(List<T> items, java.util.function.Predicate<T> test) {
        for (Iterator<T> it = items.iterator(); it.hasNext(); ) {
            T item = it.next();
            if (test.test(item)) {
                it.remove();
                return item;
            }
        }
        return null;
    }

    public Workspace workspace() {
        return workspace;
    }
}
