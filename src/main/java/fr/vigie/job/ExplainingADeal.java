package fr.vigie.job;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleTrace;
import fr.vigie.audit.facts.Move;
import fr.vigie.audit.facts.StageVisit;
import fr.vigie.audit.messages.MessageCatalog;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.audit.prepare.PreparedDeal;
import fr.vigie.audit.run.PeriodFilter;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.sources.DealSource;
import fr.vigie.sources.DealsLocator;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.WorkspaceSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code vigie explain}: finds one deal in the period's deals, prepares it as the audit does, runs
 * the rules with a trace of what each one did, and tells it in words: the deal's timeline, and for
 * every rule whether it was in force, whether it fired, on which facts and with which findings.
 */
public final class ExplainingADeal {

    /**
     * What was found about the deal: where it was read, the deal (null when it could not be read),
     * why it is not audited ({@code refusal}, else null), and how it was judged ({@code judgement},
     * null when refused). {@code settings} give the names of people, the currency and the time
     * zone.
     */
    public record Explanation(
            Location location,
            Deal deal,
            WorkspaceSettings settings,
            String refusal,
            Judgement judgement,
            ExplainWords words) {}

    /**
     * Which deal to explain and how its deals are read: the same {@code deals}, {@code period},
     * {@code source} and {@code mapping} as an audit's (null: found as the audit finds them), in
     * {@code language} (null: the workspace's), the period's deals chosen by {@code dealsInPeriod}
     * (null: as vigie.yaml says).
     */
    public record Request(
            Path workspace,
            Path deals,
            String period,
            String source,
            Path mapping,
            String dealId,
            Path standardRules,
            Locale language,
            fr.vigie.workspace.DealsInPeriod dealsInPeriod) {}

    /**
     * How the deal was judged: by which process version, as of the end of which period; its
     * timeline, one line per event in time order (stays, moves of note, activities, documents,
     * decisions); and what each rule did.
     */
    public record Judgement(
            String process,
            String version,
            Period period,
            List<String> timeline,
            List<RuleOutcome> rules) {

        public Judgement {
            timeline = List.copyOf(timeline);
            rules = List.copyOf(rules);
        }
    }

    /**
     * What one rule did on the deal: its title and what it checks ({@code doc}, the title when
     * undocumented), whether it was in force, the facts it matched each time it fired, in words,
     * and its findings.
     */
    public record RuleOutcome(
            String rule,
            String title,
            String doc,
            boolean inForce,
            List<String> matches,
            List<Finding> findings,
            String notAssessable) {

        public RuleOutcome {
            matches = List.copyOf(matches);
            findings = List.copyOf(findings);
        }

        public boolean fired() {
            return !matches.isEmpty();
        }
    }

    /**
     * Explains the deal asked for, read from any source an audit reads, with the rules' titles, the
     * findings' messages and the timeline in the language asked for.
     */
    public Explanation explain(Request request) {
        PreparedWorkspace prepared =
                PreparedWorkspace.load(request.workspace(), request.standardRules())
                        .withDealsInPeriod(request.dealsInPeriod());
        WorkspaceSettings settings = prepared.workspace().settings();
        Locale language = request.language() != null ? request.language() : settings.language();
        ExplainWords words = new ExplainWords(language);
        String dealId = request.dealId();
        DealsLocator.Located located =
                DealsLocator.locate(prepared.workspace(), request.deals(), request.period());
        Period period = located.period();
        Problems problems = new Problems();
        PlanCheck.Result plan = PlanCheck.run(prepared, period, language, problems);
        problems.throwIfErrors();
        OffsetDateTime latest = AuditingAPeriod.latestDate(period, settings.zone(), Instant.now());
        DealSource source =
                DealSource.resolve(
                        prepared.workspace(), located.deals(), request.source(), request.mapping());
        try (DealInput input = source.open()) {
            InputRecord record;
            while ((record = input.next()) != null) {
                RecordOutcome outcome = DealChecks.notAfter(record.read(), latest, period.label());
                if (outcome instanceof RecordOutcome.Rejected rejected
                        && dealId.equals(rejected.rejection().dealId())) {
                    return new Explanation(
                            outcome.location(),
                            null,
                            settings,
                            rejected.rejection().why().in(language),
                            null,
                            words);
                }
                if (outcome instanceof RecordOutcome.Accepted accepted
                        && dealId.equals(accepted.deal().id())) {
                    PeriodFilter inPeriod =
                            new PeriodFilter(period, settings.dealsInPeriod(), settings.zone());
                    if (!inPeriod.contains(accepted.deal())) {
                        return new Explanation(
                                outcome.location(),
                                accepted.deal(),
                                settings,
                                words.get("outside-period", inPeriod.describe()),
                                null,
                                words);
                    }
                    DealPreparer preparer =
                            new DealPreparer(
                                    prepared.workspace(),
                                    period,
                                    plan.plan(),
                                    prepared.rules().catalog());
                    DealPreparer.Result result = preparer.prepare(accepted.deal());
                    if (result instanceof DealPreparer.Refused refused) {
                        return new Explanation(
                                outcome.location(),
                                accepted.deal(),
                                settings,
                                refused.reason().in(language),
                                null,
                                words);
                    }
                    PreparedDeal ready = ((DealPreparer.Ready) result).deal();
                    List<Object> planFacts = new ArrayList<>(plan.plan().facts());
                    planFacts.add(period);
                    List<RuleTrace> traces;
                    try (DealAuditor auditor =
                            new DealAuditor(
                                    prepared.rules(),
                                    prepared.findings(language),
                                    DealAuditor.DEFAULT_MAX_FIRINGS,
                                    planFacts)) {
                        traces = auditor.explain(ready, outcome.location().toString());
                    }
                    Judgement judgement =
                            new Judgement(
                                    ready.process().id(),
                                    ready.version().version(),
                                    period,
                                    timeline(ready, settings.zone(), words),
                                    outcomes(
                                            traces,
                                            prepared.rules().messages(),
                                            words,
                                            settings.zone(),
                                            fr.vigie.audit.run.Unassessable.of(
                                                            prepared.rules().catalog(),
                                                            settings.ruleSettings(),
                                                            input)
                                                    .sort(
                                                            traces.stream()
                                                                    .flatMap(
                                                                            t ->
                                                                                    t
                                                                                            .findings()
                                                                                            .stream())
                                                                    .toList(),
                                                            ready.deal().partialEvidence()),
                                            input.carries()));
                    return new Explanation(
                            outcome.location(), ready.deal(), settings, null, judgement, words);
                }
            }
        }
        throw InvalidInputException.at(
                Location.of("--deal"),
                words.get("no-deal", dealId, DisplayPath.of(located.deals())));
    }

    /**
     * The deal's events, each a line that starts with its day, in time order (a note on a move
     * after the stay it starts).
     */
    private static List<String> timeline(PreparedDeal prepared, ZoneId zone, ExplainWords w) {
        List<String[]> rows = new ArrayList<>();
        for (StageVisit visit : prepared.visits()) {
            String max =
                    visit.spec().hasMaxDays() ? " " + w.get("max", visit.spec().maxDays()) : "";
            String still =
                    visit.isCurrent() && !visit.isTerminal() ? ", " + w.get("still-there") : "";
            rows.add(
                    new String[] {
                        key(visit.enteredAt()),
                        day(visit.enteredAt(), zone)
                                + "  "
                                + w.get("stage")
                                + "   "
                                + visit.label()
                                + " ["
                                + visit.stage()
                                + "]"
                                + (visit.isTerminal()
                                        ? ""
                                        : " — " + w.get("days", visit.days()) + max + still)
                                + by(visit.by(), w)
                    });
        }
        for (Move move : prepared.moves()) {
            String skipped =
                    move.skipped().stream()
                            .filter(s -> !s.skippable())
                            .map(s -> s.label())
                            .collect(Collectors.joining(", "));
            String note =
                    move.isBackward()
                            ? w.get("backward")
                                    + " "
                                    + (move.backwardAllowed()
                                            ? w.get("allowed")
                                            : w.get("not-allowed"))
                            : skipped.isEmpty()
                                    ? null
                                    : (move.isStart() ? w.get("entered-past") : w.get("skipped"))
                                            + " "
                                            + skipped;
            if (note != null) {
                rows.add(
                        new String[] {
                            key(move.target().enteredAt()) + "~",
                            day(move.target().enteredAt(), zone) + "          ↳ " + note
                        });
            }
        }
        Deal deal = prepared.deal();
        for (Activity activity : deal.activities()) {
            rows.add(
                    new String[] {
                        key(activity.at()),
                        day(activity.at(), zone)
                                + "  "
                                + w.get("activity")
                                + " "
                                + activity.type()
                                + by(activity.by(), w)
                                + (activity.outcome() == null ? "" : " — " + activity.outcome())
                    });
        }
        for (Document document : deal.documents()) {
            rows.add(
                    new String[] {
                        key(document.at()),
                        day(document.at(), zone)
                                + "  "
                                + w.get("document")
                                + " "
                                + document.type()
                                + (document.name() == null ? "" : " — " + document.name())
                    });
        }
        for (Decision decision : deal.decisions()) {
            rows.add(
                    new String[] {
                        key(decision.at()),
                        day(decision.at(), zone)
                                + "  "
                                + w.get("decision")
                                + " "
                                + decision.type()
                                + (decision.value() == null ? "" : " = " + decision.value())
                                + by(decision.by(), w)
                                + (decision.role() == null
                                        ? ""
                                        : " " + w.get("as") + " " + decision.role())
                    });
        }
        rows.sort(Comparator.comparing(r -> r[0]));
        return rows.stream().map(r -> r[1]).toList();
    }

    /**
     * What each rule did; a rule that cannot judge the deal (the export lacks what it needs, or the
     * deal has it in part, or its finding is about a field no column fills) says why, and shows
     * none of the findings the data does not prove.
     */
    private static List<RuleOutcome> outcomes(
            List<RuleTrace> traces,
            MessageCatalog messages,
            ExplainWords w,
            ZoneId zone,
            fr.vigie.audit.run.Unassessable.OfDeal proven,
            java.util.Set<fr.vigie.common.Evidence> carried) {
        Locale language = w.language();
        fr.vigie.report.ReportText text = new fr.vigie.report.ReportText(language);
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (RuleTrace trace : traces) {
            String id = trace.rule().id();
            String title = messages.title(language, id);
            List<String> matches =
                    trace.matches().stream()
                            .map(
                                    facts ->
                                            facts.stream()
                                                    .filter(f -> !(f instanceof Deal))
                                                    .map(f -> describe(f, zone, w))
                                                    .collect(Collectors.joining("; ")))
                            .toList();
            outcomes.add(
                    new RuleOutcome(
                            id,
                            title,
                            messages.get(language, id + ".doc").orElse(title),
                            trace.inForce(),
                            matches,
                            trace.findings().stream().filter(proven.findings()::contains).toList(),
                            !trace.rule().missing(carried).isEmpty()
                                    ? text.missing(trace.rule().missing(carried))
                                    : proven.notAssessable().containsKey(id)
                                            ? text.why(proven.notAssessable().get(id))
                                            : null));
        }
        return outcomes;
    }

    private static String describe(Object fact, ZoneId zone, ExplainWords w) {
        if (fact instanceof StageVisit visit) {
            return w.get("stay", visit.label(), day(visit.enteredAt(), zone), visit.days());
        }
        if (fact instanceof Move move) {
            return move.isStart()
                    ? w.get("entry", move.target().label(), day(move.target().enteredAt(), zone))
                    : w.get(
                            "move",
                            move.source().label(),
                            move.target().label(),
                            day(move.target().enteredAt(), zone));
        }
        if (fact instanceof Activity a) {
            return w.get("activity") + " " + a.type() + " " + w.get("on") + " " + day(a.at(), zone);
        }
        if (fact instanceof Decision d) {
            return w.get("decision")
                    + " "
                    + d.type()
                    + (d.value() == null ? "" : " = " + d.value())
                    + by(d.by(), w)
                    + " "
                    + w.get("on")
                    + " "
                    + day(d.at(), zone);
        }
        if (fact instanceof Document d) {
            return w.get("document") + " " + d.type() + " " + w.get("on") + " " + day(d.at(), zone);
        }
        if (fact instanceof fr.vigie.strategy.model.Declared declared) {
            return w.get("plan", String.valueOf(declared.location()));
        }
        if (fact instanceof fr.vigie.audit.facts.RequiredApproval approval) {
            return w.get(
                    "approval-required",
                    approval.rule().discountAbove().toPlainString(),
                    String.valueOf(approval.rule().location()));
        }
        if (fact instanceof fr.vigie.audit.facts.Param param) {
            return w.get("parameter", param.name(), String.valueOf(param.value()));
        }
        if (fact instanceof fr.vigie.process.model.StageSpec spec) {
            return w.get("stage") + " " + spec.label();
        }
        if (fact instanceof String || fact instanceof Number) {
            return String.valueOf(fact);
        }
        return fact.getClass().getSimpleName();
    }

    private static String by(String person, ExplainWords w) {
        return person == null ? "" : " " + w.get("by") + " " + person;
    }

    private static String key(OffsetDateTime time) {
        return time.toInstant().toString();
    }

    private static String day(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDate().toString();
    }
}
