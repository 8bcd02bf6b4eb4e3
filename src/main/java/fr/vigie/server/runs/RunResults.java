package fr.vigie.server.runs;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.common.Severity;
import fr.vigie.deals.input.Rejection;
import fr.vigie.server.store.ClientScope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a run's results as the audit hands them over, in batches of {@code batchSize} rows, each
 * batch in its own transaction of the client's scope: memory holds one batch, however many deals.
 * The rows belong to a run that is still RUNNING, which no page reads; they are shown once the run
 * is marked SUCCEEDED, and removed if it fails ({@link #removePartial}).
 */
final class RunResults implements AuditListener {

    static final int BATCH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientScope scope;

    /** The run's language, that of the rejection reasons stored. */
    private java.util.Locale language = java.util.Locale.FRENCH;

    private final UUID client;
    private final UUID run;
    private final int batchSize;
    private final List<Object[]> findings = new ArrayList<>();
    private final List<Object[]> deals = new ArrayList<>();
    private final List<Object[]> rejected = new ArrayList<>();
    private long findingSeq;
    private long rejectedSeq;
    private String lastDeal;

    RunResults(ClientScope scope, UUID client, UUID run, int batchSize) {
        this.scope = scope;
        this.client = client;
        this.run = run;
        this.batchSize = batchSize;
    }

    @Override
    public void start(AuditScope scope) {
        language = scope.language();
        scope.planFindings().forEach(f -> finding(f, null));
        scope.planWaived().forEach(w -> finding(w.finding(), w.waiver()));
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> found) {
        if (!found.isEmpty()) {
            deal(deal);
            found.forEach(f -> finding(f, null));
        }
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        deal(deal);
        waived.forEach(w -> finding(w.finding(), w.waiver()));
    }

    @Override
    public void rejected(Rejection rejection) {
        rejected.add(
                new Object[] {
                    client,
                    run,
                    ++rejectedSeq,
                    rejection.location().toString(),
                    rejection.dealId(),
                    rejection.why().in(language)
                });
        flushIfFull();
    }

    @Override
    public void finish(AuditResult result) {
        flush();
    }

    private void deal(AuditedDeal deal) {
        if (deal.id().equals(lastDeal)) {
            return;
        }
        lastDeal = deal.id();
        List<AuditedDeal.Visit> stays = deal.visits();
        List<Map<String, Object>> visits = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            AuditedDeal.Visit visit = stays.get(i);
            Map<String, Object> stay = new LinkedHashMap<>();
            stay.put("stage", visit.stage());
            stay.put("label", visit.label());
            stay.put("entered", visit.enteredAt() == null ? null : visit.enteredAt().toString());
            stay.put(
                    "left",
                    i + 1 < stays.size() && stays.get(i + 1).enteredAt() != null
                            ? stays.get(i + 1).enteredAt().toString()
                            : null);
            stay.put("days", visit.days());
            visits.add(stay);
        }
        String lastStage = stays.isEmpty() ? null : stays.get(stays.size() - 1).stage();
        deals.add(
                new Object[] {
                    client,
                    run,
                    deal.id(),
                    deal.name(),
                    deal.account(),
                    deal.owner(),
                    deal.team(),
                    deal.process(),
                    deal.processVersion(),
                    deal.amount(),
                    deal.currency(),
                    deal.outcome() == null
                            ? null
                            : deal.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    timestamp(deal.createdAt()),
                    timestamp(deal.closedAt()),
                    lastStage,
                    JSON.writeValueAsString(visits)
                });
        flushIfFull();
    }

    private void finding(Finding f, Waiver waiver) {
        String waiverText =
                waiver == null
                        ? null
                        : waiver.justification()
                                + " ("
                                + waiver.acceptedBy()
                                + ", until "
                                + waiver.until()
                                + ")";
        findings.add(
                new Object[] {
                    client,
                    run,
                    ++findingSeq,
                    f.id(),
                    f.rule(),
                    f.ruleVersion(),
                    f.deal(),
                    f.dealName(),
                    f.account(),
                    f.owner(),
                    f.team(),
                    f.severity().code(),
                    Severity.CRITICAL.ordinal() - f.severity().ordinal(),
                    f.lever() == null ? null : f.lever().code(),
                    f.stage(),
                    f.title(),
                    f.message(),
                    JSON.writeValueAsString(plain(f.evidence())),
                    f.source(),
                    waiverText
                });
        flushIfFull();
    }

    private void flushIfFull() {
        if (findings.size() + deals.size() + rejected.size() >= batchSize) {
            flush();
        }
    }

    private void flush() {
        if (findings.isEmpty() && deals.isEmpty() && rejected.isEmpty()) {
            return;
        }
        scope.update(
                client,
                tx -> {
                    if (!deals.isEmpty()) {
                        tx.batches()
                                .batchUpdate(
                                        "insert into run_deal (client_id, run_id, deal, name,"
                                            + " account, owner, team, process, process_version,"
                                            + " amount, currency, outcome, created_at, closed_at,"
                                            + " last_stage, visits) values (?, ?, ?, ?, ?, ?, ?, ?,"
                                            + " ?, ?, ?, ?, ?, ?, ?, ?)",
                                        deals);
                    }
                    if (!findings.isEmpty()) {
                        tx.batches()
                                .batchUpdate(
                                        "insert into run_finding (client_id, run_id, seq,"
                                            + " finding_id, rule, rule_version, deal, deal_name,"
                                            + " account, owner, team, severity, severity_rank,"
                                            + " lever, stage, title, message, evidence, source,"
                                            + " waiver) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                            + " ?, ?, ?, ?, ?, ?, ?, ?)",
                                        findings);
                    }
                    if (!rejected.isEmpty()) {
                        tx.batches()
                                .batchUpdate(
                                        "insert into run_rejected (client_id, run_id, seq,"
                                            + " location, deal, reason) values (?, ?, ?, ?, ?, ?)",
                                        rejected);
                    }
                });
        findings.clear();
        deals.clear();
        rejected.clear();
    }

    /** Removes what a run that did not succeed had stored. */
    static void removePartial(ClientScope.Scoped tx, UUID run) {
        for (String table : List.of("run_finding", "run_deal", "run_rejected", "report_file")) {
            tx.jdbc()
                    .sql("delete from " + table + " where client_id = ? and run_id = ?")
                    .params(tx.client(), run)
                    .update();
        }
    }

    private static Timestamp timestamp(java.time.OffsetDateTime at) {
        return at == null ? null : Timestamp.from(at.toInstant());
    }

    /**
     * The evidence as JSON sees it: maps, lists, numbers, booleans, and text for anything else
     * (dates...).
     */
    private static Object plain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof BigDecimal
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(RunResults::plain).toList();
        }
        return value.toString();
    }
}
