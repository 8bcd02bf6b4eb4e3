package fr.vigie.report.outline;

import static fr.vigie.report.ReportPart.MAIN;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.Folded;
import fr.vigie.audit.model.Lever;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.result.Effectiveness;
import fr.vigie.audit.result.Figures;
import fr.vigie.audit.result.Recommendation;
import fr.vigie.audit.result.RuleUsed;
import fr.vigie.audit.result.SettingInForce;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.common.Severity;
import fr.vigie.report.ForTheReader;
import fr.vigie.report.ReportPart;
import fr.vigie.report.ReportText;
import fr.vigie.report.outline.Block.Cell;
import fr.vigie.report.outline.Block.Item;
import fr.vigie.report.outline.Block.Items;
import fr.vigie.report.outline.Block.Paragraph;
import fr.vigie.report.outline.Block.Row;
import fr.vigie.report.outline.Block.Table;
import fr.vigie.workspace.WorkspaceSettings;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's outline, built once from the audit's result and the parts made while the deals came
 * ({@link DealParts}): the CEO's part (summary, effectiveness and efficiency, does the process pay,
 * where it breaks, strategy and tactics, the deals worth a look, recommendations) or the appendix.
 * Every section, its order, its words and its figures are decided here; the renderers lay it out. A
 * section with nothing to show is left out.
 */
public final class ReportOutline {

    /** How many rules the CEO's part lists in "findings by rule"; the appendix lists them all. */
    public static final int RULES_SHOWN = 10;

    /** The appendix's list of findings stops after the first {@code shown} deals: which words. */
    public enum Cap {
        /** Laid out on pages: the rest is in report-appendix.html and findings.csv. */
        PRINT,
        /** On screen: the rest is in findings.csv and findings.json. */
        SCREEN
    }

    private final AuditResult result;
    private final AuditScope scope;
    private final AuditSummary summary;
    private final Phrases words;
    private final ReportText text;
    private final DealParts parts;
    private final Cap cap;

    public ReportOutline(AuditResult result, Phrases words, DealParts parts, Cap cap) {
        this.result = result;
        this.scope = result.scope();
        this.summary = result.summary();
        this.words = words;
        this.text = words.text();
        this.parts = parts;
        this.cap = cap;
    }

    /** The document {@code part}: the CEO's part or the appendix. */
    public Outline of(ReportPart part) {
        List<Section> sections = part == MAIN ? main() : appendix();
        return new Outline(
                part,
                text.locale().getLanguage(),
                words.plain(
                        part == MAIN ? "md.title" : "md.title.appendix",
                        settings().client(),
                        scope.period().label()),
                settings().client() + " · " + scope.period().label(),
                cover(part),
                words.get("html.toc"),
                sections,
                part == MAIN
                        ? List.of(
                                new Paragraph(
                                        "more appendix-elsewhere",
                                        words.get("html.appendix.elsewhere")))
                        : List.of(),
                words.get("html.colophon"));
    }

    private List<Section> main() {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("summary", words.get("md.summary"), true, summaryBlocks()));
        sections.add(
                new Section("effectiveness", words.get("md.effectiveness"), true, effectiveness()));
        sections.add(new Section("pays", words.get("md.pays"), true, processPays()));
        sections.add(new Section("breaks", words.get("md.breaks"), true, funnel()));
        if (!summary.byRule().isEmpty()) {
            sections.add(
                    new Section(
                            "by-rule", words.get("md.byRule"), false, byRule(RULES_SHOWN, false)));
        }
        if (!summary.byStage().isEmpty()) {
            sections.add(new Section("by-stage", words.get("md.byStage"), false, byStage()));
        }
        if (!summary.people().isEmpty()) {
            sections.add(new Section("by-owner", words.get("md.byOwner"), false, byOwner()));
        }
        if (result.hasPlanTopics()) {
            sections.add(new Section("plan", words.get("md.plan"), true, plan()));
        }
        if (!summary.worthALook().isEmpty()) {
            sections.add(new Section("spotlights", words.get("md.spotlights"), true, spotlights()));
        }
        sections.add(
                new Section(
                        "recommendations",
                        words.get("md.recommendations"),
                        true,
                        recommendations()));
        return sections;
    }

    private List<Section> appendix() {
        List<Section> sections = new ArrayList<>();
        sections.add(
                new Section(
                        "appendix",
                        words.get("md.appendix"),
                        true,
                        List.of(new Paragraph("intro", words.get("html.appendix.intro")))));
        if (!summary.byRule().isEmpty()) {
            sections.add(
                    new Section(
                            "all-rules",
                            words.get("md.byRule"),
                            false,
                            byRule(Integer.MAX_VALUE, true)));
        }
        if (!scope.planFindings().isEmpty()) {
            sections.add(
                    new Section(
                            "plan-written",
                            words.get("md.plan.written", text.number(scope.planFindings().size())),
                            false,
                            List.of(
                                    new Items(
                                            "findings",
                                            false,
                                            scope.planFindings().stream()
                                                    .map(f -> Item.of(parts.finding(f)))
                                                    .toList()))));
        }
        sections.add(new Section("findings", words.get("md.findings"), false, findings()));
        if (!result.waivers().isEmpty()) {
            sections.add(
                    new Section(
                            "waived",
                            words.get("md.waived", text.number(result.waivers().findings())),
                            false,
                            waivers()));
        }
        if (!result.settings().isEmpty()) {
            sections.add(
                    new Section(
                            "settings",
                            words.get("md.overrides"),
                            false,
                            settingsInForce(result.settings())));
        }
        sections.add(new Section("rejected", words.get("md.rejected"), false, rejected()));
        sections.add(new Section("catalogue", words.get("md.catalogue"), false, catalogue()));
        return sections;
    }

    private Cover cover(ReportPart part) {
        List<Span> processes = new ArrayList<>();
        scope.workspace()
                .processes()
                .forEach(
                        p -> {
                            if (!processes.isEmpty()) {
                                processes.add(Span.styled("sep", " · "));
                            }
                            processes.add(Span.styled("process", p.title() + " "));
                            processes.add(
                                    Span.styled(
                                            "versions",
                                            "("
                                                    + String.join(
                                                            ", ",
                                                            p.versions().stream()
                                                                    .map(v -> v.version())
                                                                    .toList())
                                                    + ")"));
                        });
        List<Block.Figure> figures =
                part == MAIN
                        ? List.of(
                                new Block.Figure(
                                        "cover-figure",
                                        words.get("html.kpi.conformity"),
                                        text.percent(summary.conformityRate()),
                                        null,
                                        List.of(
                                                new Paragraph(
                                                        "cover-definition",
                                                        words.get("md.conformity.definition"))),
                                        List.of()),
                                new Block.Figure(
                                        "cover-figure",
                                        words.get("html.kpi.deals"),
                                        text.number(summary.dealsAudited()),
                                        null,
                                        List.of(
                                                new Paragraph(
                                                        "cover-definition",
                                                        Text.of(
                                                                text.amounts(
                                                                        summary.amountByCurrency(),
                                                                        settings().currency())))),
                                        List.of()))
                        : List.of();
        return new Cover(
                words.get(part == MAIN ? "html.eyebrow" : "html.eyebrow.appendix"),
                settings().client(),
                words.get("html.cover.period", scope.period().label()),
                words.get(
                        "md.period",
                        text.date(scope.period().start()),
                        text.date(scope.period().lastDay())),
                words.get("md.processes", new Text(processes)),
                figures);
    }

    // ------------------------------------------------------------------------------ summary

    private List<Block> summaryBlocks() {
        AuditSummary s = summary;
        List<Block> blocks = new ArrayList<>();
        List<Block.Figure> figures = new ArrayList<>();
        figures.add(
                new Block.Figure(
                        "kpi",
                        words.get("html.kpi.deals"),
                        text.number(s.dealsAudited()),
                        "figure-deals",
                        List.of(
                                new Paragraph(
                                        "kpi-note",
                                        Text.of(
                                                Span.figure(
                                                        "figure-amount",
                                                        text.amounts(
                                                                s.amountByCurrency(),
                                                                settings().currency())))),
                                new Paragraph(
                                        "kpi-note",
                                        words.get(
                                                "md.outcomes",
                                                text.number(s.won()),
                                                text.number(s.lost()),
                                                text.number(s.open())))),
                        List.of(
                                words.get(
                                        "md.audited",
                                        text.number(s.dealsAudited()),
                                        text.amounts(s.amountByCurrency(), settings().currency())),
                                words.get(
                                        "md.outcomes",
                                        text.number(s.won()),
                                        text.number(s.lost()),
                                        text.number(s.open())))));
        List<Block> conformity = new ArrayList<>();
        conformity.add(new Paragraph("definition", words.get("md.conformity.definition")));
        conformity.add(
                new Block.Drawing(
                        new Chart.Rate(
                                s.conformityRate(),
                                result.previous() == null
                                        ? null
                                        : result.previous().conformityRate())));
        conformity.add(
                new Paragraph(
                        "kpi-note",
                        words.get(
                                "html.kpi.conforming",
                                (long) s.conformingDeals(),
                                (long) s.dealsAudited())));
        if (result.previous() != null) {
            conformity.add(
                    new Paragraph(
                            "kpi-note previous",
                            words.get(
                                    "html.kpi.previous",
                                    text.signedPoints(result.previous().change()),
                                    result.previous().period(),
                                    text.percent(result.previous().conformityRate()))));
        }
        figures.add(
                new Block.Figure(
                        "kpi kpi-main",
                        words.get("html.kpi.conformity"),
                        text.percent(s.conformityRate()),
                        "figure-conformity",
                        conformity,
                        List.of(conformitySentence())));
        List<Item> severities = new ArrayList<>();
        for (Severity severity : bySeverity()) {
            severities.add(
                    Item.of(
                            Text.of(
                                    parts.severity(severity),
                                    Span.text(" "),
                                    Span.figure(
                                            "figure-" + severity.code(),
                                            text.number(
                                                    s.findingsBySeverity()
                                                            .getOrDefault(severity, 0L))))));
        }
        List<Block> findingNotes = new ArrayList<>();
        findingNotes.add(new Items("severity-counts", false, severities));
        long waived = result.waivers().findings();
        if (waived > 0) {
            findingNotes.add(
                    new Paragraph("kpi-note", words.get("md.waived.count", text.number(waived))));
        }
        figures.add(
                new Block.Figure(
                        "kpi",
                        words.get("html.kpi.findings"),
                        text.number(s.findings()),
                        "figure-findings",
                        findingNotes,
                        findingSentences()));
        Effectiveness e = result.effectiveness();
        List<Block> wonNotes = new ArrayList<>();
        if (e.target() != null) {
            wonNotes.add(
                    new Block.Drawing(
                            new Chart.Bullet(
                                    e.wonRevenue(), e.target(), e.wonRevenue().max(e.target()))));
        }
        wonNotes.add(
                new Paragraph(
                        "kpi-note",
                        e.target() == null
                                ? words.get("html.kpi.noTarget")
                                : words.get(
                                        "html.kpi.target",
                                        amount(e.target()),
                                        text.percent(e.attainment()))));
        figures.add(
                new Block.Figure(
                        "kpi",
                        words.get("html.kpi.won"),
                        amount(e.wonRevenue()),
                        "figure-won",
                        wonNotes,
                        List.of()));
        blocks.add(new Block.Figures(figures));
        if (!s.coverage().isFull()) {
            blocks.add(
                    new Block.Group(
                            "not-assessable",
                            List.of(
                                    new Paragraph(null, words.get("md.notAssessable")),
                                    new Items(
                                            null,
                                            false,
                                            s.coverage().notAssessable().stream()
                                                    .map(
                                                            gap ->
                                                                    Item.of(
                                                                            Text.of(
                                                                                    text
                                                                                            .notAssessable(
                                                                                                    gap,
                                                                                                    gap
                                                                                                            .title(),
                                                                                                    s
                                                                                                            .dealsAudited()))))
                                                    .toList()))));
        }
        String tooManyRejected = text.rejectedWarning(result);
        if (tooManyRejected != null) {
            blocks.add(
                    new Paragraph(
                            "rejected-warning",
                            Text.of(Span.strong(tooManyRejected.replace("**", "")))));
        }
        Text reconciliation = Text.of(text.reconciliation(s, settings().dealsInPeriod()));
        if (!s.reconciles()) {
            reconciliation =
                    reconciliation.then(
                            Span.text(" "), Span.strong(words.plain("html.reconciliation.broken")));
        }
        if (s.eventsRead() > 0) {
            reconciliation =
                    reconciliation
                            .then(Span.lineBreak())
                            .then(
                                    words.get(
                                            "md.events",
                                            text.number(s.eventsRead()),
                                            text.number(s.eventsRead() - s.eventsRejected()),
                                            text.number(s.eventsRejected())));
        }
        blocks.add(new Paragraph("reconciliation", reconciliation));
        if (!result.actions().isEmpty()) {
            blocks.add(new Block.Heading(words.get("md.actions")));
            blocks.add(
                    new Items(
                            "actions",
                            true,
                            result.actions().stream()
                                    .map(
                                            action ->
                                                    new Item(
                                                            null,
                                                            Text.of(
                                                                    Span.styled(
                                                                            "action-text",
                                                                            action.message())),
                                                            List.of(
                                                                    new Paragraph(
                                                                            "lever",
                                                                            Text.of(
                                                                                    text.lever(
                                                                                            action
                                                                                                    .lever()))))))
                                    .toList()));
        }
        if (result.hasPlanTopics()) {
            blocks.add(
                    new Block.Group(
                            "headline",
                            List.of(
                                    new Paragraph(
                                            null,
                                            words.get(
                                                    "md.plan.headline",
                                                    (long) scope.planFindings().size(),
                                                    (long) s.findings(RuleInfo.Topic.STRATEGY),
                                                    amount(s.atStake(RuleInfo.Topic.STRATEGY)),
                                                    s.findings(RuleInfo.Topic.RIGHTS))))));
        }
        return blocks;
    }

    /** "Taux de conformité : 61,0 % (366 affaires sur 600)", the change, the definition. */
    private Text conformitySentence() {
        Text sentence =
                words.get(
                        "md.conformity",
                        text.percent(summary.conformityRate()),
                        (long) summary.conformingDeals(),
                        (long) summary.dealsAudited());
        if (result.previous() != null) {
            sentence =
                    sentence.then(Span.text(" "))
                            .then(
                                    words.get(
                                            "md.conformity.change",
                                            text.signedPoints(result.previous().change()),
                                            result.previous().period(),
                                            text.percent(result.previous().conformityRate())));
        }
        return sentence.then(Span.lineBreak()).then(words.get("md.conformity.definition"));
    }

    /** "Écarts : 315 (critique 13, majeur 245, mineur 57, info 0)", and the waived ones. */
    private List<Text> findingSentences() {
        List<String> counts = new ArrayList<>();
        for (Severity severity : bySeverity()) {
            counts.add(
                    text.severity(severity)
                            + " "
                            + text.number(summary.findingsBySeverity().getOrDefault(severity, 0L)));
        }
        List<Text> sentences = new ArrayList<>();
        sentences.add(
                words.get(
                        "md.findings.count",
                        text.number(summary.findings()),
                        String.join(", ", counts)));
        if (result.waivers().findings() > 0) {
            sentences.add(words.get("md.waived.count", text.number(result.waivers().findings())));
        }
        return sentences;
    }

    // -------------------------------------------------------------------------- effectiveness

    private List<Block> effectiveness() {
        Effectiveness e = result.effectiveness();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.effectiveness.intro")));
        blocks.add(
                new Paragraph(
                        "lead",
                        e.target() == null
                                ? words.get("md.won.noTarget", amount(e.wonRevenue()))
                                : words.get(
                                        "md.won.target",
                                        amount(e.wonRevenue()),
                                        amount(e.target()),
                                        text.percent(e.attainment()))));
        rows(blocks, words.get("html.effectiveness.teams"), words.get("md.col.team"), e.teams());
        rows(blocks, words.get("html.effectiveness.people"), words.get("md.col.owner"), e.people());
        return blocks;
    }

    private void rows(List<Block> blocks, Text title, Text who, List<Effectiveness.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BigDecimal max = BigDecimal.ONE;
        for (Effectiveness.Row row : rows) {
            max = max.max(row.figures().wonAmount());
            if (row.quota() != null) {
                max = max.max(row.quota());
            }
        }
        blocks.add(new Block.Heading(title));
        List<Row> bullets = new ArrayList<>();
        for (Effectiveness.Row row : rows) {
            bullets.add(
                    new Row(
                            null,
                            List.of(
                                    rowHead(Text.of(name(row))),
                                    Cell.chart(
                                            new Chart.Bullet(
                                                    row.figures().wonAmount(), row.quota(), max),
                                            "chart-col"),
                                    Cell.number(
                                                    row.attainment() == null
                                                            ? "—"
                                                            : text.percent(row.attainment()))
                                            .withRole(below(row) ? "below" : null))));
        }
        blocks.add(
                new Block.Group(
                        "figure",
                        List.of(
                                new Table(
                                        "bullets",
                                        false,
                                        List.of(
                                                new Row(
                                                        null,
                                                        List.of(
                                                                Cell.head(who),
                                                                Cell.head(
                                                                                words.get(
                                                                                        "html.bullet.legend"))
                                                                        .withRole("chart-col"),
                                                                Cell.numberHead(
                                                                        words.get(
                                                                                "md.col.attainment"))))),
                                        bullets,
                                        List.of()))));
        List<Row> body = new ArrayList<>();
        for (Effectiveness.Row row : rows) {
            Figures f = row.figures();
            List<Cell> cells = new ArrayList<>();
            cells.add(rowHead(Text.of(name(row))));
            cells.addAll(
                    nums(
                            amount(f.wonAmount()),
                            row.quota() == null ? "—" : amount(row.quota()),
                            row.attainment() == null ? "—" : text.percent(row.attainment()),
                            text.number(f.deals()),
                            optionalPercent(f.winRate()),
                            optionalAmount(f.revenuePerActivity()),
                            optionalAmount(f.revenuePerDeal()),
                            days(f.averageCycleDays()),
                            amount(f.discountGiven())));
            body.add(new Row(null, cells));
        }
        List<Cell> names = new ArrayList<>();
        names.add(Cell.head(who));
        names.addAll(
                numHeads(
                        "md.col.won",
                        "md.col.quota",
                        "md.col.attainment",
                        "md.col.deals",
                        "md.col.winRate",
                        "md.col.perActivity",
                        "md.col.perDeal",
                        "md.col.cycle",
                        "md.col.discountGiven"));
        blocks.add(
                new Table(
                        "data wide",
                        true,
                        List.of(
                                new Row(
                                        "groups",
                                        List.of(
                                                Cell.head(Text.of("")),
                                                new Cell(
                                                        words.get("html.col.effectiveness"),
                                                        true,
                                                        false,
                                                        3,
                                                        "group",
                                                        null),
                                                new Cell(
                                                        words.get("html.col.efficiency"),
                                                        true,
                                                        false,
                                                        6,
                                                        "group",
                                                        null))),
                                new Row(null, names)),
                        body,
                        List.of()));
    }

    private String name(Effectiveness.Row row) {
        return row.name() == null ? text.get("md.noTeam") : row.name();
    }

    private static boolean below(Effectiveness.Row row) {
        return row.attainment() != null && row.attainment().compareTo(BigDecimal.valueOf(100)) < 0;
    }

    // ------------------------------------------------------------------------ does it pay

    private List<Block> processPays() {
        Figures followed = summary.followed();
        Figures deviated = summary.deviated();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.pays.intro")));
        List<Row> bars = new ArrayList<>();
        payRows(
                bars,
                "md.col.winRate",
                followed.winRate(),
                deviated.winRate(),
                optionalPercent(followed.winRate()),
                optionalPercent(deviated.winRate()),
                words.get("html.pays.base.closed", (long) followed.closed()),
                words.get("html.pays.base.closed", (long) deviated.closed()));
        payRows(
                bars,
                "md.col.avgDiscount",
                followed.averageDiscount(),
                deviated.averageDiscount(),
                optionalPercent(followed.averageDiscount()),
                optionalPercent(deviated.averageDiscount()),
                words.get("html.pays.base.won", (long) followed.won()),
                words.get("html.pays.base.won", (long) deviated.won()));
        payRows(
                bars,
                "md.col.cycle",
                followed.averageCycleDays(),
                deviated.averageCycleDays(),
                days(followed.averageCycleDays()),
                days(deviated.averageCycleDays()),
                words.get("html.pays.base.won", (long) followed.won()),
                words.get("html.pays.base.won", (long) deviated.won()));
        blocks.add(
                new Block.Group(
                        "figure pays",
                        List.of(
                                new Table("bars", false, List.of(), bars, List.of()),
                                new Block.Legend(
                                        List.of(
                                                new Block.Key(
                                                        new Chart.Swatch(
                                                                false, Chart.Colour.ACCENT),
                                                        words.get("md.pays.followed")),
                                                new Block.Key(
                                                        new Chart.Swatch(true, Chart.Colour.INK),
                                                        words.get("md.pays.deviated")))))));
        List<Row> body = new ArrayList<>();
        for (var row :
                List.of(
                        Map.entry("md.pays.followed", followed),
                        Map.entry("md.pays.deviated", deviated))) {
            Figures f = row.getValue();
            List<Cell> cells = new ArrayList<>();
            cells.add(rowHead(words.get(row.getKey())));
            cells.addAll(
                    nums(
                            text.number(f.deals()),
                            text.number(f.closed()),
                            optionalPercent(f.winRate()),
                            optionalPercent(f.averageDiscount()),
                            days(f.averageCycleDays())));
            body.add(new Row(null, cells));
        }
        List<Cell> heads = new ArrayList<>();
        heads.add(Cell.head(Text.of("")));
        heads.addAll(
                numHeads(
                        "md.col.deals",
                        "md.col.closed",
                        "md.col.winRate",
                        "md.col.avgDiscount",
                        "md.col.cycle"));
        blocks.add(new Table("data", true, List.of(new Row(null, heads)), body, List.of()));
        blocks.add(new Paragraph("caution", words.get("md.pays.caution")));
        blocks.add(new Paragraph("caution counts", Text.of(text.payCounts(summary))));
        if (summary.comparableStages().isEmpty()) {
            return blocks;
        }
        blocks.add(
                new Paragraph(
                        "intro",
                        Text.of(Span.strong(words.plain("md.pays.sameStage.title")), Span.text(" "))
                                .then(words.get("md.pays.sameStage"))));
        List<Row> stages = new ArrayList<>();
        for (AuditSummary.SameStage stage : summary.comparableStages()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(
                    rowHead(
                            Text.of(
                                    Span.text(stage.label() + " "),
                                    Span.styled("process", "(" + stage.process() + ")"))));
            cells.addAll(nums(text.winRate(stage.followed()), text.winRate(stage.deviated())));
            cells.add(
                    Cell.text(
                            words.get(
                                    stage.significant()
                                            ? "md.pays.significant"
                                            : "md.pays.notSignificant")));
            stages.add(new Row(null, cells));
        }
        List<Cell> stageHeads = new ArrayList<>(heads("md.col.stage"));
        stageHeads.addAll(numHeads("md.pays.sameStage.followed", "md.pays.sameStage.deviated"));
        stageHeads.addAll(heads("md.pays.sameStage.difference"));
        blocks.add(new Table("data", true, List.of(new Row(null, stageHeads)), stages, List.of()));
        if (!summary.processToReview().isEmpty()) {
            AuditSummary.SameStage stage = summary.processToReview().get(0);
            blocks.add(
                    new Paragraph(
                            "caution",
                            words.get(
                                    "md.pays.reviewProcess",
                                    stage.label(),
                                    text.percent(stage.deviated().percent()),
                                    text.percent(stage.followed().percent()),
                                    text.lever(Lever.PROCESS))));
        } else {
            boolean anySignificant =
                    summary.comparableStages().stream()
                            .anyMatch(AuditSummary.SameStage::significant);
            blocks.add(
                    new Paragraph(
                            "caution",
                            words.get(
                                    anySignificant
                                            ? "md.pays.processPays"
                                            : "md.pays.noDifference")));
        }
        return blocks;
    }

    private void payRows(
            List<Row> rows,
            String metric,
            BigDecimal a,
            BigDecimal b,
            String aText,
            String bText,
            Text aBase,
            Text bBase) {
        BigDecimal max = (a == null ? BigDecimal.ZERO : a).max(b == null ? BigDecimal.ZERO : b);
        rows.add(
                new Row(
                        "metric",
                        List.of(new Cell(words.get(metric), true, false, 4, "rowgroup", null))));
        rows.add(
                new Row(
                        null,
                        List.of(
                                rowHead(words.get("md.pays.followed")),
                                Cell.chart(new Chart.Bar(a, max, false, 260), "chart-col"),
                                Cell.number(aText),
                                Cell.text(aBase).withRole("base"))));
        rows.add(
                new Row(
                        null,
                        List.of(
                                rowHead(words.get("md.pays.deviated")),
                                Cell.chart(new Chart.Bar(b, max, true, 260), "chart-col"),
                                Cell.number(bText),
                                Cell.text(bBase).withRole("base"))));
    }

    // ------------------------------------------------------------------------ where it breaks

    private List<Block> funnel() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("html.funnel.intro")));
        Map<String, List<AuditSummary.FunnelStep>> byProcess = new LinkedHashMap<>();
        summary.funnel()
                .forEach(
                        step ->
                                byProcess
                                        .computeIfAbsent(step.process(), p -> new ArrayList<>())
                                        .add(step));
        byProcess.forEach(
                (process, steps) -> {
                    long widest =
                            steps.stream()
                                    .mapToLong(AuditSummary.FunnelStep::reached)
                                    .max()
                                    .orElse(0);
                    blocks.add(new Block.Heading(words.get("md.funnel", process)));
                    List<Row> body = new ArrayList<>();
                    for (AuditSummary.FunnelStep step : steps) {
                        List<Cell> cells = new ArrayList<>();
                        cells.add(rowHead(Text.of(step.label())));
                        cells.add(
                                Cell.chart(
                                        new Chart.Funnel(step.reached(), step.flagged(), widest),
                                        "chart-col"));
                        cells.addAll(
                                nums(
                                        text.number(step.reached()),
                                        text.number(step.flagged()),
                                        step.conformity() == null
                                                ? "—"
                                                : text.percent(step.conformity())));
                        body.add(new Row(step.terminal() ? "terminal" : null, cells));
                    }
                    List<Cell> heads = new ArrayList<>(heads("md.col.stage"));
                    heads.add(Cell.head(Text.of("")).withRole("chart-col"));
                    heads.addAll(
                            numHeads(
                                    "md.col.reached",
                                    "md.col.flaggedHere",
                                    "md.col.stepConformity"));
                    blocks.add(
                            new Table(
                                    "data funnel",
                                    true,
                                    List.of(new Row(null, heads)),
                                    body,
                                    List.of()));
                });
        blocks.add(
                new Block.Legend(
                        List.of(
                                new Block.Key(
                                        new Chart.Swatch(false, Chart.Colour.ACCENT),
                                        words.get("html.funnel.legend.ok")),
                                new Block.Key(
                                        new Chart.Swatch(true, Chart.Colour.FLAG),
                                        words.get("html.funnel.legend.flagged")))));
        return blocks;
    }

    /**
     * The rules by findings: the first {@code shown} (the CEO's part, by title, without their
     * codes), or all of them with their codes (the appendix).
     */
    private List<Block> byRule(int shown, boolean withCode) {
        long max =
                summary.byRule().stream()
                        .mapToLong(AuditSummary.RuleCount::findings)
                        .max()
                        .orElse(1);
        List<Row> body = new ArrayList<>();
        for (AuditSummary.RuleCount r : summary.byRule().stream().limit(shown).toList()) {
            List<Cell> cells = new ArrayList<>();
            if (withCode) {
                cells.add(Cell.text(Text.of(Span.code(r.rule()))));
            }
            cells.add(Cell.text(Text.of(r.title())));
            cells.add(Cell.text(Text.of(parts.severity(r.severity()))).withRole("sev-cell"));
            cells.add(Cell.text(Text.of(text.lever(r.lever()))).withRole("lever-cell"));
            cells.addAll(nums(text.number(r.findings())));
            cells.add(
                    Cell.chart(
                            new Chart.Bar(
                                    BigDecimal.valueOf(r.findings()),
                                    BigDecimal.valueOf(max),
                                    false,
                                    80),
                            "chart-col spark"));
            cells.addAll(nums(text.number(r.deals())));
            body.add(new Row(null, cells));
        }
        List<Cell> heads = new ArrayList<>();
        if (withCode) {
            heads.addAll(heads("md.col.rule"));
        }
        heads.addAll(heads("md.col.title", "md.col.severity", "md.col.lever"));
        heads.addAll(numHeads("md.col.findings"));
        heads.add(Cell.head(Text.of("")).withRole("chart-col spark"));
        heads.addAll(numHeads("md.col.deals"));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table("data", true, List.of(new Row(null, heads)), body, List.of()));
        long others = Math.max(0, summary.byRule().size() - (long) shown);
        if (others > 0) {
            blocks.add(new Paragraph("more", words.get("html.byRule.more", others)));
        }
        return blocks;
    }

    private List<Block> byStage() {
        long max =
                summary.byStage().stream()
                        .mapToLong(AuditSummary.StageCount::findings)
                        .max()
                        .orElse(1);
        List<Row> body = new ArrayList<>();
        for (AuditSummary.StageCount st : summary.byStage()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(rowHead(Text.of(st.label())));
            cells.addAll(nums(text.number(st.findings())));
            cells.add(
                    Cell.chart(
                            new Chart.Bar(
                                    BigDecimal.valueOf(st.findings()),
                                    BigDecimal.valueOf(max),
                                    false,
                                    120),
                            "chart-col spark"));
            cells.addAll(nums(text.number(st.deals())));
            body.add(new Row(null, cells));
        }
        List<Cell> heads = new ArrayList<>(heads("md.col.stage"));
        heads.addAll(numHeads("md.col.findings"));
        heads.add(Cell.head(Text.of("")).withRole("chart-col spark"));
        heads.addAll(numHeads("md.col.deals"));
        return List.of(
                new Table("data narrow", true, List.of(new Row(null, heads)), body, List.of()));
    }

    private List<Block> byOwner() {
        List<Row> body = new ArrayList<>();
        for (AuditSummary.PersonFigures o : summary.people()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(rowHead(Text.of(settings().displayName(o.owner()))));
            cells.add(Cell.text(Text.of(o.team() == null ? text.get("md.noTeam") : o.team())));
            cells.addAll(
                    nums(
                            text.number(o.figures().deals()),
                            text.number(o.figures().dealsWithFindings()),
                            text.number(o.figures().findings())));
            body.add(new Row(null, cells));
        }
        List<Cell> heads = new ArrayList<>(heads("md.col.owner", "md.col.team"));
        heads.addAll(numHeads("md.col.deals", "md.col.dealsWithFindings", "md.col.findings"));
        return List.of(
                new Table("data narrow", true, List.of(new Row(null, heads)), body, List.of()));
    }

    // ------------------------------------------------------------------- strategy and tactics

    private List<Block> plan() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.plan.intro")));
        blocks.add(
                new Block.Heading(
                        words.get("md.plan.written", text.number(scope.planFindings().size()))));
        if (scope.planFindings().isEmpty()) {
            blocks.add(new Paragraph("none", words.get("md.plan.written.none")));
        } else {
            blocks.add(
                    new Items(
                            "findings",
                            false,
                            scope.planFindings().stream()
                                    .map(
                                            f ->
                                                    Item.of(
                                                            Text.of(
                                                                    parts.severity(f.severity()),
                                                                    Span.text(" "),
                                                                    Span.styled(
                                                                            "msg",
                                                                            ForTheReader.sentence(
                                                                                    f)))))
                                    .toList()));
        }
        topic(blocks, RuleInfo.Topic.STRATEGY, "md.plan.decisions", true);
        topic(blocks, RuleInfo.Topic.RIGHTS, "md.plan.rights", false);
        return blocks;
    }

    private void topic(
            List<Block> blocks, RuleInfo.Topic topic, String title, boolean withAmounts) {
        List<AuditSummary.RuleCount> rules = summary.dealRules(topic);
        blocks.add(new Block.Heading(words.get(title, text.number(summary.findings(topic)))));
        if (rules.isEmpty()) {
            blocks.add(new Paragraph("none", words.get(title + ".none")));
            return;
        }
        List<Row> body = new ArrayList<>();
        for (AuditSummary.RuleCount r : rules) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(Text.of(r.title())));
            cells.addAll(nums(text.number(r.findings()), text.number(r.deals())));
            if (withAmounts) {
                cells.addAll(nums(r.atStake().signum() == 0 ? "—" : amount(r.atStake())));
            }
            body.add(new Row(null, cells));
        }
        List<Cell> heads = new ArrayList<>(heads("md.col.title"));
        heads.addAll(numHeads("md.col.findings", "md.col.deals"));
        List<Row> foot = new ArrayList<>();
        if (withAmounts) {
            heads.addAll(numHeads("md.col.atStake"));
            List<Cell> total = new ArrayList<>();
            total.add(rowHead(words.get("md.total")));
            total.addAll(nums(text.number(summary.findings(topic)), ""));
            total.addAll(nums(amount(summary.atStake(topic))));
            foot.add(new Row(null, total));
        }
        blocks.add(new Table("data", true, List.of(new Row(null, heads)), body, foot));
    }

    // ---------------------------------------------------------------------------- spotlights

    private List<Block> spotlights() {
        ZoneId zone = settings().zone();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.spotlights.intro")));
        for (AuditSummary.Spotlight spotlight : summary.worthALook()) {
            AuditedDeal deal = spotlight.deal();
            Set<String> flagged = new HashSet<>();
            spotlight.findings().forEach(f -> flagged.add(f.stage()));
            List<Chart.Stay> stays = new ArrayList<>();
            List<Item> visits = new ArrayList<>();
            for (var visit : deal.visits()) {
                boolean marked = flagged.contains(visit.stage());
                stays.add(new Chart.Stay(visit.days(), visit.terminal(), marked));
                List<Span> spans = new ArrayList<>();
                spans.add(
                        Span.styled(
                                "when",
                                text.date(
                                        visit.enteredAt().atZoneSameInstant(zone).toLocalDate())));
                spans.add(Span.text(" "));
                if (marked) {
                    spans.add(Span.styled("mark", "⚠"));
                    spans.add(Span.text(" "));
                }
                spans.add(Span.styled("stage", visit.label()));
                if (!visit.terminal()) {
                    spans.add(Span.text(" "));
                    spans.add(
                            Span.styled("days", words.plain("md.days", text.number(visit.days()))));
                }
                visits.add(new Item(marked ? "flagged" : null, new Text(spans), List.of()));
            }
            List<Item> findings = new ArrayList<>();
            for (Folded folded : Folded.of(spotlight.findings())) {
                Finding finding = folded.cause();
                Text line =
                        Text.of(
                                parts.severity(finding.severity()),
                                Span.text(" "),
                                Span.styled("msg", ForTheReader.sentence(finding)));
                if (!folded.consequences().isEmpty()) {
                    line =
                            line.then(
                                    Span.text(" "),
                                    Span.styled(
                                            "consequences",
                                            text.get(
                                                    "md.consequences",
                                                    folded.consequences().size())));
                }
                findings.add(Item.of(line));
            }
            blocks.add(
                    new Block.Article(
                            "spotlight",
                            null,
                            parts.dealTitle(deal),
                            List.of(
                                    new Paragraph("deal-meta", parts.dealLine(deal)),
                                    new Paragraph(
                                            "deal-stake",
                                            words.get(
                                                    "md.spotlight.stake",
                                                    amount(spotlight.atStake()),
                                                    text.severity(spotlight.severity()))),
                                    new Block.Group(
                                            "timeline",
                                            List.of(
                                                    new Block.Drawing(new Chart.Timeline(stays)),
                                                    new Items("visits", true, visits))),
                                    new Items("findings", false, findings))));
        }
        return blocks;
    }

    // ----------------------------------------------------------------------- recommendations

    private List<Block> recommendations() {
        if (result.recommendations().isEmpty()) {
            return List.of(new Paragraph("none", words.get("md.recommendations.none")));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.recommendations.intro")));
        for (Lever lever : Lever.values()) {
            List<Recommendation> ofLever =
                    result.recommendations().stream().filter(r -> r.lever() == lever).toList();
            if (ofLever.isEmpty()) {
                continue;
            }
            List<Item> items = new ArrayList<>();
            for (Recommendation recommendation : ofLever) {
                Text line = Text.of(recommendation.message());
                if (recommendation.atStake().signum() > 0) {
                    line =
                            line.then(
                                    Span.text(" — "),
                                    Span.styled(
                                            "stake",
                                            words.plain(
                                                    "md.recommendation.stake",
                                                    amount(recommendation.atStake()))));
                }
                items.add(Item.of(line));
            }
            blocks.add(
                    new Block.Group(
                            "lever-group",
                            List.of(
                                    new Block.Heading(Text.of(text.lever(lever))),
                                    new Items("recommendations", false, items))));
        }
        return blocks;
    }

    // ------------------------------------------------------------------------------ appendix

    private List<Block> findings() {
        List<Block> blocks = new ArrayList<>();
        if (summary.findings() == 0) {
            blocks.add(new Paragraph("none", words.get("md.findings.none")));
        }
        blocks.add(new Block.Streamed(null, parts.deals()));
        if (parts.dealsNotShown() > 0) {
            blocks.add(
                    new Paragraph(
                            "more",
                            words.get(
                                    cap == Cap.PRINT
                                            ? "html.findings.more"
                                            : "html.findings.more.screen",
                                    (long) parts.dealsNotShown())));
        }
        return blocks;
    }

    private List<Block> waivers() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.waived.intro")));
        if (parts.waivedCount() > 0) {
            blocks.add(new Block.Streamed("findings waived", parts.waived()));
        }
        if (result.waivers().findings() == 0) {
            blocks.add(new Paragraph("none", words.get("md.waived.none")));
        }
        List<Item> warnings = new ArrayList<>();
        for (Waiver waiver : result.waivers().expired()) {
            warnings.add(
                    Item.of(
                            words.get(
                                    "md.waiver.expired",
                                    String.valueOf(waiver.location()),
                                    describe(waiver),
                                    text.date(waiver.until()))));
        }
        for (Waiver waiver : result.waivers().unused()) {
            warnings.add(
                    Item.of(
                            words.get(
                                    "md.waiver.unused",
                                    String.valueOf(waiver.location()),
                                    describe(waiver))));
        }
        if (!warnings.isEmpty()) {
            blocks.add(new Items("warnings", false, warnings));
        }
        return blocks;
    }

    /** What a waiver accepts: a finding id, or a rule on a deal at a stage. */
    private Text describe(Waiver waiver) {
        if (waiver.finding() != null) {
            return Text.of(waiver.finding());
        }
        if (waiver.deal() == null) {
            return Text.of(waiver.rule());
        }
        return waiver.stage() == null
                ? words.get("html.waiver.onDeal", waiver.rule(), waiver.deal())
                : words.get(
                        "html.waiver.onDealAtStage", waiver.rule(), waiver.deal(), waiver.stage());
    }

    private List<Block> settingsInForce(List<SettingInForce> settings) {
        List<Row> body = new ArrayList<>();
        for (SettingInForce setting : settings) {
            List<Span> changes = new ArrayList<>();
            List<Text> each = new ArrayList<>();
            if (setting.maxDays() != null) {
                each.add(words.get("md.overrides.maxDays", setting.maxDays().toPlainString()));
            }
            if (setting.off()) {
                each.add(words.get("md.overrides.off"));
            }
            if (setting.severity() != null) {
                each.add(words.get("md.overrides.severity", text.severity(setting.severity())));
            }
            setting.params()
                    .forEach(
                            (name, value) ->
                                    each.add(
                                            Text.of(
                                                    new Span(Span.Kind.CODE, name, "param"),
                                                    Span.text(" = " + value))));
            for (Text change : each) {
                if (!changes.isEmpty()) {
                    changes.add(Span.text(", "));
                }
                changes.addAll(change.spans());
            }
            body.add(
                    new Row(
                            null,
                            List.of(
                                    Cell.text(
                                            setting.scope() == null
                                                    ? words.get("md.overrides.all")
                                                    : Text.of(setting.scope())),
                                    Cell.text(Text.of(Span.code(setting.rule()))),
                                    Cell.text(new Text(changes)),
                                    Cell.text(
                                            Text.of(
                                                    Span.text(setting.reason() + " "),
                                                    Span.styled(
                                                            "where",
                                                            "(" + setting.location() + ")"))))));
        }
        return List.of(
                new Table(
                        "data",
                        true,
                        List.of(
                                new Row(
                                        null,
                                        heads(
                                                "md.col.scope",
                                                "md.col.rule",
                                                "md.col.change",
                                                "md.col.reason"))),
                        body,
                        List.of()));
    }

    private List<Block> rejected() {
        if (summary.recordsRejected() + summary.eventsRejected() == 0) {
            return List.of(new Paragraph("none", words.get("md.rejected.none")));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("intro", words.get("md.rejected.intro")));
        blocks.add(
                new Table(
                        "data",
                        true,
                        List.of(
                                new Row(
                                        null,
                                        heads("md.col.where", "md.col.deal", "md.col.reason"))),
                        parts.rejectedRows(),
                        List.of()));
        if (parts.rejectedCount() > DealParts.REJECTIONS_SHOWN) {
            blocks.add(
                    new Paragraph(
                            "more",
                            words.get(
                                    "md.rejected.more",
                                    parts.rejectedCount() - DealParts.REJECTIONS_SHOWN)));
        }
        return blocks;
    }

    private List<Block> catalogue() {
        List<Row> body = new ArrayList<>();
        for (RuleUsed rule : result.rules()) {
            body.add(
                    new Row(
                            null,
                            List.of(
                                    Cell.text(Text.of(Span.code(rule.id()))),
                                    Cell.text(Text.of(rule.version())),
                                    Cell.text(Text.of(rule.title())),
                                    Cell.text(Text.of(parts.severity(rule.severity())))
                                            .withRole("sev-cell"),
                                    Cell.text(Text.of(text.lever(rule.lever())))
                                            .withRole("lever-cell"))));
        }
        return List.of(
                new Table(
                        "data",
                        true,
                        List.of(
                                new Row(
                                        null,
                                        heads(
                                                "md.col.rule",
                                                "md.col.version",
                                                "md.col.title",
                                                "md.col.severity",
                                                "md.col.lever"))),
                        body,
                        List.of()));
    }

    // ------------------------------------------------------------------------------- helpers

    private static Cell rowHead(Text text) {
        return new Cell(text, true, false, 1, "row", null);
    }

    private List<Cell> heads(String... keys) {
        return Arrays.stream(keys).map(k -> Cell.head(words.get(k))).toList();
    }

    private List<Cell> numHeads(String... keys) {
        return Arrays.stream(keys).map(k -> Cell.numberHead(words.get(k))).toList();
    }

    private static List<Cell> nums(String... values) {
        return Arrays.stream(values).map(Cell::number).toList();
    }

    private static List<Severity> bySeverity() {
        return Arrays.stream(Severity.values()).sorted(Comparator.reverseOrder()).toList();
    }

    private WorkspaceSettings settings() {
        return scope.workspace().settings();
    }

    private String amount(BigDecimal value) {
        return text.amount(value, settings().currency());
    }

    private String optionalPercent(BigDecimal value) {
        return value == null ? "—" : text.percent(value);
    }

    private String optionalAmount(BigDecimal value) {
        return value == null ? "—" : amount(value);
    }

    private String days(BigDecimal value) {
        return value == null ? "—" : text.get("md.days", text.decimal(value));
    }
}
