package fr.vigie.report.html;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.Folded;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.common.Severity;
import fr.vigie.deals.input.Rejection;
import fr.vigie.workspace.WorkspaceSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the HTML that grow with the deals, written to side files as the deals come so that
 * memory stays flat: the findings deal by deal, the waived findings, the rejected records (the
 * first {@value #REJECTIONS_SHOWN}). Joined into the document at the end, then deleted.
 */
final class HtmlParts implements AutoCloseable {

    static final int REJECTIONS_SHOWN = 100;

    /**
     * A shape per severity, so that it reads without colour: ◆ critical, ▲ major, ● minor, ○ info.
     */
    private static final Map<Severity, String> MARKS =
            Map.of(
                    Severity.CRITICAL,
                    "\u25C6",
                    Severity.MAJOR,
                    "\u25B2",
                    Severity.MINOR,
                    "\u25CF",
                    Severity.INFO,
                    "\u25CB");

    /** The severity badges, made once each: every finding shows one. */
    private final Map<Severity, String> badges = new EnumMap<>(Severity.class);

    private final Path findingsPart;
    private final Path waivedPart;
    private final Path rejectedPart;
    private final Words words;
    private final WorkspaceSettings settings;
    private final BufferedWriter findings;
    private final BufferedWriter waived;
    private final BufferedWriter rejected;
    private long rejectedCount;
    private final long maxDeals;
    private long dealsWithFindings;
    private boolean closed;

    /**
     * {@code maxDeals}: how many deals with findings the appendix lists in full; the others are
     * counted.
     */
    HtmlParts(Path file, AuditScope scope, Words words, long maxDeals) {
        this.maxDeals = maxDeals;
        this.findingsPart = file.resolveSibling(file.getFileName() + ".findings.part");
        this.waivedPart = file.resolveSibling(file.getFileName() + ".waived.part");
        this.rejectedPart = file.resolveSibling(file.getFileName() + ".rejected.part");
        this.settings = scope.workspace().settings();
        this.words = words;
        try {
            findings = Files.newBufferedWriter(findingsPart, StandardCharsets.UTF_8);
            waived = Files.newBufferedWriter(waivedPart, StandardCharsets.UTF_8);
            rejected = Files.newBufferedWriter(rejectedPart, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scope.planWaived().forEach(this::waived);
    }

    public void audited(AuditedDeal deal, List<Finding> dealFindings) {
        if (dealFindings.isEmpty()) {
            return;
        }
        dealsWithFindings++;
        if (dealsWithFindings > maxDeals) {
            return;
        }
        StringBuilder html = new StringBuilder(512);
        html.append("<article class=\"deal\" id=\"")
                .append(Html.id("deal-", deal.id()))
                .append("\">\n<h3>")
                .append(dealTitle(deal))
                .append("</h3>\n")
                .append("<p class=\"deal-meta\">")
                .append(dealLine(deal))
                .append("</p>\n<ul class=\"findings\">\n");
        for (Folded folded : Folded.of(dealFindings)) {
            html.append("<li>").append(finding(folded.cause()));
            if (!folded.consequences().isEmpty()) {
                html.append("\n<p class=\"consequences-intro\">")
                        .append(words.get("md.consequences.intro"))
                        .append("</p>\n<ul class=\"consequences\">\n");
                folded.consequences()
                        .forEach(c -> html.append("<li>").append(finding(c)).append("</li>\n"));
                html.append("</ul>\n");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</article>\n");
        write(findings, html);
    }

    public void waived(AuditedDeal deal, List<WaivedFinding> dealWaived) {
        dealWaived.forEach(this::waived);
    }

    private void waived(WaivedFinding waivedFinding) {
        Finding f = waivedFinding.finding();
        Waiver waiver = waivedFinding.waiver();
        write(
                waived,
                "<li><code class=\"rule\">"
                        + Html.escape(f.rule())
                        + "</code> <span class=\"msg\">"
                        + Html.escape(f.message())
                        + "</span> <span class=\"fid\">"
                        + Html.escape(f.id())
                        + "</span><br />\n<span class=\"waiver\">"
                        + words.get(
                                "md.waived.line",
                                waiver.justification(),
                                settings.displayName(waiver.acceptedBy()),
                                words.text().date(waiver.until()),
                                String.valueOf(waiver.location()))
                        + "</span></li>\n");
    }

    public void rejected(Rejection rejection) {
        rejectedCount++;
        if (rejectedCount <= REJECTIONS_SHOWN) {
            write(
                    rejected,
                    "<tr><td class=\"where\">"
                            + Html.escape(rejection.location())
                            + "</td><td>"
                            + Html.escape(rejection.dealId() == null ? "—" : rejection.dealId())
                            + "</td><td>"
                            + Html.escape(rejection.why().in(words.text().locale()))
                            + "</td></tr>\n");
        }
    }

    /** "D-1042 — Ligne d'assemblage (Métallerie Rhône)", escaped. */
    String dealTitle(AuditedDeal deal) {
        return "<span class=\"deal-id\">"
                + Html.escape(deal.id())
                + "</span> "
                + (deal.name() == null ? "" : Html.escape(deal.name()) + " ")
                + "<span class=\"account\">("
                + Html.escape(deal.account())
                + ")</span>";
    }

    String dealLine(AuditedDeal deal) {
        return words.get(
                "md.deal.line",
                settings.displayName(deal.owner()),
                deal.team() == null ? words.text().get("md.noTeam") : deal.team(),
                deal.amount() == null
                        ? "—"
                        : words.text()
                                .amount(
                                        deal.amount(),
                                        deal.currency() == null
                                                ? settings.currency()
                                                : deal.currency()),
                words.text().outcome(deal.outcome()),
                deal.process() + " " + deal.processVersion());
    }

    /** One finding: its severity, its rule, the sentence, its id. */
    String finding(Finding finding) {
        return severity(finding.severity())
                + " <code class=\"rule\">"
                + Html.escape(finding.rule())
                + "</code> <span class=\"msg\">"
                + Html.escape(finding.message())
                + "</span> <span class=\"fid\">"
                + Html.escape(finding.id())
                + "</span>";
    }

    String severity(Severity severity) {
        return badges.computeIfAbsent(
                severity,
                s ->
                        "<span class=\"sev sev-"
                                + s.code()
                                + "\"><span class=\"sev-mark\" aria-hidden=\"true\">"
                                + MARKS.get(s)
                                + "</span>\u00A0"
                                + Html.escape(words.text().severity(s))
                                + "</span>");
    }

    long rejectedCount() {
        return rejectedCount;
    }

    /** Deals with findings beyond {@code maxDeals}, not listed. */
    long dealsNotShown() {
        return Math.max(0, dealsWithFindings - maxDeals);
    }

    void copyFindings(Writer out) {
        copy(findingsPart, out);
    }

    void copyWaived(Writer out) {
        copy(waivedPart, out);
    }

    void copyRejected(Writer out) {
        copy(rejectedPart, out);
    }

    private void copy(Path part, Writer out) {
        finishWriting();
        try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finishWriting() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            findings.close();
            waived.close();
            rejected.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes and deletes the side files. */
    @Override
    public void close() {
        finishWriting();
        try {
            Files.deleteIfExists(findingsPart);
            Files.deleteIfExists(waivedPart);
            Files.deleteIfExists(rejectedPart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer out, CharSequence html) {
        try {
            out.append(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
