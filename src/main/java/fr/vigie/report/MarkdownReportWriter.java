package fr.vigie.report;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.Folded;
import fr.vigie.audit.model.Lever;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.result.Effectiveness;
import fr.vigie.audit.result.Figures;
import fr.vigie.audit.result.Recommendation;
import fr.vigie.audit.result.RuleUsed;
import fr.vigie.audit.result.SettingInForce;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.common.Severity;
import fr.vigie.common.VisibleText;
import fr.vigie.deals.input.Rejection;
import fr.vigie.workspace.WorkspaceSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code report.md}: the summary a CEO reads first (deals audited, conformity and its
 * definition, reconciliation), findings by rule, stage and owner, then every finding deal by deal
 * and the rejected records. Findings are streamed to a side file and joined at the end.
 */
public final class MarkdownReportWriter implements AuditListener {

    static final int REJECTIONS_SHOWN = 100;

    /** How many rules the CEO's part lists in "findings by rule"; the appendix lists them all. */
    static final int RULES_SHOWN = 10;

    private final Path file;
    private final Path findingsPart;
    private final Path rejectedPart;
    private final Path waivedPart;
    private BufferedWriter waivedOut;
    private BufferedWriter findings;
    private BufferedWriter rejected;
    private long rejectedCount;
    private ReportText text;
    private AuditScope scope;
    private AuditResult result;

    public MarkdownReportWriter(Path file) {
        this.file = file;
        this.findingsPart = file.resolveSibling(file.getFileName() + ".findings.part");
        this.rejectedPart = file.resolveSibling(file.getFileName() + ".rejected.part");
        this.waivedPart = file.resolveSibling(file.getFileName() + ".waived.part");
    }

    @Override
    public void start(AuditScope auditScope) {
        scope = auditScope;
        text = new ReportText(scope.language());
        try {
            findings = Files.newBufferedWriter(findingsPart, StandardCharsets.UTF_8);
            rejected = Files.newBufferedWriter(rejectedPart, StandardCharsets.UTF_8);
            waivedOut = Files.newBufferedWriter(waivedPart, StandardCharsets.UTF_8);
            for (WaivedFinding waived : scope.planWaived()) {
                writeWaived(waived);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> dealFindings) {
        if (dealFindings.isEmpty()) {
            return;
        }
        write(findings, dealHeading(deal));
        for (Folded folded : Folded.of(dealFindings)) {
            write(findings, findingLine(folded.cause()));
            if (!folded.consequences().isEmpty()) {
                write(findings, "  - _" + text.get("md.consequences.intro") + "_\n");
                folded.consequences().forEach(c -> write(findings, "    " + findingLine(c)));
            }
        }
        write(findings, "\n");
    }

    /**
     * The deal's title and its line (owner, team, amount, outcome, process), as its findings and
     * its spotlight start.
     */
    private String dealHeading(AuditedDeal deal) {
        return "### "
                + Markdown.escape(deal.id())
                + " — "
                + Markdown.escape(deal.name() == null ? "" : deal.name())
                + " ("
                + Markdown.escape(deal.account())
                + ")\n\n"
                + text.get(
                        "md.deal.line",
                        Markdown.escape(scope.workspace().settings().displayName(deal.owner())),
                        Markdown.escape(deal.team() == null ? text.get("md.noTeam") : deal.team()),
                        deal.amount() == null ? "—" : text.amount(deal.amount(), currency(deal)),
                        text.outcome(deal.outcome()),
                        Markdown.escape(deal.process() + " " + deal.processVersion()))
                + "\n\n";
    }

    /** One finding as a list item: its severity, its rule, the sentence, its id. */
    private String findingLine(Finding finding) {
        return "- **"
                + text.severity(finding.severity())
                + "** · `"
                + finding.rule()
                + "` · "
                + Markdown.escape(finding.message())
                + " <sub>"
                + finding.id()
                + "</sub>\n";
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        waived.forEach(this::writeWaived);
    }

    private void writeWaived(WaivedFinding waived) {
        Finding f = waived.finding();
        write(
                waivedOut,
                "- `"
                        + f.rule()
                        + "` · "
                        + Markdown.escape(f.message())
                        + " <sub>"
                        + f.id()
                        + "</sub>  \n  "
                        + text.get(
                                "md.waived.line",
                                Markdown.escape(waived.waiver().justification()),
                                Markdown.escape(
                                        scope.workspace()
                                                .settings()
                                                .displayName(waived.waiver().acceptedBy())),
                                text.date(waived.waiver().until()),
                                Markdown.escape(waived.waiver().location()))
                        + "\n");
    }

    private String currency(AuditedDeal deal) {
        return deal.currency() == null ? scope.workspace().settings().currency() : deal.currency();
    }

    @Override
    public void rejected(Rejection rejection) {
        rejectedCount++;
        if (rejectedCount <= REJECTIONS_SHOWN) {
            write(
                    rejected,
                    "| "
                            + Markdown.escape(rejection.location())
                            + " | "
                            + Markdown.escape(rejection.dealId() == null ? "—" : rejection.dealId())
                            + " | "
                            + Markdown.escape(rejection.why().in(text.locale()))
                            + " |\n");
        }
    }

    @Override
    public void finish(AuditResult auditResult) {
        result = auditResult;
        AuditSummary summary = result.summary();
        try {
            findings.close();
            rejected.close();
            waivedOut.close();
            try (Writer out = VisibleText.file(file)) {
                writeHead(out, summary);
                writeEffectiveness(out);
                writeProcessPays(out, summary);
                writeWhereItBreaks(out, summary);
                writePlan(out, summary);
                writeSpotlights(out, summary);
                writeRecommendations(out);
                out.write("---\n\n" + text.get("html.appendix.elsewhere") + "\n");
            }
            try (Writer out = VisibleText.file(ReportPart.appendixOf(file))) {
                out.write(
                        "# "
                                + text.get(
                                        "md.title.appendix",
                                        Markdown.escape(scope.workspace().settings().client()),
                                        scope.period().label())
                                + "\n\n");
                out.write("## " + text.get("md.appendix") + "\n\n");
                out.write(text.get("html.appendix.intro") + "\n\n");
                writeByRule(out, summary, Integer.MAX_VALUE, true);
                writePlanFindings(out);
                out.write("## " + text.get("md.findings") + "\n\n");
                if (summary.findings() == 0) {
                    out.write(text.get("md.findings.none") + "\n\n");
                }
                try (var in = Files.newBufferedReader(findingsPart, StandardCharsets.UTF_8)) {
                    in.transferTo(out);
                }
                writeWaivers(out, summary);
                writeOverrides(out);
                writeRejected(out, summary);
                writeCatalogue(out);
            }
            Files.deleteIfExists(findingsPart);
            Files.deleteIfExists(rejectedPart);
            Files.deleteIfExists(waivedPart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHead(Writer out, AuditSummary s) throws IOException {
        WorkspaceSettings settings = scope.workspace().settings();
        out.write(
                "# "
                        + text.get(
                                "md.title",
                                Markdown.escape(settings.client()),
                                scope.period().label())
                        + "\n\n");
        out.write(
                text.get(
                                "md.period",
                                text.date(scope.period().start()),
                                text.date(scope.period().lastDay()))
                        + "  \n");
        out.write(
                text.get(
                                "md.processes",
                                scope.workspace().processes().stream()
                                        .map(
                                                p ->
                                                        Markdown.escape(p.title())
                                                                + " ("
                                                                + p.versions().stream()
                                                                        .map(v -> v.version())
                                                                        .collect(
                                                                                Collectors.joining(
                                                                                        ", "))
                                                                + ")")
                                        .collect(Collectors.joining(" ; ")))
                        + "\n\n");
        out.write("## " + text.get("md.summary") + "\n\n");
        out.write(
                "- "
                        + text.get(
                                "md.audited",
                                text.number(s.dealsAudited()),
                                text.amounts(s.amountByCurrency(), settings.currency()))
                        + "\n");
        out.write(
                "- "
                        + text.get(
                                "md.outcomes",
                                text.number(s.won()),
                                text.number(s.lost()),
                                text.number(s.open()))
                        + "\n");
        out.write(
                "- "
                        + text.get(
                                "md.conformity",
                                text.percent(s.conformityRate()),
                                (long) s.conformingDeals(),
                                (long) s.dealsAudited())
                        + (result.previous() == null
                                ? ""
                                : " "
                                        + text.get(
                                                "md.conformity.change",
                                                text.signedPoints(result.previous().change()),
                                                result.previous().period(),
                                                text.percent(result.previous().conformityRate())))
                        + "  \n");
        out.write("  " + text.get("md.conformity.definition") + "\n");
        if (!s.coverage().isFull()) {
            out.write("- " + text.get("md.notAssessable") + "\n");
            for (var gap : s.coverage().notAssessable()) {
                out.write(
                        "  - "
                                + text.notAssessable(
                                        gap,
                                        Markdown.escape(gap.title()),
                                        s.dealsAudited(),
                                        Markdown::escape)
                                + "\n");
            }
        }
        out.write(
                "- "
                        + text.get(
                                "md.findings.count",
                                text.number(s.findings()),
                                severities(s.findingsBySeverity()))
                        + "\n");
        if (result.waivers().findings() > 0) {
            out.write(
                    "- "
                            + text.get("md.waived.count", text.number(result.waivers().findings()))
                            + "\n");
        }
        String tooManyRejected = text.rejectedWarning(result);
        if (tooManyRejected != null) {
            out.write("- " + tooManyRejected + "\n");
        }
        out.write(
                "- "
                        + text.reconciliation(s, settings.dealsInPeriod())
                        + (s.reconciles() ? "" : " " + text.get("md.reconciliation.broken"))
                        + "\n");
        if (s.eventsRead() > 0) {
            out.write(
                    "- "
                            + text.get(
                                    "md.events",
                                    text.number(s.eventsRead()),
                                    text.number(s.eventsRead() - s.eventsRejected()),
                                    text.number(s.eventsRejected()))
                            + "\n");
        }
        if (result.hasPlanTopics()) {
            out.write(
                    "- "
                            + text.get(
                                    "md.plan.headline",
                                    (long) scope.planFindings().size(),
                                    (long) s.findings(RuleInfo.Topic.STRATEGY),
                                    amount(s.atStake(RuleInfo.Topic.STRATEGY)),
                                    s.findings(RuleInfo.Topic.RIGHTS))
                            + "\n");
        }
        out.write("\n");
        if (!result.actions().isEmpty()) {
            out.write("**" + text.get("md.actions") + "**\n\n");
            int n = 1;
            for (Recommendation action : result.actions()) {
                out.write(
                        (n++)
                                + ". "
                                + Markdown.escape(action.message())
                                + " _("
                                + text.lever(action.lever())
                                + ")_\n");
            }
            out.write("\n");
        }
    }

    private void writeWhereItBreaks(Writer out, AuditSummary s) throws IOException {
        WorkspaceSettings settings = scope.workspace().settings();
        out.write("## " + text.get("md.breaks") + "\n\n");
        String process = null;
        for (AuditSummary.FunnelStep step : s.funnel()) {
            if (!step.process().equals(process)) {
                process = step.process();
                out.write(
                        (process.equals(s.funnel().get(0).process()) ? "" : "\n")
                                + "**"
                                + text.get("md.funnel", Markdown.escape(process))
                                + "**\n\n");
                out.write(
                        "| "
                                + text.get("md.col.stage")
                                + " | "
                                + text.get("md.col.reached")
                                + " | "
                                + text.get("md.col.flaggedHere")
                                + " | "
                                + text.get("md.col.stepConformity")
                                + " |\n|---|---:|---:|---:|\n");
            }
            out.write(
                    "| "
                            + Markdown.escape(step.label())
                            + " | "
                            + text.number(step.reached())
                            + " | "
                            + text.number(step.flagged())
                            + " | "
                            + (step.conformity() == null ? "—" : text.percent(step.conformity()))
                            + " |\n");
        }
        out.write("\n");
        writeByRule(out, s, RULES_SHOWN, false);
        if (!s.byStage().isEmpty()) {
            out.write("## " + text.get("md.byStage") + "\n\n");
            out.write(
                    "| "
                            + text.get("md.col.stage")
                            + " | "
                            + text.get("md.col.findings")
                            + " | "
                            + text.get("md.col.deals")
                            + " |\n|---|---:|---:|\n");
            for (AuditSummary.StageCount st : s.byStage()) {
                out.write(
                        "| "
                                + Markdown.escape(st.label())
                                + " | "
                                + text.number(st.findings())
                                + " | "
                                + text.number(st.deals())
                                + " |\n");
            }
            out.write("\n");
        }
        if (!s.people().isEmpty()) {
            out.write("## " + text.get("md.byOwner") + "\n\n");
            out.write(
                    "| "
                            + text.get("md.col.owner")
                            + " | "
                            + text.get("md.col.team")
                            + " | "
                            + text.get("md.col.deals")
                            + " | "
                            + text.get("md.col.dealsWithFindings")
                            + " | "
                            + text.get("md.col.findings")
                            + " |\n|---|---|---:|---:|---:|\n");
            for (AuditSummary.PersonFigures o : s.people()) {
                out.write(
                        "| "
                                + Markdown.escape(settings.displayName(o.owner()))
                                + " | "
                                + Markdown.escape(
                                        o.team() == null ? text.get("md.noTeam") : o.team())
                                + " | "
                                + text.number(o.figures().deals())
                                + " | "
                                + text.number(o.figures().dealsWithFindings())
                                + " | "
                                + text.number(o.figures().findings())
                                + " |\n");
            }
            out.write("\n");
        }
    }

    /**
     * The rules by findings: the first {@code shown}, by title (the CEO's part), or all of them
     * with their codes (the appendix).
     */
    private void writeByRule(Writer out, AuditSummary s, int shown, boolean withCode)
            throws IOException {
        if (s.byRule().isEmpty()) {
            return;
        }
        out.write("## " + text.get("md.byRule") + "\n\n");
        out.write(
                "| "
                        + (withCode ? text.get("md.col.rule") + " | " : "")
                        + text.get("md.col.title")
                        + " | "
                        + text.get("md.col.severity")
                        + " | "
                        + text.get("md.col.lever")
                        + " | "
                        + text.get("md.col.findings")
                        + " | "
                        + text.get("md.col.deals")
                        + " |\n");
        out.write((withCode ? "|---" : "") + "|---|---|---|---:|---:|\n");
        for (AuditSummary.RuleCount r : s.byRule().stream().limit(shown).toList()) {
            out.write(
                    "| "
                            + (withCode ? "`" + r.rule() + "` | " : "")
                            + Markdown.escape(r.title())
                            + " | "
                            + text.severity(r.severity())
                            + " | "
                            + text.lever(r.lever())
                            + " | "
                            + text.number(r.findings())
                            + " | "
                            + text.number(r.deals())
                            + " |\n");
        }
        out.write("\n");
        long others = Math.max(0, s.byRule().size() - (long) shown);
        if (others > 0) {
            out.write(text.get("html.byRule.more", others) + "\n\n");
        }
    }

    /** The written contradictions in full, with their rules, places and ids: for the appendix. */
    private void writePlanFindings(Writer out) throws IOException {
        if (scope.planFindings().isEmpty()) {
            return;
        }
        out.write(
                "## "
                        + text.get("md.plan.written", text.number(scope.planFindings().size()))
                        + "\n\n");
        for (Finding finding : scope.planFindings()) {
            out.write(findingLine(finding));
        }
        out.write("\n");
    }

    private String amount(BigDecimal value) {
        return text.amount(value, scope.workspace().settings().currency());
    }

    /**
     * The strategy and tactics section: written contradictions, then decisions, then decision
     * rights.
     */
    private void writePlan(Writer out, AuditSummary s) throws IOException {
        if (!result.hasPlanTopics()) {
            return;
        }
        out.write("## " + text.get("md.plan") + "\n\n");
        out.write(text.get("md.plan.intro") + "\n\n");
        out.write(
                "### "
                        + text.get("md.plan.written", text.number(scope.planFindings().size()))
                        + "\n\n");
        if (scope.planFindings().isEmpty()) {
            out.write(text.get("md.plan.written.none") + "\n\n");
        }
        for (Finding finding : scope.planFindings()) {
            out.write(
                    "- **"
                            + text.severity(finding.severity())
                            + "** · "
                            + Markdown.escape(ForTheReader.sentence(finding))
                            + "\n");
        }
        if (!scope.planFindings().isEmpty()) {
            out.write("\n");
        }
        writeTopic(out, s, RuleInfo.Topic.STRATEGY, "md.plan.decisions", true);
        writeTopic(out, s, RuleInfo.Topic.RIGHTS, "md.plan.rights", false);
    }

    private void writeTopic(
            Writer out, AuditSummary s, RuleInfo.Topic topic, String title, boolean withAmounts)
            throws IOException {
        List<AuditSummary.RuleCount> rules = s.dealRules(topic);
        out.write("### " + text.get(title, text.number(s.findings(topic))) + "\n\n");
        if (rules.isEmpty()) {
            out.write(text.get(title + ".none") + "\n\n");
            return;
        }
        out.write(
                "| "
                        + text.get("md.col.title")
                        + " | "
                        + text.get("md.col.findings")
                        + " | "
                        + text.get("md.col.deals")
                        + (withAmounts ? " | " + text.get("md.col.atStake") : "")
                        + " |\n");
        out.write(withAmounts ? "|---|---:|---:|---:|\n" : "|---|---:|---:|\n");
        for (AuditSummary.RuleCount r : rules) {
            out.write(
                    "| "
                            + Markdown.escape(r.title())
                            + " | "
                            + text.number(r.findings())
                            + " | "
                            + text.number(r.deals())
                            + (withAmounts
                                    ? " | "
                                            + (r.atStake().signum() == 0
                                                    ? "—"
                                                    : amount(r.atStake()))
                                    : "")
                            + " |\n");
        }
        if (withAmounts) {
            out.write(
                    "| **"
                            + text.get("md.total")
                            + "** | **"
                            + text.number(s.findings(topic))
                            + "** | | **"
                            + amount(s.atStake(topic))
                            + "** |\n");
        }
        out.write("\n");
    }

    private void writeEffectiveness(Writer out) throws IOException {
        Effectiveness e = result.effectiveness();
        out.write("## " + text.get("md.effectiveness") + "\n\n");
        out.write(text.get("md.effectiveness.intro") + "\n\n");
        out.write(
                "- "
                        + (e.target() == null
                                ? text.get("md.won.noTarget", amount(e.wonRevenue()))
                                : text.get(
                                        "md.won.target",
                                        amount(e.wonRevenue()),
                                        amount(e.target()),
                                        text.percent(e.attainment())))
                        + "\n\n");
        writeRows(out, text.get("md.col.team"), e.teams());
        writeRows(out, text.get("md.col.owner"), e.people());
    }

    private void writeRows(Writer out, String who, List<Effectiveness.Row> rows)
            throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        out.write(
                "| "
                        + who
                        + " | "
                        + text.get("md.col.won")
                        + " | "
                        + text.get("md.col.quota")
                        + " | "
                        + text.get("md.col.attainment")
                        + " | "
                        + text.get("md.col.deals")
                        + " | "
                        + text.get("md.col.winRate")
                        + " | "
                        + text.get("md.col.perActivity")
                        + " | "
                        + text.get("md.col.perDeal")
                        + " | "
                        + text.get("md.col.cycle")
                        + " | "
                        + text.get("md.col.discountGiven")
                        + " |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Effectiveness.Row row : rows) {
            Figures f = row.figures();
            out.write(
                    "| "
                            + Markdown.escape(
                                    row.name() == null ? text.get("md.noTeam") : row.name())
                            + " | "
                            + amount(f.wonAmount())
                            + " | "
                            + (row.quota() == null ? "—" : amount(row.quota()))
                            + " | "
                            + (row.attainment() == null ? "—" : text.percent(row.attainment()))
                            + " | "
                            + text.number(f.deals())
                            + " | "
                            + optionalPercent(f.winRate())
                            + " | "
                            + optionalAmount(f.revenuePerActivity())
                            + " | "
                            + optionalAmount(f.revenuePerDeal())
                            + " | "
                            + (f.averageCycleDays() == null
                                    ? "—"
                                    : text.get("md.days", text.decimal(f.averageCycleDays())))
                            + " | "
                            + amount(f.discountGiven())
                            + " |\n");
        }
        out.write("\n");
    }

    private void writeProcessPays(Writer out, AuditSummary s) throws IOException {
        out.write("## " + text.get("md.pays") + "\n\n");
        out.write(text.get("md.pays.intro") + "\n\n");
        out.write(
                "| | "
                        + text.get("md.col.deals")
                        + " | "
                        + text.get("md.col.closed")
                        + " | "
                        + text.get("md.col.winRate")
                        + " | "
                        + text.get("md.col.avgDiscount")
                        + " | "
                        + text.get("md.col.cycle")
                        + " |\n|---|---:|---:|---:|---:|---:|\n");
        for (var row :
                List.of(
                        Map.entry("md.pays.followed", s.followed()),
                        Map.entry("md.pays.deviated", s.deviated()))) {
            Figures f = row.getValue();
            out.write(
                    "| "
                            + text.get(row.getKey())
                            + " | "
                            + text.number(f.deals())
                            + " | "
                            + text.number(f.closed())
                            + " | "
                            + optionalPercent(f.winRate())
                            + " | "
                            + optionalPercent(f.averageDiscount())
                            + " | "
                            + (f.averageCycleDays() == null
                                    ? "—"
                                    : text.get("md.days", text.decimal(f.averageCycleDays())))
                            + " |\n");
        }
        out.write("\n" + text.get("md.pays.caution") + "\n\n");
        out.write(text.payCounts(s) + "\n\n");
        if (s.comparableStages().isEmpty()) {
            return;
        }
        out.write(
                "**"
                        + text.get("md.pays.sameStage.title")
                        + "** "
                        + text.get("md.pays.sameStage")
                        + "\n\n| "
                        + text.get("md.col.stage")
                        + " | "
                        + text.get("md.pays.sameStage.followed")
                        + " | "
                        + text.get("md.pays.sameStage.deviated")
                        + " | "
                        + text.get("md.pays.sameStage.difference")
                        + " |\n|---|---:|---:|---|\n");
        for (AuditSummary.SameStage stage : s.comparableStages()) {
            out.write(
                    "| "
                            + Markdown.escape(stage.label())
                            + " ("
                            + Markdown.escape(stage.process())
                            + ") | "
                            + text.winRate(stage.followed())
                            + " | "
                            + text.winRate(stage.deviated())
                            + " | "
                            + text.get(
                                    stage.significant()
                                            ? "md.pays.significant"
                                            : "md.pays.notSignificant")
                            + " |\n");
        }
        out.write("\n" + sameStageVerdict(s) + "\n\n");
    }

    private String sameStageVerdict(AuditSummary s) {
        if (!s.processToReview().isEmpty()) {
            AuditSummary.SameStage stage = s.processToReview().get(0);
            return text.get(
                    "md.pays.reviewProcess",
                    Markdown.escape(stage.label()),
                    text.percent(stage.deviated().percent()),
                    text.percent(stage.followed().percent()),
                    text.lever(fr.vigie.audit.model.Lever.PROCESS));
        }
        boolean anySignificant =
                s.comparableStages().stream().anyMatch(AuditSummary.SameStage::significant);
        return text.get(anySignificant ? "md.pays.processPays" : "md.pays.noDifference");
    }

    private void writeSpotlights(Writer out, AuditSummary s) throws IOException {
        if (s.worthALook().isEmpty()) {
            return;
        }
        java.time.ZoneId zone = scope.workspace().settings().zone();
        out.write(
                "## "
                        + text.get("md.spotlights")
                        + "\n\n"
                        + text.get("md.spotlights.intro")
                        + "\n\n");
        for (AuditSummary.Spotlight spotlight : s.worthALook()) {
            AuditedDeal deal = spotlight.deal();
            out.write(dealHeading(deal));
            out.write(
                    text.get(
                                    "md.spotlight.stake",
                                    text.amount(
                                            spotlight.atStake(),
                                            scope.workspace().settings().currency()),
                                    text.severity(spotlight.severity()))
                            + "\n\n");
            java.util.Set<String> flagged = new java.util.HashSet<>();
            spotlight.findings().forEach(f -> flagged.add(f.stage()));
            for (var visit : deal.visits()) {
                boolean marked = flagged.contains(visit.stage());
                out.write(
                        "- "
                                + text.date(visit.enteredAt().atZoneSameInstant(zone).toLocalDate())
                                + " · "
                                + (marked ? "⚠ **" : "")
                                + Markdown.escape(visit.label())
                                + (marked ? "**" : "")
                                + (visit.terminal()
                                        ? ""
                                        : " · " + text.get("md.days", text.number(visit.days())))
                                + "\n");
            }
            out.write("\n");
            for (Folded folded : Folded.of(spotlight.findings())) {
                Finding finding = folded.cause();
                out.write(
                        "> **"
                                + text.severity(finding.severity())
                                + "** · "
                                + Markdown.escape(ForTheReader.sentence(finding))
                                + (folded.consequences().isEmpty()
                                        ? ""
                                        : " "
                                                + text.get(
                                                        "md.consequences",
                                                        folded.consequences().size()))
                                + "\n>\n");
            }
            out.write("\n");
        }
    }

    private void writeRecommendations(Writer out) throws IOException {
        out.write("## " + text.get("md.recommendations") + "\n\n");
        if (result.recommendations().isEmpty()) {
            out.write(text.get("md.recommendations.none") + "\n\n");
            return;
        }
        out.write(text.get("md.recommendations.intro") + "\n\n");
        for (Lever lever : Lever.values()) {
            List<Recommendation> ofLever =
                    result.recommendations().stream().filter(r -> r.lever() == lever).toList();
            if (ofLever.isEmpty()) {
                continue;
            }
            out.write("### " + text.lever(lever) + "\n\n");
            for (Recommendation recommendation : ofLever) {
                out.write(
                        "- "
                                + Markdown.escape(recommendation.message())
                                + (recommendation.atStake().signum() > 0
                                        ? " — "
                                                + text.get(
                                                        "md.recommendation.stake",
                                                        amount(recommendation.atStake()))
                                        : "")
                                + "\n");
            }
            out.write("\n");
        }
    }

    private void writeCatalogue(Writer out) throws IOException {
        out.write("\n## " + text.get("md.catalogue") + "\n\n");
        out.write(
                "| "
                        + text.get("md.col.rule")
                        + " | "
                        + text.get("md.col.version")
                        + " | "
                        + text.get("md.col.title")
                        + " | "
                        + text.get("md.col.severity")
                        + " | "
                        + text.get("md.col.lever")
                        + " |\n|---|---|---|---|---|\n");
        for (RuleUsed rule : result.rules()) {
            out.write(
                    "| `"
                            + rule.id()
                            + "` | "
                            + Markdown.escape(rule.version())
                            + " | "
                            + Markdown.escape(rule.title())
                            + " | "
                            + text.severity(rule.severity())
                            + " | "
                            + text.lever(rule.lever())
                            + " |\n");
        }
    }

    private String optionalPercent(BigDecimal value) {
        return value == null ? "—" : text.percent(value);
    }

    private String optionalAmount(BigDecimal value) {
        return value == null ? "—" : amount(value);
    }

    private void writeWaivers(Writer out, AuditSummary s) throws IOException {
        if (result.waivers().isEmpty()) {
            return;
        }
        out.write("## " + text.get("md.waived", text.number(result.waivers().findings())) + "\n\n");
        out.write(text.get("md.waived.intro") + "\n\n");
        try (var in = Files.newBufferedReader(waivedPart, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        if (result.waivers().findings() == 0) {
            out.write(text.get("md.waived.none") + "\n");
        }
        out.write("\n");
        for (Waiver waiver : result.waivers().expired()) {
            out.write(
                    "- ⚠ "
                            + text.get(
                                    "md.waiver.expired",
                                    Markdown.escape(waiver.location()),
                                    Markdown.escape(waiver.describe()),
                                    text.date(waiver.until()))
                            + "\n");
        }
        for (Waiver waiver : result.waivers().unused()) {
            out.write(
                    "- ⚠ "
                            + text.get(
                                    "md.waiver.unused",
                                    Markdown.escape(waiver.location()),
                                    Markdown.escape(waiver.describe()))
                            + "\n");
        }
        if (!result.waivers().expired().isEmpty() || !result.waivers().unused().isEmpty()) {
            out.write("\n");
        }
    }

    /**
     * The rule settings in force: every override of a standard rule, with its reason, and the
     * tactics' stage rules.
     */
    private void writeOverrides(Writer out) throws IOException {
        List<SettingInForce> settings = result.settings();
        if (settings.isEmpty()) {
            return;
        }
        out.write("## " + text.get("md.overrides") + "\n\n");
        out.write(
                "| "
                        + text.get("md.col.scope")
                        + " | "
                        + text.get("md.col.rule")
                        + " | "
                        + text.get("md.col.change")
                        + " | "
                        + text.get("md.col.reason")
                        + " |\n|---|---|---|---|\n");
        for (SettingInForce setting : settings) {
            out.write(line(setting) + "\n");
        }
        out.write("\n");
    }

    private String line(SettingInForce setting) {
        String scope =
                setting.scope() == null
                        ? text.get("md.overrides.all")
                        : Markdown.escape(setting.scope());
        if (setting.maxDays() != null) {
            return "| "
                    + scope
                    + " | "
                    + Markdown.escape(setting.rule())
                    + " | "
                    + text.get("md.overrides.maxDays", setting.maxDays().toPlainString())
                    + " | "
                    + Markdown.escape(setting.reason())
                    + " ("
                    + Markdown.escape(setting.location())
                    + ") |";
        }
        List<String> changes = new java.util.ArrayList<>();
        if (setting.off()) {
            changes.add(text.get("md.overrides.off"));
        }
        if (setting.severity() != null) {
            changes.add(text.get("md.overrides.severity", text.severity(setting.severity())));
        }
        setting.params()
                .forEach(
                        (name, value) -> changes.add("`" + name + "` = " + Markdown.escape(value)));
        return "| "
                + scope
                + " | `"
                + setting.rule()
                + "` | "
                + String.join(", ", changes)
                + " | "
                + Markdown.escape(setting.reason())
                + " ("
                + Markdown.escape(setting.location())
                + ") |";
    }

    private void writeRejected(Writer out, AuditSummary s) throws IOException {
        out.write("## " + text.get("md.rejected") + "\n\n");
        if (s.recordsRejected() + s.eventsRejected() == 0) {
            out.write(text.get("md.rejected.none") + "\n");
            return;
        }
        out.write(text.get("md.rejected.intro") + "\n\n");
        out.write(
                "| "
                        + text.get("md.col.where")
                        + " | "
                        + text.get("md.col.deal")
                        + " | "
                        + text.get("md.col.reason")
                        + " |\n|---|---|---|\n");
        try (var in = Files.newBufferedReader(rejectedPart, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        if (rejectedCount > REJECTIONS_SHOWN) {
            out.write(
                    "\n"
                            + text.get(
                                    "md.rejected.more", (long) (rejectedCount - REJECTIONS_SHOWN))
                            + "\n");
        }
    }

    private String severities(Map<Severity, Long> bySeverity) {
        return java.util.Arrays.stream(Severity.values())
                .sorted(java.util.Comparator.reverseOrder())
                .map(
                        sev ->
                                text.severity(sev)
                                        + " "
                                        + text.number(bySeverity.getOrDefault(sev, 0L)))
                .collect(Collectors.joining(", "));
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
