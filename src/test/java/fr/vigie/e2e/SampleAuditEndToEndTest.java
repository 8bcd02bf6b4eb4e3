package fr.vigie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import fr.vigie.report.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audits the sample client workspace (fixtures/durand-industrie, 2026-Q3) end to end through the
 * command line, in process, and holds the result to what the sample generator planted:
 * expected/planted.csv (every finding) and expected/rejected-expected.csv (every rejection). See
 * fixtures/README.md.
 */
class SampleAuditEndToEndTest {

    static final Path WORKSPACE = Path.of("fixtures", "durand-industrie");
    static final Path DEALS = WORKSPACE.resolve("deals").resolve("2026-Q3.jsonl");
    static final Path EXPECTED = WORKSPACE.resolve("expected");
    static final Path PLANTED = EXPECTED.resolve("planted.csv");
    static final Path REJECTED_EXPECTED = EXPECTED.resolve("rejected-expected.csv");
    static final Path AT_STAKE = EXPECTED.resolve("at-stake.csv");
    static final Path TACTICS = WORKSPACE.resolve("tactics").resolve("2026-Q3.yaml");
    static final Path GOLDEN = EXPECTED.resolve("findings-golden.csv");
    static final Path GENERATOR = Path.of("fixtures", "generator", "SampleDeals.java");

    /** The arguments the committed sample was generated with (fixtures/README.md). */
    static final List<String> GENERATOR_ARGS =
            List.of("--seed", "2026", "--deals", "600", "--period", "2026-Q3", "--bad", "8");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir static Path temp;

    static Run first;

    record Run(int exitCode, String out, String err, Path dir) {

        Path findings() {
            return dir.resolve("findings.json");
        }
    }

    @BeforeAll
    static void audit_the_sample_once() {
        first = audit(temp.resolve("first"));
    }

    static Run audit(Path outDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "audit",
                        WORKSPACE.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        outDir.toString(),
                        "--standard-rules",
                        "rules",
                        "-q",
                        "--format",
                        "json");
        return new Run(code, out.toString(), err.toString(), outDir);
    }

    @Test
    void should_exit_with_1_and_reconcile_every_record_read() throws IOException {
        // GIVEN the sample: one record per line, and the records the generator made to be rejected
        long records;
        try (Stream<String> lines = Files.lines(DEALS)) {
            records = lines.count();
        }
        int rejected = readCsv(REJECTED_EXPECTED, ',').size() - 1;

        // WHEN the sample is audited (once, for the whole class)

        // THEN there are major findings, and every record read is either audited or rejected
        assertThat(first.exitCode()).as("exit code; stderr:%n%s", first.err()).isEqualTo(1);
        assertThat(first.out().lines().toList())
                .as("stdout")
                .contains(
                        String.format(
                                "  %d enregistrements lus = %d audités + %d rejetés (voir"
                                        + " rejected.csv)",
                                records, records - rejected, rejected));
    }

    @Test
    void should_find_exactly_the_planted_deviations() throws IOException {
        // GIVEN the ledger of what the generator planted: one row per expected finding
        List<String> planted =
                readCsv(PLANTED, ',').stream().skip(1).map(row -> String.join(",", row)).toList();

        // WHEN the findings of the audit are read back
        List<String> found = new ArrayList<>();
        for (JsonNode finding : findings(first.findings())) {
            found.add(
                    finding.get("rule").asString()
                            + ","
                            + text(finding.get("deal"))
                            + ","
                            + text(finding.get("stage")));
        }

        // THEN they are the same multiset of (rule, deal, stage)
        List<String> missing = minus(planted, found);
        List<String> unexpected = minus(found, planted);
        assertThat(missing.isEmpty() && unexpected.isEmpty())
                .withFailMessage(
                        "findings.json differs from %s (rule,deal,stage)%n  missing (planted but"
                            + " not found): %d%n%s%n  unexpected (found but not planted): %d%n%s",
                        PLANTED,
                        missing.size(),
                        indent(missing),
                        unexpected.size(),
                        indent(unexpected))
                .isTrue();
    }

    @Test
    void should_plant_every_rule_of_the_standard_pack() throws IOException {
        // GIVEN the rule ids of the standard pack, those judged on deals and those judged on the
        // written
        // plan (@scope("plan"): the strategy against the tactics); the recommendations of the
        // report
        // (@scope("report")) give no finding
        TreeSet<String> dealRules = new TreeSet<>();
        TreeSet<String> planRules = new TreeSet<>();
        Pattern rule = Pattern.compile("@id\\(\"([A-Z-]+)\"\\)([^\\n]*)");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = rule.matcher(Files.readString(drl));
                while (m.find()) {
                    if (!m.group(2).contains("@scope(\"report\")")) {
                        (m.group(2).contains("@scope(\"plan\")") ? planRules : dealRules)
                                .add(m.group(1));
                    }
                }
            }
        }

        // WHEN the planted findings are counted by rule
        Map<String, Long> byRule =
                readCsv(PLANTED, ',').stream()
                        .skip(1)
                        .collect(
                                Collectors.groupingBy(
                                        row -> row.get(0), TreeMap::new, Collectors.counting()));

        // THEN every rule judged on deals is planted: those of the processes and the data several
        // times,
        // those of the strategy and the decision rights at least once; of the plan's rules, the
        // five
        // contradictions written in the tactics, once each (the workspace's files are what they
        // are)
        assertThat(dealRules).hasSize(26);
        assertThat(planRules).hasSize(9);
        TreeSet<String> expected = new TreeSet<>(dealRules);
        expected.addAll(WRITTEN_CONTRADICTIONS.keySet());
        assertThat(byRule.keySet()).containsExactlyElementsOf(expected);
        assertThat(planRules).containsAll(WRITTEN_CONTRADICTIONS.keySet());
        byRule.forEach(
                (id, n) -> {
                    if (id.startsWith("PROC-") || id.startsWith("DATA-")) {
                        assertThat(n).as(id).isGreaterThanOrEqualTo(3);
                    } else if (id.startsWith("TACT-")) {
                        assertThat(n).as(id).isEqualTo(1);
                    } else {
                        assertThat(n).as(id).isGreaterThanOrEqualTo(1);
                    }
                });
    }

    /**
     * The contradictions the tactics/2026-Q3.yaml of the sample writes on purpose, by rule: a text
     * of the line each must cite (the item the finding is about).
     */
    static final Map<String, String> WRITTEN_CONTRADICTIONS =
            new TreeMap<>(
                    Map.of(
                            "TACT-CAMPAIGN-EXCLUDED-SEGMENT", "- id: rentree-tpe",
                            "TACT-CAMPAIGN-NON-PRIORITY", "- id: rentree-tpe",
                            "TACT-DISCOUNT-ABOVE-CEILING", "{ up-to: 30, approver: dirigeant }",
                            "TACT-QUOTAS-BELOW-TARGET", "- { person: c.martin, amount: 2600000 }",
                            "TACT-INCENTIVE-IGNORES-MARGIN",
                                    "- name: Prime au chiffre d'affaires"));

    @Test
    void should_find_exactly_the_contradictions_written_in_the_tactics() throws IOException {
        // GIVEN the lines of the tactics file where the five contradictions are written
        List<String> tactics = Files.readAllLines(TACTICS, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        WRITTEN_CONTRADICTIONS.forEach(
                (rule, text) -> expected.add(rule + " at line " + lineOf(tactics, text)));

        // WHEN the findings without a deal are read, with the line of the tactics each cites
        List<String> found = new ArrayList<>();
        for (JsonNode finding : findings(first.findings())) {
            if (text(finding.get("deal")).isEmpty()) {
                String at = finding.get("evidence").get("tacticsAt").asString();
                assertThat(at)
                        .as("%s cites the tactics file", finding.get("rule").asString())
                        .contains("tactics/2026-Q3.yaml:");
                assertThat(finding.get("message").asString()).contains(at);
                found.add(finding.get("rule").asString() + " at line " + at.split(":")[1]);
            }
        }

        // THEN they are exactly the five written on purpose, each citing its line
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void should_raise_nothing_on_the_consistent_items_of_the_tactics() throws IOException {
        // GIVEN the lines of the tactics' consistent items: the campaign "Automatisation PME", the
        // discount grid's bands up to 10 and 20 %, the incentive on new customers, the payment
        // terms and
        // the stage rule
        List<String> tactics = Files.readAllLines(TACTICS, StandardCharsets.UTF_8);
        TreeSet<Integer> consistent = new TreeSet<>();
        for (int line = lineOf(tactics, "- id: automatisation-pme");
                line < lineOf(tactics, "- id: rentree-tpe");
                line++) {
            consistent.add(line);
        }
        consistent.add(lineOf(tactics, "{ up-to: 10, approver: commercial }"));
        consistent.add(lineOf(tactics, "{ up-to: 20, approver: directeur-commercial }"));
        consistent.add(lineOf(tactics, "- name: Prime nouveaux clients"));
        consistent.add(lineOf(tactics, "pays-on: new-customers"));
        for (int line = lineOf(tactics, "payment-terms:"); line <= tactics.size(); line++) {
            consistent.add(line); // the payment terms, then the stage rules, to the end of the file
        }
        assertThat(tactics.get(consistent.last() - 1)).contains("reason:");

        // WHEN every finding is read in full (message, evidence, source)
        List<String> citing = new ArrayList<>();
        for (JsonNode finding : findings(first.findings())) {
            String all = finding.toString();
            for (int line : consistent) {
                if (all.contains("2026-Q3.yaml:" + line + ":")) {
                    citing.add(finding.get("rule").asString() + " cites line " + line);
                }
            }
        }

        // THEN none cites them
        assertThat(citing).as("findings citing a consistent item of the tactics").isEmpty();
    }

    @Test
    void should_put_at_stake_the_amounts_the_generator_planted() throws IOException {
        // GIVEN what the generator planted: per rule, the findings with an amount at stake and
        // their total
        Map<String, String> planted = new TreeMap<>();
        for (List<String> row : readCsv(AT_STAKE, ',').subList(1, readCsv(AT_STAKE, ',').size())) {
            planted.put(
                    row.get(0),
                    row.get(1)
                            + " findings, "
                            + new java.math.BigDecimal(row.get(2)).setScale(2)
                            + " EUR");
        }

        // WHEN evidence.atStake is summed per rule over the findings
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, java.math.BigDecimal> sums = new TreeMap<>();
        for (JsonNode finding : findings(first.findings())) {
            JsonNode atStake = finding.get("evidence").get("atStake");
            if (atStake != null && !atStake.isNull()) {
                String rule = finding.get("rule").asString();
                counts.merge(rule, 1, Integer::sum);
                sums.merge(rule, atStake.decimalValue(), java.math.BigDecimal::add);
            }
        }
        Map<String, String> found = new TreeMap<>();
        sums.forEach(
                (rule, sum) ->
                        found.put(
                                rule,
                                counts.get(rule)
                                        + " findings, "
                                        + sum.setScale(2, java.math.RoundingMode.HALF_EVEN)
                                        + " EUR"));

        // THEN they are the same, rule by rule: the strategy's deal rules and the quotas' gap
        assertThat(found).containsExactlyEntriesOf(planted);
        assertThat(found.keySet())
                .containsExactly(
                        "STRAT-DISCOUNT-ABOVE-CEILING",
                        "STRAT-LINE-DISCOUNT-ABOVE-CEILING",
                        "STRAT-MARGIN-BELOW-FLOOR",
                        "STRAT-STRATEGIC-ACCOUNT-LOST",
                        "STRAT-WON-EXCLUDED-SEGMENT",
                        "TACT-QUOTAS-BELOW-TARGET");
    }

    @Test
    void should_allow_the_longer_negotiations_the_tactics_give_for_the_quarter()
            throws IOException {
        // GIVEN the stays in negotiation of the sample's projects, by length in days (local dates;
        // a
        // deal still there is counted to the end of the quarter)
        TreeSet<String> longerThanProcess =
                new TreeSet<>(); // 46 to 60 days: the process says 45, the tactics 60
        TreeSet<String> longerThanTactics = new TreeSet<>();
        for (JsonNode deal : auditedDeals()) {
            if (!"projets".equals(text(deal.get("pipeline")))) {
                continue;
            }
            JsonNode stages = deal.get("stages");
            for (int i = 0; i < stages.size(); i++) {
                if (!stages.get(i).get("stage").asString().equals("negociation")) {
                    continue;
                }
                java.time.LocalDate from =
                        java.time.LocalDate.parse(
                                stages.get(i).get("at").asString().substring(0, 10));
                java.time.LocalDate until =
                        i + 1 < stages.size()
                                ? java.time.LocalDate.parse(
                                        stages.get(i + 1).get("at").asString().substring(0, 10))
                                : java.time.LocalDate.of(2026, 10, 1);
                long days = java.time.temporal.ChronoUnit.DAYS.between(from, until);
                if (days > 60) {
                    longerThanTactics.add(deal.get("id").asString());
                } else if (days > 45) {
                    longerThanProcess.add(deal.get("id").asString());
                }
            }
        }

        // WHEN the stale negotiations are read from the findings
        TreeSet<String> flagged = new TreeSet<>();
        for (JsonNode finding : findings(first.findings())) {
            if (finding.get("rule").asString().equals("PROC-STALE-STAGE")
                    && text(finding.get("stage")).equals("negociation")) {
                flagged.add(finding.get("deal").asString());
                assertThat(finding.get("evidence").get("maxDays").asInt()).isEqualTo(60);
            }
        }

        // THEN the tactics' 60 days apply: beyond them a negotiation is flagged, between 45 and 60
        // it is not
        assertThat(longerThanProcess)
                .as("negotiations of 46 to 60 days")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(longerThanTactics).as("negotiations of more than 60 days").isNotEmpty();
        assertThat(flagged).as("stale negotiations").isEqualTo(longerThanTactics);
    }

    @Test
    void should_flag_a_strategic_account_lost_only_without_a_decision_of_the_ceo()
            throws IOException {
        // GIVEN the deals of the strategy's strategic accounts, and among the lost ones those on
        // which
        // the CEO recorded a decision
        List<String> strategic = List.of("A-0007", "A-0031", "A-0112");
        TreeSet<String> accounts = new TreeSet<>();
        TreeSet<String> lostWithCeo = new TreeSet<>();
        TreeSet<String> lostWithoutCeo = new TreeSet<>();
        for (JsonNode deal : auditedDeals()) {
            if (!strategic.contains(deal.get("account").get("id").asString())) {
                continue;
            }
            accounts.add(deal.get("account").get("id").asString());
            if (deal.get("outcome").asString().equals("lost")) {
                boolean ceo = false;
                for (JsonNode decision : deal.get("decisions")) {
                    ceo |= decision.get("by").asString().equals("p.durand");
                }
                (ceo ? lostWithCeo : lostWithoutCeo).add(deal.get("id").asString());
            }
        }

        // WHEN the findings of the rule are read
        TreeSet<String> flagged = new TreeSet<>();
        for (JsonNode finding : findings(first.findings())) {
            if (finding.get("rule").asString().equals("STRAT-STRATEGIC-ACCOUNT-LOST")) {
                flagged.add(finding.get("deal").asString());
            }
        }

        // THEN each strategic account has deals; the one lost without the CEO is flagged, not the
        // one he let go
        assertThat(accounts).containsExactlyElementsOf(strategic);
        assertThat(lostWithCeo).hasSize(1);
        assertThat(lostWithoutCeo).hasSize(1);
        assertThat(flagged).isEqualTo(lostWithoutCeo);
    }

    static int lineOf(List<String> lines, String text) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                assertThat(found).as("'%s' is on one line only", text).isEqualTo(-1);
                found = i + 1;
            }
        }
        assertThat(found).as("'%s' in %s", text, TACTICS).isPositive();
        return found;
    }

    @Test
    void should_require_the_champion_only_of_deals_leaving_discovery_under_version_2026_2()
            throws IOException {
        // GIVEN the deals of the sample that left discovery without a champion, by when they left
        // it,
        // and the deals flagged for it
        TreeSet<String> flagged = new TreeSet<>();
        for (JsonNode finding : findings(first.findings())) {
            if (finding.get("rule").asString().equals("PROC-FIELD-MISSING")
                    && finding.get("evidence").get("field").asString().equals("champion")
                    && !finding.has("causedBy")) { // not a deal that skipped discovery
                flagged.add(finding.get("deal").asString());
            }
        }
        TreeSet<String> leftBefore = new TreeSet<>();
        TreeSet<String> leftFrom = new TreeSet<>();
        TreeSet<String> enteredBeforeLeftFrom = new TreeSet<>();
        for (JsonNode deal : auditedDeals()) {
            if (!"projets".equals(text(deal.get("pipeline")))
                    || deal.path("fields").has("champion")) {
                continue;
            }
            JsonNode stages = deal.get("stages");
            for (int i = 0; i + 1 < stages.size(); i++) {
                String next = stages.get(i + 1).get("stage").asString();
                if (stages.get(i).get("stage").asString().equals("decouverte")
                        && List.of("proposition", "negociation", "gagne").contains(next)) {
                    // the local dates of the sample's timestamps (Europe/Paris, with its offset)
                    // start the text
                    String entered = stages.get(i).get("at").asString();
                    String left = stages.get(i + 1).get("at").asString();
                    if (left.compareTo("2026-08-01") < 0) {
                        leftBefore.add(deal.get("id").asString());
                    } else {
                        leftFrom.add(deal.get("id").asString());
                        if (entered.compareTo("2026-08-01") < 0) {
                            enteredBeforeLeftFrom.add(deal.get("id").asString());
                        }
                    }
                }
            }
        }
        leftBefore.removeAll(leftFrom);

        // WHEN (audited once for the class)

        // THEN each stay is judged by the version in force when the deal left discovery: deals that
        // left
        // it before 1 August 2026 without a champion are not flagged, those that left it later are,
        // even
        // when they entered it under 2026.1
        assertThat(leftBefore)
                .as("deals leaving decouverte before 2026-08-01 without champion")
                .isNotEmpty();
        assertThat(enteredBeforeLeftFrom)
                .as(
                        "deals entering decouverte before 2026-08-01 and leaving it from then on"
                                + " without champion")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(flagged)
                .as("deals flagged for a missing champion")
                .doesNotContainAnyElementsOf(leftBefore);
        assertThat(flagged)
                .as("deals flagged for a missing champion")
                .containsAll(enteredBeforeLeftFrom);
        assertThat(flagged).as("deals flagged for a missing champion").isEqualTo(leftFrom);
    }

    @Test
    void should_flag_the_stages_skipped_by_deals_entering_the_process_past_them()
            throws IOException {
        // GIVEN the stages of the sample's processes in order, those that may be skipped, and the
        // deals
        // whose first stage comes after stages that may not be skipped ("reprises")
        Map<String, List<String>> stagesByPipeline =
                Map.of(
                        "projets",
                                List.of(
                                        "prospection",
                                        "qualification",
                                        "decouverte",
                                        "proposition",
                                        "negociation"),
                        "maintenance", List.of("qualification", "proposition"));
        List<String> skippable = List.of("prospection");
        TreeSet<String> expected = new TreeSet<>();
        TreeSet<String> pipelines = new TreeSet<>();
        for (JsonNode deal : auditedDeals()) {
            List<String> order = stagesByPipeline.get(text(deal.get("pipeline")));
            int first = order.indexOf(deal.get("stages").get(0).get("stage").asString());
            for (int s = 0; s < first; s++) {
                if (!skippable.contains(order.get(s))) {
                    expected.add(deal.get("id").asString() + "," + order.get(s));
                    pipelines.add(text(deal.get("pipeline")));
                }
            }
        }

        // WHEN the stages skipped at entry are read from the findings
        TreeSet<String> found = new TreeSet<>();
        for (JsonNode finding : findings(first.findings())) {
            if (finding.get("rule").asString().equals("PROC-SKIP-STAGE")
                    && finding.get("message")
                            .asString()
                            .contains("est entrée dans le processus directement en")) {
                found.add(finding.get("deal").asString() + "," + finding.get("stage").asString());
            }
        }

        // THEN each is flagged, in both processes, with the sentence for an entry
        assertThat(expected)
                .as("deals entering past a stage they may not skip")
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(pipelines).containsExactly("maintenance", "projets");
        assertThat(found).as("PROC-SKIP-STAGE at entry (deal,stage)").isEqualTo(expected);
    }

    @Test
    void should_flag_the_ceo_approving_a_renewal_discount_reserved_to_the_sales_director()
            throws IOException {
        // GIVEN the deals of the maintenance pipeline
        TreeSet<String> renewals = new TreeSet<>();
        for (JsonNode deal : auditedDeals()) {
            if ("maintenance".equals(text(deal.get("pipeline")))) {
                renewals.add(deal.get("id").asString());
            }
        }

        // WHEN the approval findings on them are read
        TreeSet<String> byCeo = new TreeSet<>();
        TreeSet<String> missing = new TreeSet<>();
        for (JsonNode finding : findings(first.findings())) {
            String deal = finding.get("deal").asString();
            if (!renewals.contains(deal)) {
                continue;
            }
            if (finding.get("rule").asString().equals("PROC-APPROVAL-WRONG-ROLE")
                    && finding.get("evidence").get("by").asString().equals("p.durand")) {
                byCeo.add(deal);
            } else if (finding.get("rule").asString().equals("PROC-APPROVAL-MISSING")) {
                missing.add(deal);
            }
        }

        // THEN the CEO's approvals are given by the wrong role, and are not missing approvals
        assertThat(byCeo)
                .as("renewals whose discount the CEO approved")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(missing)
                .as("renewals with a missing approval")
                .doesNotContainAnyElementsOf(byCeo);
    }

    /**
     * The golden file lists (id, rule, deal) of every finding, in the order of findings.json, so
     * that a change of finding ids or of their order is seen in review. After a deliberate change
     * (of the rules, the engine or the sample), rewrite it with the command below (the run fails
     * when it rewrites it), review the diff and commit the new
     * fixtures/durand-industrie/expected/findings-golden.csv:
     *
     * <pre>./mvnw -B -q test -Dtest=SampleAuditEndToEndTest -Dvigie.updateGolden=true</pre>
     */
    @Test
    void should_give_the_finding_ids_of_the_golden_file() throws IOException {
        // GIVEN the findings of the audit as (id, rule, deal), in order
        List<String> actual = new ArrayList<>();
        actual.add("id,rule,deal");
        actual.addAll(idRuleDeal(first.findings()));

        // WHEN they are compared with the golden file
        // THEN they are the same, line for line
        Golden.assertMatches(GOLDEN, String.join("\n", actual) + "\n");
    }

    @Test
    void should_reject_exactly_the_bad_records_of_the_sample() throws IOException {
        // GIVEN the rejections the generator planted: line, deal and a fragment of the reason
        List<List<String>> expected = readCsv(REJECTED_EXPECTED, ',');
        expected = expected.subList(1, expected.size());

        // WHEN rejected.csv is read (columns: file, line, column, deal, reason), in English as the
        // generator wrote its fragments
        Path english = temp.resolve("english");
        Vigie.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "audit",
                WORKSPACE.toString(),
                "--period",
                "2026-Q3",
                "--out",
                english.toString(),
                "--standard-rules",
                "rules",
                "-q",
                "--format",
                "csv",
                "--lang",
                "en");
        List<List<String>> rejected = readCsv(english.resolve("rejected.csv"), ',');
        rejected = rejected.subList(1, rejected.size());

        // THEN the same records are rejected, for the expected reasons
        assertThat(rejected.stream().map(r -> r.get(1) + "," + r.get(3)).toList())
                .as("rejected (line,deal)")
                .containsExactlyElementsOf(
                        expected.stream().map(e -> e.get(0) + "," + e.get(1)).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(rejected.get(i).get(4))
                    .as("reason at line %s", expected.get(i).get(0))
                    .contains(expected.get(i).get(2));
        }
    }

    @Test
    void should_write_byte_identical_findings_when_audited_twice() throws IOException {
        // GIVEN the findings of the first audit

        // WHEN the same sample is audited again
        Run second = audit(temp.resolve("second"));

        // THEN the findings are the same, byte for byte
        assertThat(second.exitCode()).isEqualTo(first.exitCode());
        assertThat(Files.readAllBytes(second.findings()))
                .isEqualTo(Files.readAllBytes(first.findings()));
    }

    @Test
    void should_write_the_same_findings_when_the_jvm_asks_drools_for_no_node_sharing()
            throws IOException {
        // GIVEN a JVM that asks Drools for rule bases without node sharing, with which Drools
        // 10.2.0
        // loses conditions of the approval rules (docs/performance.md, "Node sharing and the
        // findings")
        Map<String, String> unshared =
                Map.of("drools.shareAlphaNodes", "false", "drools.shareBetaNodes", "false");
        Map<String, String> before = new TreeMap<>();
        unshared.keySet().forEach(name -> before.put(name, System.getProperty(name)));

        // WHEN the sample is audited in it
        Run asked;
        try {
            unshared.forEach(System::setProperty);
            asked = audit(temp.resolve("unshared"));
        } finally {
            before.forEach(
                    (name, value) -> {
                        if (value == null) {
                            System.clearProperty(name);
                        } else {
                            System.setProperty(name, value);
                        }
                    });
        }

        // THEN Vigie keeps node sharing on: the findings are the same, byte for byte
        assertThat(idRuleDeal(asked.findings()))
                .as("findings (id,rule,deal)")
                .containsExactlyElementsOf(idRuleDeal(first.findings()));
        assertThat(asked.exitCode()).isEqualTo(first.exitCode());
        assertThat(Files.readAllBytes(asked.findings()))
                .isEqualTo(Files.readAllBytes(first.findings()));
    }

    @Test
    void should_regenerate_the_committed_sample_byte_for_byte() throws Exception {
        // GIVEN the generator and the arguments the committed sample was made with
        Path dir = temp.resolve("regenerated");
        Path deals = dir.resolve("2026-Q3.jsonl");
        Path ledger = dir.resolve("planted.csv");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                GENERATOR.toString()));
        command.addAll(GENERATOR_ARGS);
        command.addAll(List.of("--out", deals.toString(), "--ledger", ledger.toString()));

        // WHEN it is run again
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream stream = process.getInputStream()) {
            output = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("generator finished").isTrue();

        // THEN it writes the same deals and ledgers, byte for byte
        assertThat(process.exitValue()).as("generator exit code; output:%n%s", output).isZero();
        assertThat(Files.readAllBytes(deals)).as("deals").isEqualTo(Files.readAllBytes(DEALS));
        assertThat(Files.readAllBytes(ledger))
                .as("planted.csv")
                .isEqualTo(Files.readAllBytes(PLANTED));
        assertThat(Files.readAllBytes(dir.resolve("rejected-expected.csv")))
                .as("rejected-expected.csv")
                .isEqualTo(Files.readAllBytes(REJECTED_EXPECTED));
        assertThat(Files.readAllBytes(dir.resolve("at-stake.csv")))
                .as("at-stake.csv")
                .isEqualTo(Files.readAllBytes(AT_STAKE));
    }

    // ---------------------------------------------------------------------------------- helpers

    static List<JsonNode> findings(Path findingsJson) throws IOException {
        try (InputStream in = Files.newInputStream(findingsJson)) {
            List<JsonNode> findings = new ArrayList<>();
            JSON.readTree(in).get("findings").forEach(findings::add);
            return findings;
        }
    }

    /** The records of the sample that the audit judges: every line but the expected rejections. */
    static List<JsonNode> auditedDeals() throws IOException {
        TreeSet<Integer> rejected = new TreeSet<>();
        List<List<String>> expected = readCsv(REJECTED_EXPECTED, ',');
        for (List<String> row : expected.subList(1, expected.size())) {
            rejected.add(Integer.parseInt(row.get(0)));
        }
        List<JsonNode> deals = new ArrayList<>();
        List<String> lines = Files.readAllLines(DEALS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!rejected.contains(i + 1)) {
                deals.add(JSON.readTree(lines.get(i)));
            }
        }
        return deals;
    }

    /** The findings of a findings.json as "id,rule,deal", in order. */
    static List<String> idRuleDeal(Path findingsJson) throws IOException {
        return findings(findingsJson).stream()
                .map(
                        finding ->
                                finding.get("id").asString()
                                        + ","
                                        + finding.get("rule").asString()
                                        + ","
                                        + text(finding.get("deal")))
                .toList();
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    /** Each element of {@code a}, as many times as it is in {@code a} but not in {@code b}. */
    static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> counts = new TreeMap<>();
        a.forEach(x -> counts.merge(x, 1, Integer::sum));
        b.forEach(x -> counts.merge(x, -1, Integer::sum));
        List<String> rest = new ArrayList<>();
        counts.forEach(
                (x, n) -> {
                    for (int i = 0; i < n; i++) {
                        rest.add(x);
                    }
                });
        return rest;
    }

    static String indent(List<String> rows) {
        return rows.isEmpty()
                ? "    (none)"
                : rows.stream()
                        .map(r -> "    " + r)
                        .collect(Collectors.joining(System.lineSeparator()));
    }

    /** A small CSV reader: UTF-8 with or without a byte-order mark, quoted cells, CRLF or LF. */
    static List<List<String>> readCsv(Path file, char separator) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
