package fr.vigie.audit.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of a whole run, as facts the recommendation rules reason over (scope "report"). Each
 * is one line of the run's summary; shares are in percent.
 */
public final class ReportFigures {

    private ReportFigures() {}

    /** The run as a whole. */
    public record Run(
            long audited,
            long nonConforming,
            long writtenContradictions,
            long decisionsAgainstStrategy,
            long rightsIssues,
            java.math.BigDecimal strategyAtStake) {

        /** A run without money at stake in decisions against the strategy. */
        public Run(
                long audited,
                long nonConforming,
                long writtenContradictions,
                long decisionsAgainstStrategy,
                long rightsIssues) {
            this(
                    audited,
                    nonConforming,
                    writtenContradictions,
                    decisionsAgainstStrategy,
                    rightsIssues,
                    java.math.BigDecimal.ZERO);
        }
    }

    /** The findings of one rule: how many, on how many deals, out of how many audited. */
    public record RuleFindings(
            String rule, String lever, String topic, long findings, long deals, long audited) {}

    /**
     * The deals whose causes (findings no other explains) are exactly of {@code rules}, of the
     * rules' {@code topics}: each deal is in one of these facts only, so that adding the facts of
     * the rules a recommendation is about counts each deal once.
     */
    public record DealsWith(
            java.util.Set<String> rules,
            java.util.Set<String> topics,
            long deals,
            java.math.BigDecimal atStake) {
        public DealsWith {
            rules = java.util.Set.copyOf(rules);
            topics = java.util.Set.copyOf(topics);
        }

        /** Deals without money at stake. */
        public DealsWith(java.util.Set<String> rules, java.util.Set<String> topics, long deals) {
            this(rules, topics, deals, java.math.BigDecimal.ZERO);
        }

        /**
         * Whether one of these deals has a finding of one of {@code ids} (a comma-separated list).
         */
        public boolean anyOf(String ids) {
            for (String id : ids.split(",")) {
                if (rules.contains(id.strip())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One step of a process: the deals that reached it, and those with a finding at it. */
    public record Step(
            String process,
            String stage,
            String label,
            boolean terminal,
            long reached,
            long flagged) {
        public BigDecimal flaggedShare() {
            return share(flagged, reached);
        }
    }

    /**
     * One sales rep: their deals, those with a finding of minor severity or above, and the team's
     * share.
     */
    public record Person(
            String owner, String name, long deals, long flagged, BigDecimal averageShare) {
        public BigDecimal flaggedShare() {
            return share(flagged, deals);
        }
    }

    /** Win rates of the closed deals that followed the process and of those that deviated. */
    public record ProcessPays(
            long followedClosed, long followedWon, long deviatedClosed, long deviatedWon) {
        public BigDecimal followedWinRate() {
            return share(followedWon, followedClosed);
        }

        public BigDecimal deviatedWinRate() {
            return share(deviatedWon, deviatedClosed);
        }
    }

    static BigDecimal share(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100)
                        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
    }
}
