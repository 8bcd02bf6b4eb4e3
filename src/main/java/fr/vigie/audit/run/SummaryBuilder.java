package fr.vigie.audit.run;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.result.Figures;
import fr.vigie.common.Outcome;
import fr.vigie.common.Severity;
import fr.vigie.deals.input.DealInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds up audited deals and findings as they come; memory grows with rules, stages and owners, not
 * deals.
 */
final class SummaryBuilder {

    private final RuleCatalog rules;
    private final Locale language;
    private long audited;
    private long rejected;
    private long outside;
    private long eventsRead;
    private long eventsRejected;
    private long won;
    private long lost;
    private long open;
    private long conforming;
    private long findings;
    private final Map<String, BigDecimal> amounts = new TreeMap<>();
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, long[]> byRule = new HashMap<>();
    private final Map<String, long[]> byStage = new HashMap<>();
    private final Map<String, String> stageLabels = new HashMap<>();
    private final Map<String, Figures.Builder> byOwner = new HashMap<>();
    private final Map<String, String> ownerTeams = new HashMap<>();
    private final Map<String, Figures.Builder> byTeam = new HashMap<>();
    private final Figures.Builder total = new Figures.Builder();
    private final Figures.Builder followed = new Figures.Builder();
    private final Figures.Builder deviated = new Figures.Builder();
    private final Map<String, long[]> funnel = new HashMap<>();
    private final java.util.PriorityQueue<AuditSummary.Spotlight> worthALook =
            new java.util.PriorityQueue<>(SPOTLIGHT_ORDER);
    private final AuditScope scope;
    static final int SPOTLIGHTS = 10;

    /**
     * The key of the deals without a team; their figures come out with a null team ("sans équipe").
     */
    private static final String NO_TEAM = "\u0000";

    private static final Comparator<AuditSummary.Spotlight> SPOTLIGHT_ORDER =
            Comparator.comparing(AuditSummary.Spotlight::priority)
                    .thenComparing(AuditSummary.Spotlight::severity)
                    .thenComparing(
                            s -> s.deal().amount() == null ? BigDecimal.ZERO : s.deal().amount())
                    .thenComparing(s -> s.deal().id(), Comparator.reverseOrder());

    private final Map<String, BigDecimal> atStake = new HashMap<>();
    private final Map<List<String>, long[]> combinations = new HashMap<>();

    /** Per combination of rules: the money at stake in its deals (each deal's heaviest cause). */
    private final Map<List<String>, BigDecimal> combinationStakes = new HashMap<>();

    /**
     * Per process and stage: closed deals that reached it without / with a deviation before it, and
     * those of them won.
     */
    private final Map<String, long[]> sameStage = new HashMap<>();

    private final Map<String, long[]> notAssessable = new TreeMap<>();
    private final Map<String, List<fr.vigie.audit.result.Coverage.Failed>> failed = new HashMap<>();
    private final Map<String, Map<fr.vigie.audit.result.Coverage.Reason, Partial>> partial =
            new HashMap<>();
    private java.util.Set<fr.vigie.common.Evidence> carried = fr.vigie.common.Evidence.all();

    SummaryBuilder(AuditScope scope, RuleCatalog rules) {
        this.scope = scope;
        this.rules = rules;
        this.language = scope.language();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0L);
        }
        for (Finding finding : scope.planFindings()) {
            count(finding);
        }
    }

    private void count(Finding finding) {
        findings++;
        bySeverity.merge(finding.severity(), 1L, Long::sum);
        byRule.computeIfAbsent(finding.rule(), r -> new long[2])[0]++;
        if (finding.evidence().get("atStake") instanceof Number amount) {
            atStake.merge(finding.rule(), new BigDecimal(amount.toString()), BigDecimal::add);
        }
    }

    /**
     * Counts the deal's causes: a finding another explains (folded under it, {@link
     * Finding#causedBy}) counts nowhere, so that one typo on a close date is one finding, not
     * seven.
     */
    void audited(AuditedDeal deal, List<Finding> allFindings, int events) {
        List<Finding> dealFindings = fr.vigie.audit.model.Folded.causes(allFindings);
        audited++;
        eventsRead += events;
        if (deal.amount() != null) {
            amounts.merge(
                    deal.currency() == null
                            ? scope.workspace().settings().currency()
                            : deal.currency(),
                    deal.amount(),
                    BigDecimal::add);
        }
        if (deal.outcome() == Outcome.WON) {
            won++;
        } else if (deal.outcome() == Outcome.LOST) {
            lost++;
        } else {
            open++;
        }
        boolean conforms =
                dealFindings.stream().noneMatch(f -> f.severity().compareTo(Severity.MINOR) >= 0);
        if (conforms) {
            conforming++;
        }
        String owner = deal.owner() == null ? "?" : deal.owner();
        ownerTeams.putIfAbsent(owner, deal.team());
        byOwner.computeIfAbsent(owner, o -> new Figures.Builder())
                .add(deal, dealFindings.size(), !conforms);
        byTeam.computeIfAbsent(
                        deal.team() == null ? NO_TEAM : deal.team(), t -> new Figures.Builder())
                .add(deal, dealFindings.size(), !conforms);
        total.add(deal, dealFindings.size(), !conforms);
        (deviatedDuringTheSale(deal, dealFindings) ? deviated : followed)
                .add(deal, dealFindings.size(), !conforms);
        Set<String> flaggedStages = new HashSet<>();
        dealFindings.forEach(f -> flaggedStages.add(f.stage()));
        Set<String> reached = new HashSet<>();
        for (var visit : deal.visits()) {
            if (reached.add(visit.stage())) {
                long[] step =
                        funnel.computeIfAbsent(
                                deal.process() + "\u0000" + visit.stage(), k -> new long[2]);
                step[0]++;
                step[1] += flaggedStages.contains(visit.stage()) ? 1 : 0;
            }
        }
        spotlight(deal, dealFindings, allFindings);
        sameStage(deal, dealFindings);
        if (!dealFindings.isEmpty()) {
            List<String> combination =
                    dealFindings.stream().map(Finding::rule).distinct().sorted().toList();
            combinations.computeIfAbsent(combination, c -> new long[1])[0]++;
            BigDecimal dealStake =
                    dealFindings.stream()
                            .map(f -> stake(deal, f))
                            .filter(java.util.Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElse(BigDecimal.ZERO);
            combinationStakes.merge(combination, dealStake, BigDecimal::add);
        }
        Set<String> rulesOnDeal = new HashSet<>();
        Set<String> stagesOnDeal = new HashSet<>();
        for (Finding finding : dealFindings) {
            count(finding);
            if (rulesOnDeal.add(finding.rule())) {
                byRule.get(finding.rule())[1]++;
            }
            if (finding.stage() != null) {
                long[] stageCounts = byStage.computeIfAbsent(finding.stage(), s -> new long[2]);
                stageCounts[0]++;
                if (stagesOnDeal.add(finding.stage())) {
                    stageCounts[1]++;
                }
                Object label = finding.evidence().get("stage");
                stageLabels.putIfAbsent(
                        finding.stage(), label == null ? finding.stage() : label.toString());
            }
        }
    }

    /**
     * Counts a closed deal at each ordinary stage it reached, as having deviated before that stage
     * or not: a process finding of minor severity or above located at a stage it entered earlier.
     */
    private void sameStage(AuditedDeal deal, List<Finding> dealFindings) {
        if (deal.closedAt() == null) {
            return;
        }
        Set<String> deviatedAt = new HashSet<>();
        for (Finding finding : dealFindings) {
            RuleInfo rule = rules.rule(finding.rule()).orElse(null);
            if (rule != null
                    && rule.topic() == RuleInfo.Topic.PROCESS
                    && finding.severity().compareTo(Severity.MINOR) >= 0
                    && finding.stage() != null) {
                deviatedAt.add(finding.stage());
            }
        }
        Set<String> seen = new HashSet<>();
        boolean deviatedBefore = false;
        boolean won = deal.outcome() == Outcome.WON;
        for (var visit : deal.visits()) {
            if (visit.terminal() || !seen.add(visit.stage())) {
                continue;
            }
            long[] counts =
                    sameStage.computeIfAbsent(
                            deal.process() + "\u0000" + visit.stage(), k -> new long[4]);
            int side = deviatedBefore ? 2 : 0;
            counts[side]++;
            counts[side + 1] += won ? 1 : 0;
            deviatedBefore |= deviatedAt.contains(visit.stage());
        }
    }

    /**
     * Whether the deal deviated from the process while it was being sold: a finding of a process
     * rule before its outcome (skipped stages, missing activities or approvals...). Findings on the
     * outcome's paperwork, the data or the strategy do not count, or closed deals (which had more
     * chances of a finding) would look as if deviating won more.
     */
    private boolean deviatedDuringTheSale(AuditedDeal deal, List<Finding> dealFindings) {
        for (Finding finding : dealFindings) {
            RuleInfo rule = rules.rule(finding.rule()).orElse(null);
            if (rule != null
                    && rule.topic() == RuleInfo.Topic.PROCESS
                    && finding.severity().compareTo(Severity.MINOR) >= 0
                    && (finding.stage() == null || !isTerminalStage(deal, finding.stage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTerminalStage(AuditedDeal deal, String stage) {
        for (var visit : deal.visits()) {
            if (visit.terminal() && visit.stage().equals(stage)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the deals with the most money at stake in a serious cause: each cause weighs its money
     * at stake ({@link #stake}) times its severity (critical 3, major 2, minor 1, info 0); a
     * data-entry cause without money in it weighs nothing. The deal is kept with all its findings,
     * consequences included, to show them folded.
     */
    private void spotlight(
            AuditedDeal deal, List<Finding> dealFindings, List<Finding> allFindings) {
        BigDecimal best = null;
        BigDecimal bestStake = BigDecimal.ZERO;
        Severity bestSeverity = null;
        for (Finding finding : dealFindings) {
            BigDecimal stake = stake(deal, finding);
            if (stake == null) {
                continue;
            }
            BigDecimal weight = AuditSummary.Spotlight.weighted(stake, finding.severity());
            if (best == null
                    || weight.compareTo(best) > 0
                    || weight.compareTo(best) == 0
                            && finding.severity().compareTo(bestSeverity) > 0) {
                best = weight;
                bestStake = stake;
                bestSeverity = finding.severity();
            }
        }
        if (best == null || bestSeverity == Severity.INFO) {
            return;
        }
        AuditSummary.Spotlight candidate =
                new AuditSummary.Spotlight(deal, allFindings, bestStake, bestSeverity);
        if (worthALook.size() < SPOTLIGHTS) {
            worthALook.add(candidate);
        } else if (SPOTLIGHT_ORDER.compare(candidate, worthALook.peek()) > 0) {
            worthALook.poll();
            worthALook.add(candidate);
        }
    }

    /**
     * The money at stake in a finding, in the workspace currency: its {@code atStake} evidence;
     * else, on a deal still open, the deal's amount (still to be won); on a closed deal, the
     * discount given away (what can no longer be won is not at stake). Null for a data-entry
     * finding without money in it.
     */
    private BigDecimal stake(AuditedDeal deal, Finding finding) {
        if (finding.evidence().get("atStake") instanceof Number amount) {
            return new BigDecimal(amount.toString());
        }
        if (rules.rule(finding.rule()).map(r -> r.topic() == RuleInfo.Topic.DATA).orElse(false)) {
            return null;
        }
        boolean sameCurrency =
                deal.currency() == null
                        || deal.currency().equals(scope.workspace().settings().currency());
        if (!sameCurrency) {
            return BigDecimal.ZERO;
        }
        if (deal.closedAt() == null) {
            return deal.amount() == null ? BigDecimal.ZERO : deal.amount();
        }
        return deal.discountAmount() == null ? BigDecimal.ZERO : deal.discountAmount();
    }

    long auditedCount() {
        return audited;
    }

    long rejectedCount() {
        return rejected;
    }

    /**
     * The steps of each process in stage order (of its latest version), with the deals that reached
     * them.
     */
    private final List<AuditSummary.SameStage> sameStages = new ArrayList<>();

    private List<AuditSummary.FunnelStep> funnel() {
        List<AuditSummary.FunnelStep> steps = new ArrayList<>();
        sameStages.clear();
        for (var process : scope.workspace().processes()) {
            Map<String, fr.vigie.process.model.StageSpec> stages = new java.util.LinkedHashMap<>();
            for (var version : process.versions()) {
                version.stages().forEach(stage -> stages.put(stage.id(), stage));
            }
            for (var stage : stages.values()) {
                long[] counts =
                        funnel.getOrDefault(process.id() + "\u0000" + stage.id(), new long[2]);
                long[] cohorts = sameStage.get(process.id() + "\u0000" + stage.id());
                if (cohorts != null) {
                    sameStages.add(
                            new AuditSummary.SameStage(
                                    process.id(),
                                    stage.id(),
                                    stage.label(),
                                    stage.order(),
                                    new fr.vigie.audit.result.WinRate(cohorts[1], cohorts[0]),
                                    new fr.vigie.audit.result.WinRate(cohorts[3], cohorts[2])));
                }
                steps.add(
                        new AuditSummary.FunnelStep(
                                process.id(),
                                stage.id(),
                                stage.label(),
                                stage.order(),
                                stage.isTerminal(),
                                counts[0],
                                counts[1]));
            }
        }
        sameStages.sort(
                Comparator.comparing(AuditSummary.SameStage::process)
                        .thenComparingInt(AuditSummary.SameStage::order)
                        .thenComparing(AuditSummary.SameStage::stage));
        steps.sort(
                Comparator.comparing(AuditSummary.FunnelStep::process)
                        .thenComparingInt(AuditSummary.FunnelStep::order)
                        .thenComparing(AuditSummary.FunnelStep::stage));
        return steps;
    }

    void rejected(int events) {
        rejected++;
        eventsRead += events;
        eventsRejected += events;
    }

    /** The evidence the source carries: the rules needing more judge none of its deals. */
    void carried(java.util.Set<fr.vigie.common.Evidence> evidence) {
        this.carried = evidence;
    }

    /** The rule could not judge one more audited deal. */
    void notAssessable(String rule) {
        notAssessable.computeIfAbsent(rule, r -> new long[1])[0]++;
    }

    /**
     * The rule could not judge one more audited deal, {@code why}, though the source carries what
     * it needs.
     */
    void partial(String rule, fr.vigie.audit.result.Coverage.Reason why, String deal) {
        notAssessable(rule);
        Partial counted =
                partial.computeIfAbsent(rule, r -> new LinkedHashMap<>())
                        .computeIfAbsent(why, w -> new Partial());
        counted.deals++;
        if (counted.examples.size() < fr.vigie.audit.result.Coverage.EXAMPLES_KEPT) {
            counted.examples.add(deal);
        }
    }

    private static final class Partial {
        long deals;
        final List<String> examples = new ArrayList<>();
    }

    /** The rule failed on one more audited deal, which it therefore could not judge. */
    void failed(String rule, fr.vigie.audit.result.Coverage.Failed deal) {
        notAssessable(rule);
        List<fr.vigie.audit.result.Coverage.Failed> kept =
                failed.computeIfAbsent(rule, r -> new ArrayList<>());
        if (kept.size() < fr.vigie.audit.result.Coverage.FAILURES_KEPT) {
            kept.add(deal);
        }
    }

    void outside(int events) {
        outside++;
        eventsRead += events;
    }

    void orphanEvent() {
        eventsRead++;
        eventsRejected++;
    }

    AuditSummary build(List<DealInput.FileCount> files, long read) {
        List<AuditSummary.RuleCount> ruleCounts = new ArrayList<>();
        byRule.forEach(
                (id, counts) -> {
                    RuleInfo info = rules.rule(id).orElseThrow();
                    ruleCounts.add(
                            new AuditSummary.RuleCount(
                                    id,
                                    rules.messages().title(language, id),
                                    info.severity(),
                                    info.lever(),
                                    info.topic(),
                                    info.scope(),
                                    counts[0],
                                    counts[1],
                                    atStake.getOrDefault(id, BigDecimal.ZERO)));
                });
        ruleCounts.sort(
                Comparator.comparingLong(AuditSummary.RuleCount::findings)
                        .reversed()
                        .thenComparing(AuditSummary.RuleCount::rule));
        List<AuditSummary.StageCount> stageCounts = new ArrayList<>();
        byStage.forEach(
                (id, counts) ->
                        stageCounts.add(
                                new AuditSummary.StageCount(
                                        id, stageLabels.get(id), counts[0], counts[1])));
        stageCounts.sort(
                Comparator.comparingLong(AuditSummary.StageCount::findings)
                        .reversed()
                        .thenComparing(AuditSummary.StageCount::stage));
        List<AuditSummary.PersonFigures> people = new ArrayList<>();
        byOwner.forEach(
                (owner, figures) ->
                        people.add(
                                new AuditSummary.PersonFigures(
                                        owner, ownerTeams.get(owner), figures.build())));
        people.sort(
                Comparator.comparing((AuditSummary.PersonFigures p) -> p.figures().findings())
                        .reversed()
                        .thenComparing(AuditSummary.PersonFigures::owner));
        List<AuditSummary.TeamFigures> teams = new ArrayList<>();
        byTeam.forEach(
                (team, figures) ->
                        teams.add(
                                new AuditSummary.TeamFigures(
                                        NO_TEAM.equals(team) ? null : team, figures.build())));
        teams.sort(
                Comparator.comparing(
                        AuditSummary.TeamFigures::team,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        List<AuditSummary.Spotlight> spotlights = new ArrayList<>(worthALook);
        spotlights.sort(SPOTLIGHT_ORDER.reversed());
        List<AuditSummary.RuleCombination> ruleCombinations = new ArrayList<>();
        combinations.forEach(
                (rulesOfDeals, deals) ->
                        ruleCombinations.add(
                                new AuditSummary.RuleCombination(
                                        rulesOfDeals,
                                        deals[0],
                                        combinationStakes.getOrDefault(
                                                rulesOfDeals, BigDecimal.ZERO))));
        ruleCombinations.sort(
                Comparator.comparing(
                        (AuditSummary.RuleCombination c) -> String.join(",", c.rules())));
        List<fr.vigie.audit.result.Coverage.NotAssessable> gaps = new ArrayList<>();
        notAssessable.forEach(
                (id, deals) ->
                        gaps.add(
                                new fr.vigie.audit.result.Coverage.NotAssessable(
                                        id,
                                        rules.messages().title(language, id),
                                        deals[0],
                                        audited - deals[0],
                                        rules.rule(id).orElseThrow().missing(carried),
                                        partial.getOrDefault(id, Map.of()).entrySet().stream()
                                                .map(
                                                        p ->
                                                                new fr.vigie.audit.result.Coverage
                                                                        .Partial(
                                                                        p.getKey(),
                                                                        p.getValue().deals,
                                                                        p.getValue().examples))
                                                .toList(),
                                        failed.getOrDefault(id, List.of()))));
        return new AuditSummary(
                files,
                read,
                audited,
                rejected,
                outside,
                eventsRead,
                eventsRejected,
                amounts,
                won,
                lost,
                open,
                conforming,
                findings,
                bySeverity,
                ruleCounts,
                stageCounts,
                people,
                teams,
                total.build(),
                followed.build(),
                deviated.build(),
                funnel(),
                spotlights,
                ruleCombinations,
                List.copyOf(sameStages),
                new fr.vigie.audit.result.Coverage(carried, gaps));
    }
}
