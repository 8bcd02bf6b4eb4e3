package fr.vigie.audit.prepare;

import fr.vigie.audit.facts.Move;
import fr.vigie.audit.facts.RequiredApproval;
import fr.vigie.audit.facts.StageVisit;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.Message;
import fr.vigie.common.Outcome;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.StageChange;
import fr.vigie.process.model.ApprovalRule;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.process.model.StageSpec;
import fr.vigie.strategy.model.Plan;
import fr.vigie.strategy.model.TacticItem;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Person;
import fr.vigie.workspace.Workspace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a deal into the facts the rules judge: finds the one process that applies, the version in
 * force at each move, the time spent in each stage (open deals as of the end of the period), and
 * the approvals its discount calls for. A deal that cannot be judged is refused with a reason the
 * user can act on. Thread-safe.
 */
public final class DealPreparer {

    /** The outcome of preparing one deal. */
    public sealed interface Result {}

    /** The deal can be judged. */
    public record Ready(PreparedDeal deal) implements Result {}

    /** The deal cannot be judged, and why. */
    public record Refused(Message reason) implements Result {}

    private final List<SalesProcess> processes;
    private final SalesProcess fallback;
    private final ZoneId zone;
    private final Period period;
    private final Map<ProcessVersion, EffectiveRules> rulesByVersion = new IdentityHashMap<>();
    private final Map<String, ProcessVersion> versions = new HashMap<>();
    private final Map<String, Integer> maxDaysChanges = new HashMap<>();
    private final Map<String, Person> people;

    public DealPreparer(Workspace workspace, Period period, Collection<RuleInfo> catalog) {
        this(workspace, period, Plan.NONE, catalog);
    }

    /**
     * @param plan the period's tactics may change a stage's max-days ({@code stage-rules}), and
     *     decisions recorded without a role take the role vigie.yaml gives their author
     */
    public DealPreparer(
            Workspace workspace, Period period, Plan plan, Collection<RuleInfo> catalog) {
        this.processes =
                workspace.processes().stream().filter(p -> !p.appliesTo().fallback()).toList();
        this.fallback =
                workspace.processes().stream()
                        .filter(p -> p.appliesTo().fallback())
                        .findFirst()
                        .orElse(null);
        this.zone = workspace.settings().zone();
        this.period = period;
        this.people = workspace.settings().people();
        for (TacticItem change : plan.tactics()) {
            if (change.kind() == TacticItem.Kind.STAGE_RULE_CHANGE && change.value() != null) {
                maxDaysChanges.put(
                        change.process() == null
                                ? change.id()
                                : change.process() + "\u0000" + change.id(),
                        change.value().intValue());
            }
        }
        for (SalesProcess process : workspace.processes()) {
            for (ProcessVersion version : process.versions()) {
                rulesByVersion.put(
                        version,
                        EffectiveRules.resolve(
                                catalog, workspace.settings().ruleSettings(), version));
                versions.put(key(process.id(), version.version()), version);
            }
        }
    }

    public Result prepare(Deal recorded) {
        Deal deal = withRoles(recorded);
        List<SalesProcess> matching =
                processes.stream()
                        .filter(
                                p ->
                                        p.appliesTo()
                                                .matches(
                                                        deal.pipeline(),
                                                        deal.type(),
                                                        deal.account().segment(),
                                                        deal.amount()))
                        .toList();
        if (matching.size() > 1) {
            return new Refused(Message.of("deal.severalProcesses", covering(matching)));
        }
        SalesProcess process = matching.isEmpty() ? fallback : matching.get(0);
        if (process == null) {
            return new Refused(
                    Message.of(
                            "deal.noProcess",
                            String.valueOf(deal.pipeline()),
                            String.valueOf(deal.type()),
                            String.valueOf(deal.account().segment()),
                            plain(deal.amount()),
                            covering(processes)));
        }
        return prepare(deal, process);
    }

    private Result prepare(Deal deal, SalesProcess process) {
        List<StageChange> history = deal.stages();
        List<StageSpec> specs = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StageChange change = history.get(i);
            LocalDate day = localDate(change.at());
            ProcessVersion version = process.versionAt(day).orElse(null);
            if (version == null) {
                return new Refused(
                        Message.of(
                                "deal.beforeFirstVersion",
                                String.valueOf(i),
                                change.stage(),
                                day.toString(),
                                process.id(),
                                process.versions().get(0).effectiveFrom().toString()));
            }
            StageSpec spec = version.stage(change.stage()).orElse(null);
            if (spec == null) {
                return new Refused(
                        Message.of(
                                "deal.unknownStage",
                                change.stage(),
                                String.valueOf(i),
                                process.id(),
                                String.valueOf(version.version()),
                                String.join(", ", version.stageIds()),
                                DidYouMean.closest(change.stage(), version.stageIds())
                                        .map(s -> Message.of("hint.didYouMean", s))
                                        .orElse(Message.asWritten(""))));
            }
            specs.add(spec);
        }
        Message mismatch = outcomeMismatch(deal, specs.get(specs.size() - 1));
        if (mismatch != null) {
            return new Refused(mismatch);
        }
        List<StageVisit> visits = visits(process, history, specs);
        List<Move> moves = moves(process, visits, specs.get(0));
        ProcessVersion version = versionFor(specs.get(specs.size() - 1));
        List<RequiredApproval> approvals = approvals(deal, version, moves);
        return new Ready(
                new PreparedDeal(
                        deal,
                        process,
                        version,
                        visits,
                        moves,
                        approvals,
                        rulesByVersion.get(version)));
    }

    private static Message outcomeMismatch(Deal deal, StageSpec last) {
        Outcome expected = last.terminal() == null ? Outcome.OPEN : last.terminal();
        if (deal.outcome() == expected) {
            return null;
        }
        Message outcome = DealChecks.outcome(deal.outcome());
        if (expected == Outcome.OPEN) {
            return Message.of("deal.closedButOpenStage", outcome, last.id());
        }
        return Message.of("deal.outcomeMismatch", outcome, last.id(), DealChecks.outcome(expected));
    }

    /**
     * Each stay is judged by the version in force when the deal left the stage (the move), or at
     * the end of the period while it is still there; a closed deal's final stage by the version in
     * force when it closed. When the stage no longer exists in that version, the version it entered
     * under judges it.
     */
    private List<StageVisit> visits(
            SalesProcess process, List<StageChange> history, List<StageSpec> entered) {
        LocalDate asOf = period.end();
        List<StageVisit> visits = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StageChange change = history.get(i);
            OffsetDateTime left = i + 1 < history.size() ? history.get(i + 1).at() : null;
            LocalDate from = localDate(change.at());
            LocalDate until = left == null ? asOf : localDate(left);
            long days = Math.max(0, ChronoUnit.DAYS.between(from, until));
            StageSpec spec = entered.get(i);
            if (!spec.isTerminal()) {
                LocalDate judgedOn = left == null ? period.lastDay() : localDate(left);
                spec =
                        process.versionAt(judgedOn)
                                .flatMap(v -> v.stage(change.stage()))
                                .orElse(spec);
                if (!judgedOn.isBefore(period.start()) && judgedOn.isBefore(period.end())) {
                    spec = withTacticalMaxDays(spec);
                }
            }
            visits.add(new StageVisit(i, spec, change.at(), left, days, change.by()));
        }
        return visits;
    }

    /**
     * The period's tactics may give a stage other max-days, for one process or for all: it applies
     * to the stays judged within the period (left during it, or still there at its end).
     */
    private StageSpec withTacticalMaxDays(StageSpec spec) {
        if (maxDaysChanges.isEmpty() || spec.isTerminal()) {
            return spec;
        }
        Integer days =
                maxDaysChanges.getOrDefault(
                        spec.process() + "\u0000" + spec.id(), maxDaysChanges.get(spec.id()));
        return days == null
                ? spec
                : new StageSpec(
                        spec.process(),
                        spec.version(),
                        spec.id(),
                        spec.label(),
                        spec.order(),
                        days,
                        spec.skippable(),
                        spec.exit(),
                        spec.terminal(),
                        spec.location());
    }

    /**
     * Decisions recorded without a role take the role vigie.yaml gives the person who took them.
     */
    private Deal withRoles(Deal deal) {
        if (people.isEmpty()
                || deal.decisions().stream()
                        .allMatch(d -> d.role() != null || !people.containsKey(d.by()))) {
            return deal;
        }
        List<Decision> decisions =
                deal.decisions().stream()
                        .map(
                                d ->
                                        d.role() != null || !people.containsKey(d.by())
                                                ? d
                                                : new Decision(
                                                        d.type(),
                                                        d.value(),
                                                        d.by(),
                                                        people.get(d.by()).role(),
                                                        d.at(),
                                                        d.comment()))
                        .toList();
        return new Deal(
                deal.id(),
                deal.name(),
                deal.account(),
                deal.owner(),
                deal.team(),
                deal.pipeline(),
                deal.type(),
                deal.amount(),
                deal.currency(),
                deal.createdAt(),
                deal.closedAt(),
                deal.expectedCloseDate(),
                deal.outcome(),
                deal.lossReason(),
                deal.fields(),
                deal.stages(),
                deal.activities(),
                decisions,
                deal.lines(),
                deal.closeDateChanges(),
                deal.documents(),
                deal.partialEvidence());
    }

    private List<Move> moves(SalesProcess process, List<StageVisit> visits, StageSpec first) {
        List<Move> moves = new ArrayList<>();
        moves.add(start(visits.get(0), first));
        for (int i = 1; i < visits.size(); i++) {
            StageVisit from = visits.get(i - 1);
            StageVisit to = visits.get(i);
            if (!from.stage().equals(to.stage())) {
                moves.add(move(process, from, to));
            }
        }
        return moves;
    }

    /** The deal's entry into the process: the stages before its first one were skipped. */
    private Move start(StageVisit first, StageSpec entered) {
        List<StageSpec> skipped = new ArrayList<>();
        if (entered.terminal() != Outcome.LOST) {
            for (StageSpec stage : versionFor(entered).stages()) {
                if (!stage.isTerminal() && stage.order() < entered.order()) {
                    skipped.add(stage);
                }
            }
        }
        return new Move(null, first, Move.Direction.FORWARD, skipped, false);
    }

    /** A move, judged by the version in force on the day it happened. */
    private Move move(SalesProcess process, StageVisit from, StageVisit to) {
        ProcessVersion version =
                process.versionAt(localDate(to.enteredAt())).orElse(versionFor(to.spec()));
        StageSpec origin = version.stage(from.stage()).orElse(null);
        StageSpec target = version.stage(to.stage()).orElse(null);
        if (origin == null || target == null) {
            return new Move(from, to, Move.Direction.UNKNOWN, List.of(), false);
        }
        if (target.order() < origin.order()) {
            return new Move(
                    from,
                    to,
                    Move.Direction.BACKWARD,
                    List.of(),
                    version.allowsBackward(origin.id(), target.id()));
        }
        List<StageSpec> skipped = new ArrayList<>();
        if (target.terminal() != Outcome.LOST) {
            for (StageSpec stage : version.stages()) {
                if (!stage.isTerminal()
                        && stage.order() > origin.order()
                        && stage.order() < target.order()) {
                    skipped.add(stage);
                }
            }
        }
        return new Move(from, to, Move.Direction.FORWARD, skipped, false);
    }

    private ProcessVersion versionFor(StageSpec stage) {
        return versions.get(key(stage.process(), stage.version()));
    }

    private static String key(String process, String version) {
        return process + "\u0000" + version;
    }

    /**
     * The approvals the deal's discount calls for, each due by the first move that took the deal to
     * its "before" stage, or past it: a deal that skipped the stage owed the approval all the same.
     */
    private static List<RequiredApproval> approvals(
            Deal deal, ProcessVersion version, List<Move> moves) {
        BigDecimal discount = deal.discountPercent();
        List<RequiredApproval> required = new ArrayList<>();
        for (ApprovalRule rule : version.approvals()) {
            if (rule.appliesTo(discount, deal.amount())) {
                Move reached =
                        rule.before() == null
                                ? null
                                : moves.stream()
                                        .filter(m -> reaches(m, rule.before()))
                                        .findFirst()
                                        .orElse(null);
                required.add(
                        reached == null
                                ? new RequiredApproval(rule, discount, null, false)
                                : new RequiredApproval(
                                        rule,
                                        discount,
                                        reached.target().enteredAt(),
                                        !reached.target().stage().equals(rule.before())));
            }
        }
        return required;
    }

    private static boolean reaches(Move move, String stage) {
        return move.target().stage().equals(stage)
                || move.skipped().stream().anyMatch(s -> s.id().equals(stage));
    }

    private LocalDate localDate(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toLocalDate();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "none" : amount.toPlainString();
    }

    /** "'renouvellement' (pipeline in [maintenance]), 'vente-projet' (...)". */
    private static String covering(List<SalesProcess> processes) {
        return processes.stream()
                .map(p -> "'" + p.id() + "' (" + p.appliesTo().describe() + ")")
                .collect(Collectors.joining(", "));
    }
}
