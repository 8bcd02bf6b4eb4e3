package fr.vigie.report;

import com.ibm.icu.text.MessageFormat;
import fr.vigie.audit.model.Lever;
import fr.vigie.common.Outcome;
import fr.vigie.common.Severity;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every word of the reports, from the {@code report} message bundle, and numbers and amounts in the
 * reader's format ("12 500 €", "71,3 %"). Not thread-safe: one per writer.
 */
public final class ReportText {

    private final Locale locale;
    private final ResourceBundle bundle;
    private final java.util.Map<String, NumberFormat> amountFormats = new java.util.HashMap<>();
    private final java.util.Map<String, MessageFormat> formats = new java.util.HashMap<>();
    private final NumberFormat decimalFormat;
    private final NumberFormat integerFormat;
    private final NumberFormat percentFormat;
    private final java.time.format.DateTimeFormatter dateFormat;

    /** The words of the severities and levers, looked up once each: every finding names both. */
    private final java.util.Map<Severity, String> severities =
            new java.util.EnumMap<>(Severity.class);

    private final java.util.Map<Lever, String> levers = new java.util.EnumMap<>(Lever.class);

    public ReportText(Locale locale) {
        this(
                locale,
                ResourceBundle.getBundle(
                        "fr.vigie.report.report",
                        locale,
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /**
     * The words of another bundle with the same keys, numbers and dates in {@code locale}'s format.
     */
    public ReportText(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
        this.decimalFormat = NumberFormat.getNumberInstance(locale);
        decimalFormat.setMaximumFractionDigits(1);
        this.integerFormat = NumberFormat.getIntegerInstance(locale);
        this.percentFormat = NumberFormat.getNumberInstance(locale);
        percentFormat.setMinimumFractionDigits(1);
        percentFormat.setMaximumFractionDigits(1);
        this.dateFormat =
                java.time.format.DateTimeFormatter.ofLocalizedDate(
                                java.time.format.FormatStyle.MEDIUM)
                        .withLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        if (args.length == 0) {
            return bundle.getString(key);
        }
        return formats.computeIfAbsent(
                        key, k -> new MessageFormat(bundle.getString(k).replace("'", "''"), locale))
                .format(args);
    }

    /**
     * "52,6 % [46,8 – 58,3] (n = 285)": a win rate with its 95 % interval and the closed deals it
     * rests on, every bound with one decimal as the rate ("[0,0 – 16,1]", "[51,0 – 61,9]"); "—"
     * with none.
     */
    public String winRate(fr.vigie.audit.result.WinRate rate) {
        if (rate.closed() == 0) {
            return "—";
        }
        return get(
                "md.winRate",
                percent(rate.percent()),
                percentFormat.format(rate.low()),
                percentFormat.format(rate.high()),
                number(rate.closed()));
    }

    /**
     * How the two groups of "does the process pay" relate to the conformity rate's: the conforming
     * and non-conforming deals count a finding of any kind; the deals that deviated count a process
     * finding while the deal was sold, so that the non-conforming deals that did not deviate are
     * those whose findings are at closing, on the data or on the strategy only.
     */
    public String payCounts(fr.vigie.audit.result.AuditSummary summary) {
        long conforming = summary.conformingDeals();
        long nonConforming = summary.dealsAudited() - conforming;
        long followed = summary.followed().deals();
        long deviated = summary.deviated().deals();
        return get(
                "md.pays.counts",
                conforming,
                nonConforming,
                followed,
                deviated,
                Math.max(0, nonConforming - deviated));
    }

    /**
     * The reconciliation line: read = audited + rejected, and the deals outside the period when
     * there are some.
     */
    public String reconciliation(
            fr.vigie.audit.result.AuditSummary s, fr.vigie.workspace.DealsInPeriod dealsInPeriod) {
        if (s.outsidePeriod() == 0) {
            return get(
                    "md.reconciliation",
                    number(s.recordsRead()),
                    number(s.dealsAudited()),
                    number(s.recordsRejected()));
        }
        return get(
                "md.reconciliation.outside",
                number(s.recordsRead()),
                number(s.dealsAudited()),
                number(s.recordsRejected()),
                number(s.outsidePeriod()),
                get("md.dealsInPeriod." + dealsInPeriod.code()));
    }

    /**
     * The warning when more of the period's records were rejected than {@code result} accepts; null
     * when not.
     */
    public String rejectedWarning(fr.vigie.audit.result.AuditResult result) {
        fr.vigie.audit.result.AuditSummary s = result.summary();
        if (!result.rejectedAbove(result.rejectedWarning())) {
            return null;
        }
        return get(
                "md.rejected.warning",
                percent(s.rejectedPercent()),
                number(s.recordsRejected()),
                number(s.recordsRejected() + s.dealsAudited()),
                percent(result.rejectedWarning()));
    }

    /**
     * Why a rule could not judge deals: "no stage history in this export, no activities in this
     * export".
     */
    public String missing(java.util.List<fr.vigie.common.Evidence> missing) {
        return String.join(", ", missing.stream().map(e -> get("md.missing." + e.code())).toList());
    }

    /**
     * One rule that could not judge deals, with the count and the reason; {@code title} as the
     * format shows it.
     */
    public String notAssessable(
            fr.vigie.audit.result.Coverage.NotAssessable gap, String title, long audited) {
        return notAssessable(gap, title, audited, text -> text);
    }

    /** The same, the deals a rule failed on shown through {@code escape}. */
    public String notAssessable(
            fr.vigie.audit.result.Coverage.NotAssessable gap,
            String title,
            long audited,
            java.util.function.UnaryOperator<String> escape) {
        boolean failedOnly = gap.missing().isEmpty() && gap.partial().isEmpty();
        return get(
                failedOnly ? "md.notAssessable.failed" : "md.notAssessable.rule",
                title,
                gap.rule(),
                number(gap.deals()),
                number(audited),
                reason(gap, escape));
    }

    /**
     * Why some deals of a source that carries what a rule needs could not be judged, with the first
     * of them: "HubSpot keeps only the last 20 stage changes of a deal, ... (10102)".
     */
    public String partial(fr.vigie.audit.result.Coverage.Partial partial) {
        return why(partial.reason()) + " (" + examples(partial) + ")";
    }

    /** Why some deals could not be judged: "no column of this export maps to the field ...". */
    public String why(fr.vigie.audit.result.Coverage.Reason reason) {
        return get("md.partial." + reason.code(), reason.args().toArray());
    }

    /** The first deals a rule could not judge for one reason: "10102, 10104 and 3 more". */
    public String examples(fr.vigie.audit.result.Coverage.Partial partial) {
        long more = partial.deals() - partial.examples().size();
        return String.join(", ", partial.examples())
                + (more > 0 ? ", " + get("md.notAssessable.more", number(more)) : "");
    }

    /** Why a rule could not judge deals, in words, as findings.json gives it. */
    public String reason(fr.vigie.audit.result.Coverage.NotAssessable gap) {
        return reason(gap, text -> text);
    }

    private String reason(
            fr.vigie.audit.result.Coverage.NotAssessable gap,
            java.util.function.UnaryOperator<String> escape) {
        if (!gap.missing().isEmpty()) {
            return missing(gap.missing());
        }
        List<String> reasons = new ArrayList<>();
        gap.partial().forEach(p -> reasons.add(partial(p)));
        if (!gap.failed().isEmpty()) {
            String failed = escape.apply(failed(gap));
            reasons.add(
                    gap.partial().isEmpty() ? failed : get("md.notAssessable.failedOn", failed));
        }
        return String.join("; ", reasons);
    }

    /**
     * The deals a rule failed on, the first five with their line and why: "D-1 (deals.jsonl:4):
     * NullPointerException; and 3 more".
     */
    public String failed(fr.vigie.audit.result.Coverage.NotAssessable gap) {
        List<String> deals = new ArrayList<>();
        for (var failed : gap.failed().subList(0, Math.min(5, gap.failed().size()))) {
            deals.add(failed.deal() + " (" + failed.location() + "): " + failed.reason());
        }
        String shown = String.join("; ", deals);
        long more = gap.deals() - deals.size();
        return more > 0 ? shown + "; " + get("md.notAssessable.more", number(more)) : shown;
    }

    public String severity(Severity severity) {
        return severities.computeIfAbsent(severity, s -> get("severity." + s.code()));
    }

    public String lever(Lever lever) {
        return levers.computeIfAbsent(lever, l -> get("lever." + l.code()));
    }

    /** A deal's outcome: "gagnée", "won". */
    public String outcome(Outcome outcome) {
        return get("outcome." + outcome.name().toLowerCase(Locale.ROOT));
    }

    /** A date the reader's way: "18 sept. 2026", "Sep 18, 2026". */
    public String date(java.time.LocalDate date) {
        return dateFormat.format(date);
    }

    /** Percentage points: "2,5 pts". */
    public String points(BigDecimal value) {
        return get("format.points", decimal(value));
    }

    /** A change in percentage points, with its sign: "+2,5 pts", "−1 pts", "±0 pts". */
    public String signedPoints(BigDecimal points) {
        return (points.signum() > 0 ? "+" : points.signum() < 0 ? "\u2212" : "\u00B1")
                + points(points.abs());
    }

    /** A decimal number with one decimal at most: "12,5". */
    public String decimal(BigDecimal value) {
        return decimalFormat.format(value);
    }

    public String number(long value) {
        return integerFormat.format(value);
    }

    public String percent(BigDecimal value) {
        return get("format.percent", percentFormat.format(value));
    }

    /** An amount rounded to the unit, with its currency the reader's way: "12 500 €", "€12,500". */
    public String amount(BigDecimal value, String currencyCode) {
        NumberFormat format =
                amountFormats.computeIfAbsent(String.valueOf(currencyCode), this::amountFormat);
        String text = format.format(value);
        return format.getCurrency() == null
                        || !format.getCurrency().getCurrencyCode().equals(currencyCode)
                ? text + " " + currencyCode
                : text;
    }

    /**
     * Amounts in several currencies, joined: "12 500 € + 3 000 CHF"; with none, zero in {@code
     * currencyCode}.
     */
    public String amounts(java.util.Map<String, BigDecimal> byCurrency, String currencyCode) {
        if (byCurrency.isEmpty()) {
            return amount(BigDecimal.ZERO, currencyCode);
        }
        return byCurrency.entrySet().stream()
                .map(e -> amount(e.getValue(), e.getKey()))
                .collect(java.util.stream.Collectors.joining(" + "));
    }

    private NumberFormat amountFormat(String currencyCode) {
        NumberFormat format;
        try {
            format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currencyCode));
        } catch (IllegalArgumentException e) {
            format = NumberFormat.getNumberInstance(locale);
        }
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format;
    }
}
