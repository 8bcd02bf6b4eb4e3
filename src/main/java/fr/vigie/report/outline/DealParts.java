package fr.vigie.report.outline;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.Folded;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.common.Severity;
import fr.vigie.deals.input.Rejection;
import fr.vigie.report.ReportText;
import fr.vigie.workspace.WorkspaceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the appendix that grow with the deals, made as the deals come: the findings deal by
 * deal (the first {@code maxDeals} deals with findings), the waived findings, the rejected records
 * (the first {@value #REJECTIONS_SHOWN}). The first two are kept in side files ({@link Spool}) so
 * that memory stays flat; {@link #close()} deletes them.
 */
public final class DealParts implements AutoCloseable {

    public static final int REJECTIONS_SHOWN = 100;

    private final Phrases words;
    private final ReportText text;
    private final WorkspaceSettings settings;
    private final Spool deals;
    private final Spool waived;
    private final List<Block.Row> rejected = new ArrayList<>();
    private final long maxDeals;
    private long dealsWithFindings;
    private long rejectedCount;

    /** Side files beside {@code file}; {@code maxDeals}: the deals with findings listed in full. */
    public DealParts(Path file, AuditScope scope, Phrases words, long maxDeals) {
        this.words = words;
        this.text = words.text();
        this.settings = scope.workspace().settings();
        this.maxDeals = maxDeals;
        this.deals = new Spool(file.resolveSibling(file.getFileName() + ".findings.part"));
        this.waived = new Spool(file.resolveSibling(file.getFileName() + ".waived.part"));
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
        List<Block.Item> items = new ArrayList<>();
        for (Folded folded : Folded.of(dealFindings)) {
            List<Block> more = new ArrayList<>();
            if (!folded.consequences().isEmpty()) {
                more.add(
                        new Block.Paragraph(
                                "consequences-intro", words.get("md.consequences.intro")));
                more.add(
                        new Block.Items(
                                "consequences",
                                false,
                                folded.consequences().stream()
                                        .map(c -> Block.Item.of(finding(c)))
                                        .toList()));
            }
            items.add(new Block.Item(null, finding(folded.cause()), more));
        }
        deals.add(
                new Block.Article(
                        "deal",
                        anchor("deal-", deal.id()),
                        dealTitle(deal),
                        List.of(
                                new Block.Paragraph("deal-meta", dealLine(deal)),
                                new Block.Items("findings", false, items))));
    }

    public void waived(AuditedDeal deal, List<WaivedFinding> dealWaived) {
        dealWaived.forEach(this::waived);
    }

    private void waived(WaivedFinding waivedFinding) {
        Finding f = waivedFinding.finding();
        Waiver waiver = waivedFinding.waiver();
        waived.add(
                new Block.Paragraph(
                        null,
                        Text.of(
                                Span.code(f.rule()),
                                Span.text(" "),
                                Span.styled("msg", f.message()),
                                Span.text(" "),
                                Span.id(f.id()),
                                Span.lineBreak(),
                                Span.styled(
                                        "waiver",
                                        words.plain(
                                                "md.waived.line",
                                                waiver.justification(),
                                                settings.displayName(waiver.acceptedBy()),
                                                text.date(waiver.until()),
                                                String.valueOf(waiver.location()))))));
    }

    public void rejected(Rejection rejection) {
        rejectedCount++;
        if (rejectedCount <= REJECTIONS_SHOWN) {
            rejected.add(
                    new Block.Row(
                            null,
                            List.of(
                                    Block.Cell.text(Text.of(String.valueOf(rejection.location())))
                                            .withRole("where"),
                                    Block.Cell.text(
                                            Text.of(
                                                    rejection.dealId() == null
                                                            ? "—"
                                                            : rejection.dealId())),
                                    Block.Cell.text(Text.of(rejection.why().in(text.locale()))))));
        }
    }

    /** "D-1042 Ligne d'assemblage (Métallerie Rhône)". */
    public Text dealTitle(AuditedDeal deal) {
        return Text.of(
                Span.styled("deal-id", deal.id()),
                Span.text(" " + (deal.name() == null ? "" : deal.name() + " ")),
                Span.styled("account", "(" + deal.account() + ")"));
    }

    /** The deal's owner, team, amount, outcome and process. */
    public Text dealLine(AuditedDeal deal) {
        return words.get(
                "md.deal.line",
                settings.displayName(deal.owner()),
                deal.team() == null ? text.get("md.noTeam") : deal.team(),
                deal.amount() == null
                        ? "—"
                        : text.amount(
                                deal.amount(),
                                deal.currency() == null ? settings.currency() : deal.currency()),
                text.outcome(deal.outcome()),
                deal.process() + " " + deal.processVersion());
    }

    /** One finding for the appendix: its severity, its rule, the sentence, its id. */
    public Text finding(Finding finding) {
        return Text.of(
                severity(finding.severity()),
                Span.text(" "),
                Span.code(finding.rule()),
                Span.text(" "),
                Span.styled("msg", finding.message()),
                Span.text(" "),
                Span.id(finding.id()));
    }

    public Span severity(Severity severity) {
        return Span.severity(severity.code(), text.severity(severity));
    }

    Iterable<Block> deals() {
        return deals.blocks();
    }

    Iterable<Block> waived() {
        return waived.blocks();
    }

    List<Block.Row> rejectedRows() {
        return rejected;
    }

    long rejectedCount() {
        return rejectedCount;
    }

    long waivedCount() {
        return waived.size();
    }

    /** Deals with findings beyond {@code maxDeals}, not listed. */
    long dealsNotShown() {
        return Math.max(0, dealsWithFindings - maxDeals);
    }

    /**
     * An id attribute for a value from the data, one to one: letters, digits and '-' stay, every
     * other character becomes '_' and its code in hex.
     */
    static String anchor(String prefix, String value) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-') {
                out.append(c);
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return out.toString();
    }

    /** Deletes the side files. */
    @Override
    public void close() {
        deals.close();
        waived.close();
    }
}
