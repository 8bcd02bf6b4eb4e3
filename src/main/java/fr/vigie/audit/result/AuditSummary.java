package fr.vigie.audit.result;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.Lever;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.common.Severity;
import fr.vigie.deals.input.DealInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of a run, computed from every audited deal and finding: counts that reconcile (read =
 * audited + rejected + outside the period), conformity, findings by rule, stage, owner and team
 * (findings accepted by a waiver apart), the funnel of each process, the deals worth a look, and
 * what the export could not show (the rules that could not judge its deals).
 */
public record AuditSummary(
        List<DealInput.FileCount> files,
        long recordsRead,
        long dealsAudited,
        long recordsRejected,
        long outsidePeriod,
        long eventsRead,
        long eventsRejected,
        Map<String, BigDecimal> amountByCurrency,
        long won,
        long lost,
        long open,
        long conformingDeals,
        long findings,
        Map<Severity, Long> findingsBySeverity,
        List<RuleCount> byRule,
        List<StageCount> byStage,
        List<PersonFigures> people,
        List<TeamFigures> teams,
        Figures total,
        Figures followed,
        Figures deviated,
        List<FunnelStep> funnel,
        List<Spotlight> worthALook,
        List<RuleCombination> combinations,
        List<SameStage> sameStage,
        Coverage coverage) {

    /**
     * Does the process pay, compared on like with like: the closed deals that reached one stage,
     * those that had deviated from the process before it against those that had not. Deals that go
     * further have more stages in which to deviate, so comparing all deviating deals with all the
     * others would make deviating look like winning.
     */
    public record SameStage(
            String process,
            String stage,
            String label,
            int order,
            WinRate followed,
            WinRate deviated) {

        /** Whether the two rates differ beyond chance (5 % level). */
        public boolean significant() {
            return followed.differsFrom(deviated);
        }

        /**
         * Whether the deals that deviated won significantly more: a finding about the process, not
         * the reps.
         */
        public boolean deviatingWinsMore() {
            return significant() && deviated.percent().compareTo(followed.percent()) > 0;
        }
    }

    /**
     * How many deals have causes of exactly these rules (each deal in one combination only): what
     * counts distinct deals across several rules. As many as the combinations met, not the deals.
     */
    public record RuleCombination(List<String> rules, long deals, BigDecimal atStake) {
        public RuleCombination {
            rules = List.copyOf(rules);
        }
    }

    /**
     * Findings of one rule, how many deals they touch, and the amount at stake they add up to (the
     * findings' {@code atStake} evidence, in the workspace currency; zero when the rule gives
     * none).
     */
    public record RuleCount(
            String rule,
            String title,
            Severity severity,
            Lever lever,
            RuleInfo.Topic topic,
            RuleInfo.Scope scope,
            long findings,
            long deals,
            BigDecimal atStake) {}

    /** Findings located at one stage. */
    public record StageCount(String stage, String label, long findings, long deals) {}

    /** One sales rep's figures (the deals they own). */
    public record PersonFigures(String owner, String team, Figures figures) {}

    /** One team's figures. */
    public record TeamFigures(String team, Figures figures) {}

    /**
     * One stage of a process as a step of the funnel: how many audited deals reached it, and how
     * many of those have a finding located at it.
     */
    public record FunnelStep(
            String process,
            String stage,
            String label,
            int order,
            boolean terminal,
            long reached,
            long flagged) {

        /**
         * Share of the deals that reached the stage without a finding at it, in percent; null when
         * none reached it.
         */
        public BigDecimal conformity() {
            return reached == 0 ? null : Figures.percent(reached - flagged, reached);
        }
    }

    /**
     * A deal worth a look, with its whole history: among those with the most money at stake in a
     * serious finding. {@code atStake} is the money at stake in its heaviest finding (the finding's
     * {@code atStake} evidence, else the deal's amount), {@code severity} that finding's;
     * data-entry findings without money in them do not make a deal worth a look (they go to the CRM
     * hygiene line).
     */
    public record Spotlight(
            AuditedDeal deal, List<Finding> findings, BigDecimal atStake, Severity severity) {

        public Spotlight {
            findings = List.copyOf(findings);
        }

        /** Money at stake weighted by severity: critical ×3, major ×2, minor ×1, info ×0. */
        public BigDecimal priority() {
            return weighted(atStake, severity);
        }

        public static BigDecimal weighted(BigDecimal atStake, Severity severity) {
            int factor =
                    switch (severity) {
                        case CRITICAL -> 3;
                        case MAJOR -> 2;
                        case MINOR -> 1;
                        case INFO -> 0;
                    };
            return atStake.multiply(BigDecimal.valueOf(factor));
        }
    }

    public AuditSummary {
        files = List.copyOf(files);
        amountByCurrency =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(amountByCurrency));
        findingsBySeverity = Map.copyOf(findingsBySeverity);
        byRule = List.copyOf(byRule);
        byStage = List.copyOf(byStage);
        people = List.copyOf(people);
        teams = List.copyOf(teams);
        funnel = List.copyOf(funnel);
        worthALook = List.copyOf(worthALook);
        combinations = List.copyOf(combinations);
        sameStage = List.copyOf(sameStage);
    }

    /**
     * The stages where the closed deals that reached them can be compared: some had deviated
     * before, some had not.
     */
    public List<SameStage> comparableStages() {
        return sameStage.stream()
                .filter(s -> s.followed().closed() > 0 && s.deviated().closed() > 0)
                .toList();
    }

    /**
     * The stages where the deals that had deviated before won significantly more: the process is to
     * review there.
     */
    public List<SameStage> processToReview() {
        return comparableStages().stream().filter(SameStage::deviatingWinsMore).toList();
    }

    /**
     * The nothing-lost check: every record read was audited, rejected, or a deal outside the
     * period.
     */
    public boolean reconciles() {
        return recordsRead == dealsAudited + recordsRejected + outsidePeriod;
    }

    /**
     * Share of the period's records that were rejected (not audited), in percent with one decimal:
     * rejected out of audited and rejected; the deals outside the period do not count.
     */
    public BigDecimal rejectedPercent() {
        long period = dealsAudited + recordsRejected;
        if (period == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(recordsRejected * 100)
                .divide(BigDecimal.valueOf(period), 1, RoundingMode.HALF_EVEN);
    }

    /**
     * Share of audited deals with no finding of severity minor or above, in percent (one decimal).
     */
    public BigDecimal conformityRate() {
        if (dealsAudited == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(conformingDeals * 100)
                .divide(BigDecimal.valueOf(dealsAudited), 1, RoundingMode.HALF_EVEN);
    }

    public Optional<Severity> maxSeverity() {
        return findingsBySeverity.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .max(Enum::compareTo);
    }

    /** The rules of {@code topic} judged deal by deal, with their counts, most findings first. */
    public List<RuleCount> dealRules(RuleInfo.Topic topic) {
        return byRule.stream()
                .filter(r -> r.topic() == topic && r.scope() == RuleInfo.Scope.DEAL)
                .toList();
    }

    /** Findings on deals of the rules of {@code topic}. */
    public long findings(RuleInfo.Topic topic) {
        return dealRules(topic).stream().mapToLong(RuleCount::findings).sum();
    }

    /**
     * The amount at stake in the findings on deals of the rules of {@code topic}, in the workspace
     * currency.
     */
    public BigDecimal atStake(RuleInfo.Topic topic) {
        return dealRules(topic).stream()
                .map(RuleCount::atStake)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
