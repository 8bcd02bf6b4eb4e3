package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The headline figures of the sample's reports, recomputed here from findings.json and the input
 * deals file alone (JSON Lines parsed line by line; the records the generator made to be rejected
 * are taken from its ledger, expected/rejected-expected.csv), then looked for in report.html,
 * report.md and report.pdf. Findings are counted as causes: one that another finding of the deal
 * explains ({@code causedBy}) is counted with its cause, not on its own.
 */
class HeadlineFiguresTest {

    enum Severity {
        INFO,
        MINOR,
        MAJOR,
        CRITICAL
    }

    record Headline(
            long deals,
            BigDecimal amount,
            BigDecimal conformity,
            long findings,
            Map<Severity, Long> bySeverity,
            BigDecimal won) {}

    static final Locale FRENCH = Locale.FRENCH;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Headline expected;
    static Path reports;

    @BeforeAll
    static void recompute_the_headline_from_the_findings_and_the_input() throws IOException {
        reports = ReportRuns.sample("fr");
        Set<Integer> rejectedLines = new HashSet<>();
        Files.readAllLines(ReportRuns.SAMPLE.resolve("expected").resolve("rejected-expected.csv"))
                .stream()
                .skip(1)
                .forEach(row -> rejectedLines.add(Integer.parseInt(row.split(",")[0])));
        List<String> lines = Files.readAllLines(ReportRuns.SAMPLE_DEALS, StandardCharsets.UTF_8);
        long deals = 0;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            if (rejectedLines.contains(i + 1)) {
                continue;
            }
            JsonNode deal = JSON.readTree(lines.get(i));
            deals++;
            amount = amount.add(deal.get("amount").decimalValue());
            if ("won".equals(deal.get("outcome").asString())) {
                won = won.add(deal.get("amount").decimalValue());
            }
        }
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Set<String> flaggedDeals = new TreeSet<>();
        long findings = 0;
        for (JsonNode finding :
                JSON.readTree(reports.resolve("findings.json").toFile()).get("findings")) {
            if (finding.has("waiver")) {
                continue;
            }
            Severity severity =
                    Severity.valueOf(finding.get("severity").asString().toUpperCase(Locale.ROOT));
            if (!finding.has("causedBy")) {
                findings++;
                bySeverity.merge(severity, 1L, Long::sum);
            }
            if (severity != Severity.INFO && !finding.get("deal").isNull()) {
                flaggedDeals.add(finding.get("deal").asString());
            }
        }
        BigDecimal conformity =
                BigDecimal.valueOf((deals - flaggedDeals.size()) * 100)
                        .divide(BigDecimal.valueOf(deals), 1, RoundingMode.HALF_EVEN);
        expected = new Headline(deals, amount, conformity, findings, bySeverity, won);
    }

    @Test
    void should_show_in_report_html_the_figures_recomputed_from_the_findings_and_the_input()
            throws IOException {
        // GIVEN the figures recomputed from findings.json and the deals file
        // WHEN the key figures of report.html are read by their id
        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);

        // THEN they are the same, in the French format
        assertThat(figure(html, "figure-deals")).isEqualTo(number(expected.deals()));
        assertThat(figure(html, "figure-amount")).isEqualTo(euros(expected.amount()));
        assertThat(figure(html, "figure-conformity")).isEqualTo(percent(expected.conformity()));
        assertThat(figure(html, "figure-findings")).isEqualTo(number(expected.findings()));
        for (Severity severity : Severity.values()) {
            assertThat(figure(html, "figure-" + severity.name().toLowerCase(Locale.ROOT)))
                    .as(severity.name())
                    .isEqualTo(number(expected.bySeverity().getOrDefault(severity, 0L)));
        }
        assertThat(figure(html, "figure-won")).isEqualTo(euros(expected.won()));
        assertThat(expected.deals()).isEqualTo(600);
    }

    @Test
    void should_show_in_report_md_the_figures_recomputed_from_the_findings_and_the_input()
            throws IOException {
        // GIVEN the figures recomputed from findings.json and the deals file
        // WHEN report.md is read
        String md = Files.readString(reports.resolve("report.md"), StandardCharsets.UTF_8);

        // THEN its summary states them
        assertThat(md)
                .contains(
                        "- Affaires auditées : "
                                + number(expected.deals())
                                + " ("
                                + euros(expected.amount())
                                + ")")
                .contains("- Taux de conformité : **" + percent(expected.conformity()) + "**")
                .contains(
                        "- Écarts : "
                                + number(expected.findings())
                                + " (critique "
                                + count(Severity.CRITICAL)
                                + ", majeur "
                                + count(Severity.MAJOR)
                                + ", mineur "
                                + count(Severity.MINOR)
                                + ", info "
                                + count(Severity.INFO)
                                + ")")
                .contains("Chiffre d'affaires gagné : " + euros(expected.won()) + ",");
    }

    @Test
    void should_show_in_report_pdf_the_figures_recomputed_from_the_findings_and_the_input()
            throws IOException {
        // GIVEN the figures recomputed from findings.json and the deals file
        // WHEN report.pdf is turned back into text
        String text = PdfText.of(reports.resolve("report.pdf"));

        // THEN its first pages (the title page and the summary, up to the three things to act on)
        // state them (severity shapes and runs of spaces aside)
        String firstPages =
                text.substring(0, text.indexOf("Trois points à traiter"))
                        .replaceAll("[◆▲●○]", "")
                        .replaceAll(" +", " ");
        assertThat(firstPages)
                .contains(
                        number(expected.deals()) + "\n",
                        euros(expected.amount()),
                        percent(expected.conformity()) + "\n",
                        number(expected.findings()) + "\n",
                        "critique " + count(Severity.CRITICAL),
                        "majeur " + count(Severity.MAJOR),
                        "mineur " + count(Severity.MINOR),
                        "info " + count(Severity.INFO),
                        euros(expected.won()) + "\n");
    }

    private static String count(Severity severity) {
        return number(expected.bySeverity().getOrDefault(severity, 0L));
    }

    /** The text of the element with this id, entities decoded. */
    private static String figure(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as("an element with id %s in report.html", id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(FRENCH).format(value);
    }

    private static String euros(BigDecimal value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(FRENCH);
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMaximumFractionDigits(0);
        return format.format(value);
    }

    private static String percent(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(FRENCH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }
}
