package fr.vigie.deals.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judge only what the data can show: an export without stage history or activities gets every check
 * that needs neither, and the rules that need them do not fire: their deals are counted as not
 * assessable, with the reason.
 */
class SnapshotExportTest {

    static final Path SNAPSHOT = Path.of("fixtures/crm-snapshot");

    @TempDir Path dir;

    @Test
    void should_audit_a_one_row_per_deal_export_without_false_skips_and_say_what_it_cannot_judge()
            throws IOException {
        // GIVEN one row per deal (current stage, engage date, close date), the period 2017-Q1 of an
        // export spanning 2016-2017
        // WHEN
        Imported.Run run =
                Imported.run(
                        "audit",
                        SNAPSHOT.toString(),
                        "--deals",
                        SNAPSHOT.resolve("deals/2017-Q1").toString(),
                        "--period",
                        "2017-Q1",
                        "--out",
                        dir.resolve("out").toString(),
                        "--standard-rules",
                        "rules",
                        "-q",
                        "--format",
                        "json,md");

        // THEN the won and lost deals are read as won and lost (entered Won or Lost when they
        // closed): none rejected for its outcome,
        // none said to have skipped a stage; the deals of 2016-Q4 and 2017-Q2 are outside; an
        // unknown agent and a deal without date are rejected
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "  12 records read = 8 audited + 2 rejected (see rejected.csv) + 2 outside"
                                + " the period\n")
                .contains(
                        "  conformity 100.0% (8 of 8 deals), 0 findings (0 critical, 0 major, 0"
                                + " minor, 0 info)\n")
                .contains(
                        "  not assessable (no stage history in this export) on 8 of 8 deals:"
                                + " PROC-BACKWARD-MOVE, PROC-FIELD-MISSING, PROC-SKIP-STAGE,"
                                + " PROC-STALE-STAGE\n")
                .contains(
                        "  not assessable (no stage history, no activities in this export) on 8 of"
                                + " 8 deals: PROC-ACTIVITY-MISSING\n")
                .contains(
                        "  not assessable (no documents in this export) on 8 of 8 deals:"
                                + " PROC-WON-NO-EVIDENCE\n")
                .contains(
                        "  not assessable (no loss reason column in this export) on 8 of 8 deals:"
                                + " PROC-LOST-NO-REASON\n");
        String json = Files.readString(dir.resolve("out/findings.json"));
        assertThat(json)
                .contains("\"findings\":[]")
                .contains(
                        "{\"rule\":\"PROC-SKIP-STAGE\",\"deals\":8,\"assessed\":0,\"missing\":[\"stage-history\"],\"reason\":\"no"
                            + " stage history in this export\",\"partial\":[],\"failed\":[]}")
                .contains("\"coverage\":{\"carried\":[],");
        assertThat(json)
                .contains(
                        "{\"rule\":\"PROC-LOST-NO-REASON\",\"deals\":8,\"assessed\":0,\"missing\":[\"loss-reason\"],\"reason\":\"no"
                            + " loss reason column in this export\",\"partial\":[],\"failed\":[]}");
        assertThat(count(json, "\"rule\":\"PROC-")).isEqualTo(12);
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains(
                        "Not assessable from this export (the conformity rate is computed on what"
                                + " could be judged):\n\n")
                .contains(
                        "- Stage skipped (PROC-SKIP-STAGE): 8 of 8 deals not assessable, no stage"
                                + " history in this export\n");
        assertThat(Files.readString(dir.resolve("out/rejected.csv")))
                .contains(
                        "sales_pipeline.csv,12,10,0BCNQO0P,\"cannot name the user 'Cecily Lampkin'")
                .contains("sales_pipeline.csv,13,56,QOW5GWN9,\"the deal has no 'engage_date'");
    }

    @Test
    void should_choose_the_period_s_deals_as_deals_in_period_on_the_command_line_says()
            throws IOException {
        // GIVEN the export of 2017-Q1, whose vigie.yaml keeps the default (open during the period)
        // WHEN it is audited with the period's deals being those closed during it, then created
        // during it
        Imported.Run closed = audit("closed-during");
        Imported.Run created = audit("created-during");

        // THEN the deals still open, then the deals created before 2017, are outside the period
        assertThat(closed.code()).as(closed.err()).isZero();
        assertThat(closed.out())
                .contains(
                        "  12 records read = 6 audited + 2 rejected (see rejected.csv) + 4 outside"
                                + " the period\n")
                .contains(
                        "  the period's deals are those closed during it (--deals-in-period"
                                + " closed-during)\n");
        assertThat(created.out())
                .contains(
                        "  12 records read = 4 audited + 2 rejected (see rejected.csv) + 6 outside"
                                + " the period\n");
    }

    private Imported.Run audit(String dealsInPeriod) {
        return Imported.run(
                "audit",
                SNAPSHOT.toString(),
                "--deals",
                SNAPSHOT.resolve("deals/2017-Q1").toString(),
                "--period",
                "2017-Q1",
                "--deals-in-period",
                dealsInPeriod,
                "--out",
                dir.resolve(dealsInPeriod).toString(),
                "--standard-rules",
                "rules",
                "-q",
                "--format",
                "json");
    }

    @Test
    void
            should_not_judge_required_activities_on_an_export_without_activities_and_keep_every_other_finding()
                    throws IOException {
        // GIVEN the CSV sample with an activities file where no deal has an activity, then without
        // an activities file
        Path with =
                Imported.copy(
                        Path.of("src/test/resources/importers/csv/export"), dir.resolve("with"));
        Path activities = with.resolve("activites.csv");
        Files.write(
                activities,
                java.util.Arrays.copyOf(
                        Files.readAllBytes(activities),
                        firstLineLength(Files.readAllBytes(activities))));
        Path without =
                Imported.copy(
                        Path.of("src/test/resources/importers/csv/export"), dir.resolve("without"));
        Files.delete(without.resolve("activites.csv"));
        Path mapping = without.resolve("sources/csv.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("  activities: activites.csv\n", "")
                        .replace(
                                "  activities: { deal-id: N° affaire, type: Type, at: Date, by:"
                                        + " Commercial, outcome: Compte rendu }\n",
                                ""),
                java.nio.charset.StandardCharsets.UTF_8);

        // WHEN
        Imported.Run withActivities =
                Imported.audit(with, dir.resolve("out-with"), "--format", "json");
        Imported.Run withoutActivities =
                Imported.audit(without, dir.resolve("out-without"), "--format", "json");

        // THEN with an activities file, the deals that lack a required activity are flagged (the
        // export shows there was none);
        // without one, no PROC-ACTIVITY-MISSING, its deals not assessable, every other rule's
        // findings unchanged
        assertThat(withoutActivities.err()).isEmpty();
        String full = Files.readString(dir.resolve("out-with/findings.json"));
        String partial = Files.readString(dir.resolve("out-without/findings.json"));
        assertThat(count(full, "\"rule\":\"PROC-ACTIVITY-MISSING\",\"ruleVersion\"")).isPositive();
        assertThat(count(partial, "\"rule\":\"PROC-ACTIVITY-MISSING\",\"ruleVersion\"")).isZero();
        assertThat(withoutActivities.out())
                .contains("not assessable (no activities in this export) on ");
        for (String rule :
                new String[] {
                    "PROC-SKIP-STAGE",
                    "PROC-FIELD-MISSING",
                    "PROC-DOCUMENT-MISSING",
                    "PROC-LOST-NO-REASON",
                    "PROC-WON-NO-EVIDENCE",
                    "PROC-STALE-STAGE",
                    "PROC-APPROVAL-MISSING"
                }) {
            assertThat(count(partial, "\"rule\":\"" + rule + "\",\"ruleVersion\""))
                    .as(rule)
                    .isEqualTo(count(full, "\"rule\":\"" + rule + "\",\"ruleVersion\""));
        }
        assertThat(partial).contains("{\"rule\":\"PROC-ACTIVITY-MISSING\",\"deals\":");
        assertThat(withActivities.out()).doesNotContain("not assessable");
    }

    /**
     * The length of the first line of {@code bytes}, its end of line included: the header of a CSV
     * file.
     */
    private static int firstLineLength(byte[] bytes) {
        int at = 0;
        while (bytes[at] != '\n') {
            at++;
        }
        return at + 1;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
