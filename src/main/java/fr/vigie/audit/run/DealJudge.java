package fr.vigie.audit.run;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.worker.RuleIsolation;
import fr.vigie.audit.engine.worker.WorkerLaunch;
import fr.vigie.audit.engine.worker.WorkerProcess;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import fr.vigie.deals.model.Deal;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import java.util.List;
import java.util.Locale;

/**
 * Judges one input record end to end: reads it, keeps it when it belongs to the period
 * (vigie.yaml's {@code deals-in-period}), finds its process, runs the rules. Shared by the batch
 * audit and the rule tests so that both judge deals exactly the same way. Thread-safe: each thread
 * gets its own rule auditor; {@link #close} disposes their sessions once the judging is over.
 */
public final class DealJudge implements RecordJudge, AutoCloseable {

    private final WorkerLaunch launch;
    private final DealPreparer preparer;
    private final PeriodFilter inPeriod;
    private final ThreadLocal<DealAuditor> auditors;
    private final java.util.Set<DealAuditor> opened =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DealJudge(
            Workspace workspace, Period period, RuleBase rules, Locale language, int maxFirings) {
        this(workspace, period, Plan.NONE, rules, language, maxFirings);
    }

    public DealJudge(
            Workspace workspace,
            Period period,
            Plan plan,
            RuleBase rules,
            Locale language,
            int maxFirings) {
        this(workspace, period, plan, rules, language, maxFirings, RuleIsolation.DEFAULT);
    }

    /**
     * @param isolation where the workspace's own rules run, when it has some: in a worker process
     *     per auditing thread (confined or not), or in this process
     */
    public DealJudge(
            Workspace workspace,
            Period period,
            Plan plan,
            RuleBase rules,
            Locale language,
            int maxFirings,
            RuleIsolation isolation) {
        this.launch =
                rules.hasWorkspaceRules() && !isolation.inProcess()
                        ? WorkerLaunch.of(
                                isolation,
                                workspace.root(),
                                rules.sources(),
                                period,
                                plan,
                                language,
                                maxFirings,
                                DealAuditor.TIME_LIMIT_MILLIS)
                        : null;
        this.preparer = new DealPreparer(workspace, period, plan, rules.catalog());
        this.inPeriod =
                new PeriodFilter(
                        period, workspace.settings().dealsInPeriod(), workspace.settings().zone());
        List<Object> planFacts = new java.util.ArrayList<>(plan.facts());
        planFacts.add(period);
        this.auditors =
                ThreadLocal.withInitial(
                        () -> {
                            DealAuditor auditor =
                                    new DealAuditor(
                                            rules,
                                            new FindingFactory(
                                                    rules.messages(),
                                                    language,
                                                    workspace.settings()),
                                            maxFirings,
                                            planFacts,
                                            DealAuditor.TIME_LIMIT_MILLIS,
                                            launch == null
                                                    ? RuleBase.Parts.ALL
                                                    : RuleBase.Parts.STANDARD,
                                            launch == null ? null : new WorkerProcess(launch),
                                            null);
                            opened.add(auditor);
                            return auditor;
                        });
    }

    @Override
    public Judged judge(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Rejected rejected) {
            return new Judged.Refused(rejected.rejection(), rejected.events());
        }
        RecordOutcome.Accepted accepted = (RecordOutcome.Accepted) outcome;
        if (!inPeriod.contains(accepted.deal())) {
            return new Judged.Outside(
                    accepted.deal().id(),
                    accepted.location(),
                    inPeriod.describe(),
                    accepted.events());
        }
        DealPreparer.Result result = preparer.prepare(accepted.deal());
        if (result instanceof DealPreparer.Refused refused) {
            return new Judged.Refused(
                    new Rejection(accepted.location(), accepted.deal().id(), refused.reason()),
                    accepted.events());
        }
        PreparedDeal prepared = ((DealPreparer.Ready) result).deal();
        DealAuditor.Judgement judgement =
                auditors.get().judge(prepared, accepted.location().toString());
        return new Judged.Audited(
                audited(prepared),
                judgement.findings(),
                accepted.location(),
                accepted.events(),
                judgement.failures(),
                prepared.deal().partialEvidence());
    }

    /**
     * Where the workspace's own rules run, in a few words for the run's log ("in a worker process,
     * confined by bubblewrap"); null when the workspace has no rules of its own.
     */
    public String workspaceRules() {
        return launch == null
                ? null
                : launch.confined()
                        ? "in a worker process, confined by bubblewrap"
                        : "in a worker process, not confined";
    }

    /** Disposes the sessions of every thread's auditor: call it when every deal is judged. */
    @Override
    public void close() {
        opened.forEach(DealAuditor::close);
    }

    /** The deal as the figures and the writers see it: no rule fact of its own. */
    private static AuditedDeal audited(PreparedDeal prepared) {
        Deal deal = prepared.deal();
        List<AuditedDeal.Visit> visits = new java.util.ArrayList<>(prepared.visits().size());
        prepared.visits()
                .forEach(
                        v ->
                                visits.add(
                                        new AuditedDeal.Visit(
                                                v.stage(),
                                                v.label(),
                                                v.enteredAt(),
                                                v.days(),
                                                v.isTerminal())));
        return new AuditedDeal(
                deal.id(),
                deal.name(),
                deal.account().name(),
                deal.owner(),
                deal.team(),
                prepared.process().id(),
                prepared.version().version(),
                deal.amount(),
                deal.currency(),
                deal.outcome(),
                deal.createdAt(),
                deal.closedAt(),
                deal.discountPercent(),
                deal.discountAmount(),
                deal.activities().size(),
                visits);
    }
}
