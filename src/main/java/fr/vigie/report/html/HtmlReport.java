package fr.vigie.report.html;

import static fr.vigie.report.ReportPart.APPENDIX;
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
import fr.vigie.workspace.WorkspaceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The report as one HTML document, section by section in the order of report.md, from the audit's
 * result and the parts streamed while the deals came. For the screen it is a page a browser shows
 * and prints; for the PDF it also has a title page, a table of contents with page numbers,
 * bookmarks and running footers. Every word comes from the report bundle; every value from the data
 * is escaped.
 */
final class HtmlReport {

    /**
     * One section of the report: its anchor, its title (HTML), and whether it starts a new page.
     */
    record Section(
            String id, String title, boolean chapter, ReportPart part, Consumer<Writer> body) {}

    /** How many rules the CEO's part lists in "findings by rule"; the appendix lists them all. */
    static final int RULES_SHOWN = 10;

    private final AuditResult result;
    private final AuditScope scope;
    private final AuditSummary summary;
    private final Words words;
    private final ReportText text;
    private final HtmlParts parts;
    private final Medium medium;
    private final ReportPart part;
    private final SvgCharts charts = new SvgCharts();

    HtmlReport(AuditResult result, Words words, HtmlParts parts, Medium medium, ReportPart part) {
        this.result = result;
        this.scope = result.scope();
        this.summary = result.summary();
        this.words = words;
        this.text = words.text();
        this.parts = parts;
        this.medium = medium;
        this.part = part;
    }

    void write(Writer out) {
        List<Section> sections = sections().stream().filter(s -> s.part() == part).toList();
        w(
                out,
                "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
                        + Html.escape(text.locale().getLanguage())
                        + "\">\n"
                        + "<head>\n"
                        + "<meta charset=\"utf-8\" />\n"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\""
                        + " />\n"
                        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
                        + " 'none'; style-src 'unsafe-inline'; img-src data:\" />\n"
                        + "<meta name=\"generator\" content=\"Vigie\" />\n"
                        + "<title>"
                        + words.get(
                                part == ReportPart.MAIN ? "md.title" : "md.title.appendix",
                                settings().client(),
                                scope.period().label())
                        + "</title>\n"
                        + "<link rel=\"icon\" href=\"data:,\" />\n<style>\n"
                        + Styles.css(medium, text)
                        + "</style>\n");
        if (medium == Medium.PDF) {
            w(out, "<bookmarks>\n");
            sections.forEach(
                    s ->
                            w(
                                    out,
                                    "<bookmark name=\""
                                            + s.title()
                                            + "\" href=\"#"
                                            + s.id()
                                            + "\"></bookmark>\n"));
            w(out, "</bookmarks>\n");
        }
        w(out, "</head>\n<body class=\"" + (medium == Medium.PDF ? "pdf" : "screen") + "\">\n");
        if (medium == Medium.PDF) {
            w(
                    out,
                    "<div class=\"running-footer\">"
                            + Html.escape(settings().client())
                            + " · "
                            + Html.escape(scope.period().label())
                            + "</div>\n");
        }
        w(out, "<div class=\"page\">\n");
        writeCover(out);
        writeContents(out, sections);
        w(out, "<main>\n");
        for (Section section : sections) {
            w(
                    out,
                    "<section id=\""
                            + section.id()
                            + "\" class=\""
                            + (section.chapter() ? "chapter" : "part")
                            + "\">\n<h2>"
                            + section.title()
                            + "</h2>\n");
            section.body().accept(out);
            w(out, "</section>\n");
        }
        if (part == ReportPart.MAIN) {
            w(
                    out,
                    "<p class=\"more appendix-elsewhere\">"
                            + words.get("html.appendix.elsewhere")
                            + "</p>\n");
        }
        w(
                out,
                "</main>\n<footer class=\"colophon\"><p>"
                        + words.get("html.colophon")
                        + "</p></footer>\n</div>\n</body>\n</html>\n");
    }

    /**
     * The sections, in the order of report.md; those with nothing to show are left out, as there.
     */
    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(
                new Section("summary", words.get("md.summary"), true, MAIN, this::writeSummary));
        sections.add(
                new Section(
                        "effectiveness",
                        words.get("md.effectiveness"),
                        true,
                        MAIN,
                        this::writeEffectiveness));
        sections.add(new Section("pays", words.get("md.pays"), true, MAIN, this::writeProcessPays));
        sections.add(new Section("breaks", words.get("md.breaks"), true, MAIN, this::writeFunnel));
        if (!summary.byRule().isEmpty()) {
            sections.add(
                    new Section(
                            "by-rule",
                            words.get("md.byRule"),
                            false,
                            MAIN,
                            out -> writeByRule(out, RULES_SHOWN, false)));
        }
        if (!summary.byStage().isEmpty()) {
            sections.add(
                    new Section(
                            "by-stage", words.get("md.byStage"), false, MAIN, this::writeByStage));
        }
        if (!summary.people().isEmpty()) {
            sections.add(
                    new Section(
                            "by-owner", words.get("md.byOwner"), false, MAIN, this::writeByOwner));
        }
        if (result.hasPlanTopics()) {
            sections.add(new Section("plan", words.get("md.plan"), true, MAIN, this::writePlan));
        }
        if (!summary.worthALook().isEmpty()) {
            sections.add(
                    new Section(
                            "spotlights",
                            words.get("md.spotlights"),
                            true,
                            MAIN,
                            this::writeSpotlights));
        }
        sections.add(
                new Section(
                        "recommendations",
                        words.get("md.recommendations"),
                        true,
                        MAIN,
                        this::writeRecommendations));
        sections.add(
                new Section(
                        "appendix",
                        words.get("md.appendix"),
                        true,
                        APPENDIX,
                        out ->
                                w(
                                        out,
                                        "<p class=\"intro\">"
                                                + words.get("html.appendix.intro")
                                                + "</p>\n")));
        if (!summary.byRule().isEmpty()) {
            sections.add(
                    new Section(
                            "all-rules",
                            words.get("md.byRule"),
                            false,
                            APPENDIX,
                            out -> writeByRule(out, Integer.MAX_VALUE, true)));
        }
        if (!scope.planFindings().isEmpty()) {
            sections.add(
                    new Section(
                            "plan-written",
                            words.get("md.plan.written", text.number(scope.planFindings().size())),
                            false,
                            APPENDIX,
                            this::writePlanFindings));
        }
        sections.add(
                new Section(
                        "findings",
                        words.get("md.findings"),
                        false,
                        APPENDIX,
                        this::writeFindings));
        if (!result.waivers().isEmpty()) {
            sections.add(
                    new Section(
                            "waived",
                            words.get("md.waived", text.number(result.waivers().findings())),
                            false,
                            APPENDIX,
                            this::writeWaivers));
        }
        List<SettingInForce> settings = result.settings();
        if (!settings.isEmpty()) {
            sections.add(
                    new Section(
                            "settings",
                            words.get("md.overrides"),
                            false,
                            APPENDIX,
                            out -> writeSettings(out, settings)));
        }
        sections.add(
                new Section(
                        "rejected",
                        words.get("md.rejected"),
                        false,
                        APPENDIX,
                        this::writeRejected));
        sections.add(
                new Section(
                        "catalogue",
                        words.get("md.catalogue"),
                        false,
                        APPENDIX,
                        this::writeCatalogue));
        return sections;
    }

    private void writeCover(Writer out) {
        w(
                out,
                "<header class=\"cover\">\n<p class=\"eyebrow\">"
                        + words.get(part == MAIN ? "html.eyebrow" : "html.eyebrow.appendix")
                        + "</p>\n<h1>"
                        + Html.escape(settings().client())
                        + "</h1>\n"
                        + "<p class=\"cover-period\">"
                        + words.get("html.cover.period", scope.period().label())
                        + "</p>\n"
                        + "<p class=\"cover-dates\">"
                        + words.get(
                                "md.period",
                                text.date(scope.period().start()),
                                text.date(scope.period().lastDay()))
                        + "</p>\n"
                        + "<p class=\"cover-processes\">"
                        + words.get(
                                "md.processes",
                                Html.raw(
                                        scope.workspace().processes().stream()
                                                .map(
                                                        p ->
                                                                "<span class=\"process\">"
                                                                        + Html.escape(p.title())
                                                                        + " <span"
                                                                        + " class=\"versions\">("
                                                                        + Html.escape(
                                                                                p
                                                                                        .versions()
                                                                                        .stream()
                                                                                        .map(
                                                                                                v ->
                                                                                                        v
                                                                                                                .version())
                                                                                        .collect(
                                                                                                Collectors
                                                                                                        .joining(
                                                                                                                ", ")))
                                                                        + ")</span></span>")
                                                .collect(
                                                        Collectors.joining(
                                                                "<span class=\"sep\"> · </span>"))))
                        + "</p>\n");
        if (medium == Medium.PDF && part == MAIN) {
            w(
                    out,
                    "<div class=\"cover-figures\"><p class=\"cover-figure\"><span"
                            + " class=\"cover-value\">"
                            + Html.escape(text.percent(summary.conformityRate()))
                            + "</span><span class=\"cover-label\">"
                            + words.get("html.kpi.conformity")
                            + "</span><span class=\"cover-definition\">"
                            + words.get("md.conformity.definition")
                            + "</span></p><p class=\"cover-figure\"><span class=\"cover-value\">"
                            + Html.escape(text.number(summary.dealsAudited()))
                            + "</span><span class=\"cover-label\">"
                            + words.get("html.kpi.deals")
                            + "</span><span class=\"cover-definition\">"
                            + Html.escape(
                                    text.amounts(summary.amountByCurrency(), settings().currency()))
                            + "</span></p></div>\n");
        }
        w(out, "</header>\n");
    }

    /**
     * The table of contents: every section with its page in the PDF; the chapters alone, in a line,
     * atop the page on screen.
     */
    private void writeContents(Writer out, List<Section> sections) {
        w(
                out,
                "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n"
                        + "<p class=\"toc-title\" id=\"toc-title\">"
                        + words.get("html.toc")
                        + "</p>\n<ol>\n");
        for (Section section : sections) {
            if (medium == Medium.PDF || section.chapter()) {
                w(
                        out,
                        "<li class=\""
                                + (section.chapter() ? "toc-chapter" : "toc-part")
                                + "\"><a href=\"#"
                                + section.id()
                                + "\">"
                                + section.title()
                                + "</a></li>\n");
            }
        }
        w(out, "</ol>\n</nav>\n");
    }

    // ------------------------------------------------------------------------------ summary

    private void writeSummary(Writer out) {
        AuditSummary s = summary;
        w(out, "<div class=\"kpis\">\n");
        w(
                out,
                "<div class=\"kpi\"><p class=\"kpi-label\">"
                        + words.get("html.kpi.deals")
                        + "</p><p class=\"kpi-value\" id=\"figure-deals\">"
                        + Html.escape(text.number(s.dealsAudited()))
                        + "</p><p class=\"kpi-note\" id=\"figure-amount\">"
                        + Html.escape(text.amounts(s.amountByCurrency(), settings().currency()))
                        + "</p><p class=\"kpi-note\">"
                        + words.get(
                                "md.outcomes",
                                text.number(s.won()),
                                text.number(s.lost()),
                                text.number(s.open()))
                        + "</p></div>\n");
        w(
                out,
                "<div class=\"kpi kpi-main\"><p class=\"kpi-label\">"
                        + words.get("html.kpi.conformity")
                        + "</p><p class=\"kpi-value\" id=\"figure-conformity\">"
                        + Html.escape(text.percent(s.conformityRate()))
                        + "</p><p class=\"definition\">"
                        + words.get("md.conformity.definition")
                        + "</p>"
                        + charts.rate(
                                s.conformityRate(),
                                result.previous() == null
                                        ? null
                                        : result.previous().conformityRate())
                        + "<p class=\"kpi-note\">"
                        + words.get(
                                "html.kpi.conforming",
                                (long) s.conformingDeals(),
                                (long) s.dealsAudited())
                        + "</p>");
        if (result.previous() != null) {
            w(
                    out,
                    "<p class=\"kpi-note previous\">"
                            + words.get(
                                    "html.kpi.previous",
                                    text.signedPoints(result.previous().change()),
                                    result.previous().period(),
                                    text.percent(result.previous().conformityRate()))
                            + "</p>");
        }
        w(out, "</div>\n");
        w(
                out,
                "<div class=\"kpi\"><p class=\"kpi-label\">"
                        + words.get("html.kpi.findings")
                        + "</p><p class=\"kpi-value\" id=\"figure-findings\">"
                        + Html.escape(text.number(s.findings()))
                        + "</p><ul class=\"severity-counts\">");
        for (Severity severity : bySeverity()) {
            w(
                    out,
                    "<li>"
                            + parts.severity(severity)
                            + " <span class=\"count\" id=\"figure-"
                            + severity.code()
                            + "\">"
                            + Html.escape(
                                    text.number(s.findingsBySeverity().getOrDefault(severity, 0L)))
                            + "</span></li>");
        }
        long waived = result.waivers().findings();
        w(
                out,
                "</ul>"
                        + (waived > 0
                                ? "<p class=\"kpi-note\">"
                                        + words.get("md.waived.count", text.number(waived))
                                        + "</p>"
                                : "")
                        + "</div>\n");
        Effectiveness e = result.effectiveness();
        w(
                out,
                "<div class=\"kpi\"><p class=\"kpi-label\">"
                        + words.get("html.kpi.won")
                        + "</p><p class=\"kpi-value\" id=\"figure-won\">"
                        + Html.escape(amount(e.wonRevenue()))
                        + "</p>"
                        + (e.target() == null
                                ? ""
                                : charts.bullet(
                                        e.wonRevenue(), e.target(), e.wonRevenue().max(e.target())))
                        + "<p class=\"kpi-note\">"
                        + (e.target() == null
                                ? words.get("html.kpi.noTarget")
                                : words.get(
                                        "html.kpi.target",
                                        amount(e.target()),
                                        text.percent(e.attainment())))
                        + "</p></div>\n</div>\n");
        if (!s.coverage().isFull()) {
            w(
                    out,
                    "<div class=\"not-assessable\"><p>"
                            + words.get("md.notAssessable")
                            + "</p>\n<ul>\n");
            for (var gap : s.coverage().notAssessable()) {
                w(
                        out,
                        "<li>"
                                + Html.escape(
                                        text.notAssessable(gap, gap.title(), s.dealsAudited()))
                                + "</li>\n");
            }
            w(out, "</ul></div>\n");
        }
        String tooManyRejected = text.rejectedWarning(result);
        if (tooManyRejected != null) {
            w(
                    out,
                    "<p class=\"rejected-warning\"><strong>"
                            + Html.escape(tooManyRejected.replace("**", ""))
                            + "</strong></p>\n");
        }
        w(
                out,
                "<p class=\"reconciliation\">"
                        + text.reconciliation(s, settings().dealsInPeriod())
                        + (s.reconciles()
                                ? ""
                                : " <strong class=\"broken\">"
                                        + words.get("html.reconciliation.broken")
                                        + "</strong>"));
        if (s.eventsRead() > 0) {
            w(
                    out,
                    "<br />"
                            + words.get(
                                    "md.events",
                                    text.number(s.eventsRead()),
                                    text.number(s.eventsRead() - s.eventsRejected()),
                                    text.number(s.eventsRejected())));
        }
        w(out, "</p>\n");
        if (!result.actions().isEmpty()) {
            w(out, "<h3>" + words.get("md.actions") + "</h3>\n<ol class=\"actions\">\n");
            for (Recommendation action : result.actions()) {
                w(
                        out,
                        "<li><p class=\"action-text\">"
                                + Html.escape(action.message())
                                + "</p><p class=\"lever\">"
                                + Html.escape(text.lever(action.lever()))
                                + "</p></li>\n");
            }
            w(out, "</ol>\n");
        }
        if (result.hasPlanTopics()) {
            w(
                    out,
                    "<aside class=\"headline\"><p>"
                            + words.get(
                                    "md.plan.headline",
                                    (long) scope.planFindings().size(),
                                    (long) s.findings(RuleInfo.Topic.STRATEGY),
                                    amount(s.atStake(RuleInfo.Topic.STRATEGY)),
                                    s.findings(RuleInfo.Topic.RIGHTS))
                            + "</p></aside>\n");
        }
    }

    // -------------------------------------------------------------------------- effectiveness

    private void writeEffectiveness(Writer out) {
        Effectiveness e = result.effectiveness();
        w(
                out,
                "<p class=\"intro\">"
                        + words.get("md.effectiveness.intro")
                        + "</p>\n<p class=\"lead\">"
                        + (e.target() == null
                                ? words.get("md.won.noTarget", amount(e.wonRevenue()))
                                : words.get(
                                        "md.won.target",
                                        amount(e.wonRevenue()),
                                        amount(e.target()),
                                        text.percent(e.attainment())))
                        + "</p>\n");
        writeRows(out, words.get("html.effectiveness.teams"), words.get("md.col.team"), e.teams());
        writeRows(
                out, words.get("html.effectiveness.people"), words.get("md.col.owner"), e.people());
    }

    private void writeRows(Writer out, String title, String who, List<Effectiveness.Row> rows) {
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
        w(
                out,
                "<h3>"
                        + title
                        + "</h3>\n"
                        + "<div class=\"figure\">\n"
                        + "<table class=\"bullets\">\n"
                        + "<thead><tr><th scope=\"col\">"
                        + who
                        + "</th><th scope=\"col\" class=\"chart-col\">"
                        + words.get("html.bullet.legend")
                        + "</th><th scope=\"col\" class=\"num\">"
                        + words.get("md.col.attainment")
                        + "</th></tr></thead>\n<tbody>\n");
        for (Effectiveness.Row row : rows) {
            w(
                    out,
                    "<tr><th scope=\"row\">"
                            + Html.escape(row.name() == null ? text.get("md.noTeam") : row.name())
                            + "</th><td class=\"chart-col\">"
                            + charts.bullet(row.figures().wonAmount(), row.quota(), max)
                            + "</td><td class=\"num"
                            + (below(row) ? " below" : "")
                            + "\">"
                            + (row.attainment() == null
                                    ? "—"
                                    : Html.escape(text.percent(row.attainment())))
                            + "</td></tr>\n");
        }
        w(out, "</tbody>\n</table>\n</div>\n");
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data wide\">\n"
                    + "<thead><tr><th></th><th scope=\"colgroup\" colspan=\"3\" class=\"group\">"
                        + words.get("html.col.effectiveness")
                        + "</th><th scope=\"colgroup\" colspan=\"6\" class=\"group\">"
                        + words.get("html.col.efficiency")
                        + "</th></tr>\n"
                        + "<tr><th scope=\"col\">"
                        + who
                        + "</th>"
                        + numHeads(
                                "md.col.won",
                                "md.col.quota",
                                "md.col.attainment",
                                "md.col.deals",
                                "md.col.winRate",
                                "md.col.perActivity",
                                "md.col.perDeal",
                                "md.col.cycle",
                                "md.col.discountGiven")
                        + "</tr></thead>\n<tbody>\n");
        for (Effectiveness.Row row : rows) {
            Figures f = row.figures();
            w(
                    out,
                    "<tr><th scope=\"row\">"
                            + Html.escape(row.name() == null ? text.get("md.noTeam") : row.name())
                            + "</th>"
                            + nums(
                                    amount(f.wonAmount()),
                                    row.quota() == null ? "—" : amount(row.quota()),
                                    row.attainment() == null ? "—" : text.percent(row.attainment()),
                                    text.number(f.deals()),
                                    optionalPercent(f.winRate()),
                                    optionalAmount(f.revenuePerActivity()),
                                    optionalAmount(f.revenuePerDeal()),
                                    days(f.averageCycleDays()),
                                    amount(f.discountGiven()))
                            + "</tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
    }

    private static boolean below(Effectiveness.Row row) {
        return row.attainment() != null && row.attainment().compareTo(BigDecimal.valueOf(100)) < 0;
    }

    // ------------------------------------------------------------------------ does it pay

    private void writeProcessPays(Writer out) {
        Figures followed = summary.followed();
        Figures deviated = summary.deviated();
        w(
                out,
                "<p class=\"intro\">"
                        + words.get("md.pays.intro")
                        + "</p>\n<div class=\"figure pays\">\n<table class=\"bars\">\n<tbody>\n");
        payRow(
                out,
                "md.col.winRate",
                followed.winRate(),
                deviated.winRate(),
                optionalPercent(followed.winRate()),
                optionalPercent(deviated.winRate()),
                words.get("html.pays.base.closed", (long) followed.closed()),
                words.get("html.pays.base.closed", (long) deviated.closed()));
        payRow(
                out,
                "md.col.avgDiscount",
                followed.averageDiscount(),
                deviated.averageDiscount(),
                optionalPercent(followed.averageDiscount()),
                optionalPercent(deviated.averageDiscount()),
                words.get("html.pays.base.won", (long) followed.won()),
                words.get("html.pays.base.won", (long) deviated.won()));
        payRow(
                out,
                "md.col.cycle",
                followed.averageCycleDays(),
                deviated.averageCycleDays(),
                days(followed.averageCycleDays()),
                days(deviated.averageCycleDays()),
                words.get("html.pays.base.won", (long) followed.won()),
                words.get("html.pays.base.won", (long) deviated.won()));
        w(
                out,
                "</tbody>\n</table>\n<p class=\"legend\">"
                        + charts.swatch(false, SvgCharts.ACCENT)
                        + " "
                        + words.get("md.pays.followed")
                        + " "
                        + charts.swatch(true, SvgCharts.INK)
                        + " "
                        + words.get("md.pays.deviated")
                        + "</p>\n</div>\n");
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr><th></th>"
                        + numHeads(
                                "md.col.deals",
                                "md.col.closed",
                                "md.col.winRate",
                                "md.col.avgDiscount",
                                "md.col.cycle")
                        + "</tr></thead>\n<tbody>\n");
        for (var row :
                List.of(
                        Map.entry("md.pays.followed", followed),
                        Map.entry("md.pays.deviated", deviated))) {
            Figures f = row.getValue();
            w(
                    out,
                    "<tr><th scope=\"row\">"
                            + words.get(row.getKey())
                            + "</th>"
                            + nums(
                                    text.number(f.deals()),
                                    text.number(f.closed()),
                                    optionalPercent(f.winRate()),
                                    optionalPercent(f.averageDiscount()),
                                    days(f.averageCycleDays()))
                            + "</tr>\n");
        }
        w(
                out,
                "</tbody>\n</table></div>\n<p class=\"caution\">"
                        + words.get("md.pays.caution")
                        + "</p>\n<p class=\"caution counts\">"
                        + Html.escape(text.payCounts(summary))
                        + "</p>\n");
        if (summary.comparableStages().isEmpty()) {
            return;
        }
        w(
                out,
                "<p class=\"intro\"><strong>"
                        + words.get("md.pays.sameStage.title")
                        + "</strong> "
                        + words.get("md.pays.sameStage")
                        + "</p>\n<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr>"
                        + heads("md.col.stage")
                        + numHeads("md.pays.sameStage.followed", "md.pays.sameStage.deviated")
                        + heads("md.pays.sameStage.difference")
                        + "</tr></thead>\n<tbody>\n");
        for (AuditSummary.SameStage stage : summary.comparableStages()) {
            w(
                    out,
                    "<tr><th scope=\"row\">"
                            + Html.escape(stage.label())
                            + " <span class=\"process\">("
                            + Html.escape(stage.process())
                            + ")</span></th>"
                            + nums(text.winRate(stage.followed()), text.winRate(stage.deviated()))
                            + "<td>"
                            + words.get(
                                    stage.significant()
                                            ? "md.pays.significant"
                                            : "md.pays.notSignificant")
                            + "</td></tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
        if (!summary.processToReview().isEmpty()) {
            AuditSummary.SameStage stage = summary.processToReview().get(0);
            w(
                    out,
                    "<p class=\"caution\">"
                            + words.get(
                                    "md.pays.reviewProcess",
                                    stage.label(),
                                    text.percent(stage.deviated().percent()),
                                    text.percent(stage.followed().percent()),
                                    text.lever(fr.vigie.audit.model.Lever.PROCESS))
                            + "</p>\n");
        } else {
            boolean anySignificant =
                    summary.comparableStages().stream()
                            .anyMatch(AuditSummary.SameStage::significant);
            w(
                    out,
                    "<p class=\"caution\">"
                            + words.get(
                                    anySignificant ? "md.pays.processPays" : "md.pays.noDifference")
                            + "</p>\n");
        }
    }

    private void payRow(
            Writer out,
            String metric,
            BigDecimal a,
            BigDecimal b,
            String aText,
            String bText,
            String aBase,
            String bBase) {
        BigDecimal max = (a == null ? BigDecimal.ZERO : a).max(b == null ? BigDecimal.ZERO : b);
        w(
                out,
                "<tr class=\"metric\"><th scope=\"rowgroup\" colspan=\"4\">"
                        + words.get(metric)
                        + "</th></tr>\n");
        w(
                out,
                "<tr><th scope=\"row\">"
                        + words.get("md.pays.followed")
                        + "</th><td class=\"chart-col\">"
                        + charts.bar(a, max, false, 260)
                        + "</td><td class=\"num\">"
                        + Html.escape(aText)
                        + "</td><td class=\"base\">"
                        + aBase
                        + "</td></tr>\n");
        w(
                out,
                "<tr><th scope=\"row\">"
                        + words.get("md.pays.deviated")
                        + "</th><td class=\"chart-col\">"
                        + charts.bar(b, max, true, 260)
                        + "</td><td class=\"num\">"
                        + Html.escape(bText)
                        + "</td><td class=\"base\">"
                        + bBase
                        + "</td></tr>\n");
    }

    // ------------------------------------------------------------------------ where it breaks

    private void writeFunnel(Writer out) {
        w(out, "<p class=\"intro\">" + words.get("html.funnel.intro") + "</p>\n");
        Map<String, List<AuditSummary.FunnelStep>> byProcess = new java.util.LinkedHashMap<>();
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
                    w(
                            out,
                            "<h3>"
                                    + words.get("md.funnel", process)
                                    + "</h3>\n"
                                    + "<div class=\"table-wrap\"><table class=\"data funnel\">\n"
                                    + "<thead><tr><th scope=\"col\">"
                                    + words.get("md.col.stage")
                                    + "</th><th scope=\"col\" class=\"chart-col\"></th>"
                                    + numHeads(
                                            "md.col.reached",
                                            "md.col.flaggedHere",
                                            "md.col.stepConformity")
                                    + "</tr></thead>\n<tbody>\n");
                    for (AuditSummary.FunnelStep step : steps) {
                        w(
                                out,
                                "<tr"
                                        + (step.terminal() ? " class=\"terminal\"" : "")
                                        + "><th scope=\"row\">"
                                        + Html.escape(step.label())
                                        + "</th><td class=\"chart-col\">"
                                        + charts.funnel(step.reached(), step.flagged(), widest)
                                        + "</td>"
                                        + nums(
                                                text.number(step.reached()),
                                                text.number(step.flagged()),
                                                step.conformity() == null
                                                        ? "—"
                                                        : text.percent(step.conformity()))
                                        + "</tr>\n");
                    }
                    w(out, "</tbody>\n</table></div>\n");
                });
        w(
                out,
                "<p class=\"legend\">"
                        + charts.swatch(false, SvgCharts.ACCENT)
                        + " "
                        + words.get("html.funnel.legend.ok")
                        + " "
                        + charts.swatch(true, SvgCharts.FLAG)
                        + " "
                        + words.get("html.funnel.legend.flagged")
                        + "</p>\n");
    }

    /**
     * The rules by findings: the first {@code shown} (the CEO's part, by title, without their
     * codes), or all of them with their codes (the appendix).
     */
    private void writeByRule(Writer out, int shown, boolean withCode) {
        long max =
                summary.byRule().stream()
                        .mapToLong(AuditSummary.RuleCount::findings)
                        .max()
                        .orElse(1);
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr>"
                        + (withCode ? heads("md.col.rule") : "")
                        + heads("md.col.title", "md.col.severity", "md.col.lever")
                        + numHeads("md.col.findings")
                        + "<th scope=\"col\" class=\"chart-col spark\"></th>"
                        + numHeads("md.col.deals")
                        + "</tr></thead>\n<tbody>\n");
        for (AuditSummary.RuleCount r : summary.byRule().stream().limit(shown).toList()) {
            w(
                    out,
                    "<tr>"
                            + (withCode
                                    ? "<td><code class=\"rule\">"
                                            + Html.escape(r.rule())
                                            + "</code></td>"
                                    : "")
                            + "<td>"
                            + Html.escape(r.title())
                            + "</td><td class=\"sev-cell\">"
                            + parts.severity(r.severity())
                            + "</td><td class=\"lever-cell\">"
                            + Html.escape(text.lever(r.lever()))
                            + "</td>"
                            + nums(text.number(r.findings()))
                            + "<td class=\"chart-col spark\">"
                            + charts.bar(
                                    BigDecimal.valueOf(r.findings()),
                                    BigDecimal.valueOf(max),
                                    false,
                                    80)
                            + "</td>"
                            + nums(text.number(r.deals()))
                            + "</tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
        long others = Math.max(0, summary.byRule().size() - (long) shown);
        if (others > 0) {
            w(out, "<p class=\"more\">" + words.get("html.byRule.more", others) + "</p>\n");
        }
    }

    private void writeByStage(Writer out) {
        long max =
                summary.byStage().stream()
                        .mapToLong(AuditSummary.StageCount::findings)
                        .max()
                        .orElse(1);
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data narrow\">\n<thead><tr>"
                        + heads("md.col.stage")
                        + numHeads("md.col.findings")
                        + "<th scope=\"col\" class=\"chart-col spark\"></th>"
                        + numHeads("md.col.deals")
                        + "</tr></thead>\n<tbody>\n");
        for (AuditSummary.StageCount st : summary.byStage()) {
            w(
                    out,
                    "<tr><th scope=\"row\">"
                            + Html.escape(st.label())
                            + "</th>"
                            + nums(text.number(st.findings()))
                            + "<td class=\"chart-col spark\">"
                            + charts.bar(
                                    BigDecimal.valueOf(st.findings()),
                                    BigDecimal.valueOf(max),
                                    false,
                                    120)
                            + "</td>"
                            + nums(text.number(st.deals()))
                            + "</tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
    }

    private void writeByOwner(Writer out) {
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data narrow\">\n<thead><tr>"
                        + heads("md.col.owner", "md.col.team")
                        + numHeads("md.col.deals", "md.col.dealsWithFindings", "md.col.findings")
                        + "</tr></thead>\n<tbody>\n");
        for (AuditSummary.PersonFigures o : summary.people()) {
            w(
                    out,
                    "<tr><th scope=\"row\">"
                            + Html.escape(settings().displayName(o.owner()))
                            + "</th><td>"
                            + Html.escape(o.team() == null ? text.get("md.noTeam") : o.team())
                            + "</td>"
                            + nums(
                                    text.number(o.figures().deals()),
                                    text.number(o.figures().dealsWithFindings()),
                                    text.number(o.figures().findings()))
                            + "</tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
    }

    // ------------------------------------------------------------------- strategy and tactics

    private void writePlan(Writer out) {
        w(
                out,
                "<p class=\"intro\">"
                        + words.get("md.plan.intro")
                        + "</p>\n<h3>"
                        + words.get("md.plan.written", text.number(scope.planFindings().size()))
                        + "</h3>\n");
        if (scope.planFindings().isEmpty()) {
            w(out, "<p class=\"none\">" + words.get("md.plan.written.none") + "</p>\n");
        } else {
            w(out, "<ul class=\"findings\">\n");
            scope.planFindings()
                    .forEach(
                            f ->
                                    w(
                                            out,
                                            "<li>"
                                                    + parts.severity(f.severity())
                                                    + " <span class=\"msg\">"
                                                    + Html.escape(ForTheReader.sentence(f))
                                                    + "</span></li>\n"));
            w(out, "</ul>\n");
        }
        writeTopic(out, RuleInfo.Topic.STRATEGY, "md.plan.decisions", true);
        writeTopic(out, RuleInfo.Topic.RIGHTS, "md.plan.rights", false);
    }

    /** The written contradictions in full, with their rules, places and ids: for the appendix. */
    private void writePlanFindings(Writer out) {
        w(out, "<ul class=\"findings\">\n");
        scope.planFindings().forEach(f -> w(out, "<li>" + parts.finding(f) + "</li>\n"));
        w(out, "</ul>\n");
    }

    private void writeTopic(Writer out, RuleInfo.Topic topic, String title, boolean withAmounts) {
        List<AuditSummary.RuleCount> rules = summary.dealRules(topic);
        w(out, "<h3>" + words.get(title, text.number(summary.findings(topic))) + "</h3>\n");
        if (rules.isEmpty()) {
            w(out, "<p class=\"none\">" + words.get(title + ".none") + "</p>\n");
            return;
        }
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr>"
                        + heads("md.col.title")
                        + numHeads("md.col.findings", "md.col.deals")
                        + (withAmounts ? numHeads("md.col.atStake") : "")
                        + "</tr></thead>\n<tbody>\n");
        for (AuditSummary.RuleCount r : rules) {
            w(
                    out,
                    "<tr><td>"
                            + Html.escape(r.title())
                            + "</td>"
                            + nums(text.number(r.findings()), text.number(r.deals()))
                            + (withAmounts
                                    ? nums(r.atStake().signum() == 0 ? "—" : amount(r.atStake()))
                                    : "")
                            + "</tr>\n");
        }
        w(out, "</tbody>\n");
        if (withAmounts) {
            w(
                    out,
                    "<tfoot><tr><th scope=\"row\">"
                            + words.get("md.total")
                            + "</th>"
                            + nums(text.number(summary.findings(topic)), "")
                            + nums(amount(summary.atStake(topic)))
                            + "</tr></tfoot>\n");
        }
        w(out, "</table></div>\n");
    }

    // ---------------------------------------------------------------------------- spotlights

    private void writeSpotlights(Writer out) {
        java.time.ZoneId zone = settings().zone();
        w(out, "<p class=\"intro\">" + words.get("md.spotlights.intro") + "</p>\n");
        for (AuditSummary.Spotlight spotlight : summary.worthALook()) {
            AuditedDeal deal = spotlight.deal();
            Set<String> flagged = new HashSet<>();
            spotlight.findings().forEach(f -> flagged.add(f.stage()));
            w(
                    out,
                    "<article class=\"spotlight\">\n<h3>"
                            + parts.dealTitle(deal)
                            + "</h3>\n<p class=\"deal-meta\">"
                            + parts.dealLine(deal)
                            + "</p>\n"
                            + "<p class=\"deal-stake\">"
                            + words.get(
                                    "md.spotlight.stake",
                                    amount(spotlight.atStake()),
                                    text.severity(spotlight.severity()))
                            + "</p>\n"
                            + "<div class=\"timeline\">"
                            + charts.timeline(deal.visits(), flagged)
                            + "\n<ol class=\"visits\">\n");
            for (var visit : deal.visits()) {
                boolean marked = flagged.contains(visit.stage());
                w(
                        out,
                        "<li"
                                + (marked ? " class=\"flagged\"" : "")
                                + "><span class=\"when\">"
                                + Html.escape(
                                        text.date(
                                                visit.enteredAt()
                                                        .atZoneSameInstant(zone)
                                                        .toLocalDate()))
                                + "</span> <span class=\"stage\">"
                                + (marked ? "<span class=\"mark\">⚠</span> " : "")
                                + Html.escape(visit.label())
                                + "</span>"
                                + (visit.terminal()
                                        ? ""
                                        : " <span class=\"days\">"
                                                + words.get("md.days", text.number(visit.days()))
                                                + "</span>")
                                + "</li>\n");
            }
            w(out, "</ol>\n</div>\n<ul class=\"findings\">\n");
            for (Folded folded : Folded.of(spotlight.findings())) {
                Finding finding = folded.cause();
                w(
                        out,
                        "<li>"
                                + parts.severity(finding.severity())
                                + " <span class=\"msg\">"
                                + Html.escape(ForTheReader.sentence(finding))
                                + "</span>"
                                + (folded.consequences().isEmpty()
                                        ? ""
                                        : " <span class=\"consequences\">"
                                                + Html.escape(
                                                        text.get(
                                                                "md.consequences",
                                                                folded.consequences().size()))
                                                + "</span>")
                                + "</li>\n");
            }
            w(out, "</ul>\n</article>\n");
        }
    }

    // ----------------------------------------------------------------------- recommendations

    private void writeRecommendations(Writer out) {
        if (result.recommendations().isEmpty()) {
            w(out, "<p class=\"none\">" + words.get("md.recommendations.none") + "</p>\n");
            return;
        }
        w(out, "<p class=\"intro\">" + words.get("md.recommendations.intro") + "</p>\n");
        for (Lever lever : Lever.values()) {
            List<Recommendation> ofLever =
                    result.recommendations().stream().filter(r -> r.lever() == lever).toList();
            if (ofLever.isEmpty()) {
                continue;
            }
            w(
                    out,
                    "<div class=\"lever-group\">\n<h3>"
                            + Html.escape(text.lever(lever))
                            + "</h3>\n<ul class=\"recommendations\">\n");
            for (Recommendation recommendation : ofLever) {
                w(
                        out,
                        "<li>"
                                + Html.escape(recommendation.message())
                                + (recommendation.atStake().signum() > 0
                                        ? " <span class=\"stake\">"
                                                + words.get(
                                                        "md.recommendation.stake",
                                                        amount(recommendation.atStake()))
                                                + "</span>"
                                        : "")
                                + "</li>\n");
            }
            w(out, "</ul>\n</div>\n");
        }
    }

    // ------------------------------------------------------------------------------ appendix

    private void writeFindings(Writer out) {
        if (summary.findings() == 0) {
            w(out, "<p class=\"none\">" + words.get("md.findings.none") + "</p>\n");
        }
        parts.copyFindings(out);
        if (parts.dealsNotShown() > 0) {
            w(
                    out,
                    "<p class=\"more\">"
                            + words.get(
                                    medium == Medium.PDF
                                            ? "html.findings.more"
                                            : "html.findings.more.screen",
                                    (long) parts.dealsNotShown())
                            + "</p>\n");
        }
    }

    private void writeWaivers(Writer out) {
        w(
                out,
                "<p class=\"intro\">"
                        + words.get("md.waived.intro")
                        + "</p>\n<ul class=\"findings waived\">\n");
        parts.copyWaived(out);
        w(out, "</ul>\n");
        if (result.waivers().findings() == 0) {
            w(out, "<p class=\"none\">" + words.get("md.waived.none") + "</p>\n");
        }
        if (!result.waivers().expired().isEmpty() || !result.waivers().unused().isEmpty()) {
            w(out, "<ul class=\"warnings\">\n");
            for (Waiver waiver : result.waivers().expired()) {
                w(
                        out,
                        "<li>"
                                + words.get(
                                        "md.waiver.expired",
                                        String.valueOf(waiver.location()),
                                        Html.raw(describe(waiver)),
                                        text.date(waiver.until()))
                                + "</li>\n");
            }
            for (Waiver waiver : result.waivers().unused()) {
                w(
                        out,
                        "<li>"
                                + words.get(
                                        "md.waiver.unused",
                                        String.valueOf(waiver.location()),
                                        Html.raw(describe(waiver)))
                                + "</li>\n");
            }
            w(out, "</ul>\n");
        }
    }

    /** What a waiver accepts: a finding id, or a rule on a deal at a stage. */
    private String describe(Waiver waiver) {
        if (waiver.finding() != null) {
            return Html.escape(waiver.finding());
        }
        String rule = Html.escape(waiver.rule());
        if (waiver.deal() == null) {
            return rule;
        }
        return waiver.stage() == null
                ? words.get("html.waiver.onDeal", waiver.rule(), waiver.deal())
                : words.get(
                        "html.waiver.onDealAtStage", waiver.rule(), waiver.deal(), waiver.stage());
    }

    private void writeSettings(Writer out, List<SettingInForce> settings) {
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr>"
                        + heads("md.col.scope", "md.col.rule", "md.col.change", "md.col.reason")
                        + "</tr></thead>\n<tbody>\n");
        for (SettingInForce setting : settings) {
            List<String> changes = new ArrayList<>();
            if (setting.maxDays() != null) {
                changes.add(words.get("md.overrides.maxDays", setting.maxDays().toPlainString()));
            }
            if (setting.off()) {
                changes.add(words.get("md.overrides.off"));
            }
            if (setting.severity() != null) {
                changes.add(words.get("md.overrides.severity", text.severity(setting.severity())));
            }
            setting.params()
                    .forEach(
                            (name, value) ->
                                    changes.add(
                                            "<code>"
                                                    + Html.escape(name)
                                                    + "</code> = "
                                                    + Html.escape(value)));
            w(
                    out,
                    "<tr><td>"
                            + (setting.scope() == null
                                    ? words.get("md.overrides.all")
                                    : Html.escape(setting.scope()))
                            + "</td><td><code class=\"rule\">"
                            + Html.escape(setting.rule())
                            + "</code></td><td>"
                            + String.join(", ", changes)
                            + "</td><td>"
                            + Html.escape(setting.reason())
                            + " <span class=\"where\">("
                            + Html.escape(setting.location())
                            + ")</span></td></tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
    }

    private void writeRejected(Writer out) {
        if (summary.recordsRejected() + summary.eventsRejected() == 0) {
            w(out, "<p class=\"none\">" + words.get("md.rejected.none") + "</p>\n");
            return;
        }
        w(
                out,
                "<p class=\"intro\">"
                        + words.get("md.rejected.intro")
                        + "</p>\n<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr>"
                        + heads("md.col.where", "md.col.deal", "md.col.reason")
                        + "</tr></thead>\n<tbody>\n");
        parts.copyRejected(out);
        w(out, "</tbody>\n</table></div>\n");
        if (parts.rejectedCount() > HtmlParts.REJECTIONS_SHOWN) {
            w(
                    out,
                    "<p class=\"more\">"
                            + words.get(
                                    "md.rejected.more",
                                    parts.rejectedCount() - HtmlParts.REJECTIONS_SHOWN)
                            + "</p>\n");
        }
    }

    private void writeCatalogue(Writer out) {
        w(
                out,
                "<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr>"
                        + heads(
                                "md.col.rule",
                                "md.col.version",
                                "md.col.title",
                                "md.col.severity",
                                "md.col.lever")
                        + "</tr></thead>\n<tbody>\n");
        for (RuleUsed rule : result.rules()) {
            w(
                    out,
                    "<tr><td><code class=\"rule\">"
                            + Html.escape(rule.id())
                            + "</code></td><td>"
                            + Html.escape(rule.version())
                            + "</td><td>"
                            + Html.escape(rule.title())
                            + "</td><td class=\"sev-cell\">"
                            + parts.severity(rule.severity())
                            + "</td><td class=\"lever-cell\">"
                            + Html.escape(text.lever(rule.lever()))
                            + "</td></tr>\n");
        }
        w(out, "</tbody>\n</table></div>\n");
    }

    // ------------------------------------------------------------------------------- helpers

    private String heads(String... keys) {
        return Arrays.stream(keys)
                .map(k -> "<th scope=\"col\">" + words.get(k) + "</th>")
                .collect(Collectors.joining());
    }

    private String numHeads(String... keys) {
        return Arrays.stream(keys)
                .map(k -> "<th scope=\"col\" class=\"num\">" + words.get(k) + "</th>")
                .collect(Collectors.joining());
    }

    private static String nums(String... values) {
        return Arrays.stream(values)
                .map(v -> "<td class=\"num\">" + Html.escape(v) + "</td>")
                .collect(Collectors.joining());
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

    private static void w(Writer out, String html) {
        try {
            out.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
