package fr.vigie.deals.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HubSpot keeps the last 20 changes of a deal's stage: a deal with 20 has a history that may start
 * after it entered the process. The rules that need its stage history do not judge it (it is not
 * assessable for them, with the reason); the deals below the limit are judged as ever.
 */
class HistoryLimitTest {

    @TempDir Path dir;

    @Test
    void should_not_judge_the_stage_history_of_a_deal_at_hubspot_s_limit_and_judge_the_others()
            throws IOException {
        // GIVEN the sample export where deal 10104 has 20 stage changes, the first of them into
        // Découverte (its earlier ones cut by HubSpot), then back and forth with Qualification;
        // 10102 is below the limit
        Path export = atTheLimit();
        Path history = export.resolve("deal-property-history.csv");

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"), "--format", "json,md");

        // THEN 10104 gets no finding (neither "entered the process directly in Découverte" nor a
        // move back), 10102 exactly its findings, and 10104 is counted not assessable with why
        assertThat(run.err()).isEmpty();
        String json = Files.readString(dir.resolve("out/findings.json"));
        assertThat(findingsOf(json, "10104")).isEmpty();
        assertThat(findingsOf(json, "10102"))
                .containsExactly(
                        "PROC-DOCUMENT-MISSING F-9NK59Y6SN5EE",
                        "PROC-FIELD-MISSING F-6FYNGZ8AGZ7M",
                        "PROC-FIELD-MISSING F-C08JQ89MS000",
                        "PROC-FIELD-MISSING F-N1B70B9X58GV",
                        "PROC-FIELD-MISSING F-NSGR9RPJ4Y92",
                        "PROC-SKIP-STAGE F-PP2EFJ117PSX",
                        "PROC-SKIP-STAGE F-ZFG36DP2J865",
                        "PROC-STALE-STAGE F-EECQCNPG128K");
        assertThat(json)
                .contains(
                        "{\"rule\":\"PROC-SKIP-STAGE\",\"deals\":1,\"assessed\":5,\"missing\":[],"
                                + "\"reason\":\"HubSpot keeps only the last 20 stage changes of a"
                                + " deal; 20 are exported, so its earlier stages may be missing"
                                + " (10104)\",\"partial\":"
                                + "[{\"reason\":\"hubspot-history-limit\",\"deals\":1,"
                                + "\"examples\":[\"10104\"]}],\"failed\":[]}");
        assertThat(json)
                .contains("{\"rule\":\"PROC-BACKWARD-MOVE\",\"deals\":1,\"assessed\":5,")
                .contains("{\"rule\":\"PROC-STALE-STAGE\",\"deals\":1,\"assessed\":5,")
                .contains("{\"rule\":\"PROC-FIELD-MISSING\",\"deals\":1,\"assessed\":5,")
                .contains("{\"rule\":\"PROC-DOCUMENT-MISSING\",\"deals\":1,\"assessed\":5,")
                .contains("{\"rule\":\"PROC-APPROVAL-LATE\",\"deals\":6,\"assessed\":0,");
        assertThat(run.out())
                .contains(
                        "  not assessable (HubSpot keeps only the last 20 stage changes of a deal;"
                                + " 20 are exported, so its earlier stages may be missing) on"
                                + " 1 of 6 deals: PROC-BACKWARD-MOVE, PROC-DOCUMENT-MISSING,"
                                + " PROC-FIELD-MISSING, PROC-SKIP-STAGE, PROC-STALE-STAGE"
                                + " (10104)\n")
                .contains(
                        history
                                + ":49: warning: deal 10104 has 20 changes of dealstage, the most"
                                + " HubSpot's property history keeps: its earliest stages may be"
                                + " missing: the rules that need its stage history do not judge"
                                + " it; check the deal in HubSpot");
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains(
                        "\n- Stage skipped (PROC-SKIP-STAGE): 1 of 6 deals not assessable,"
                                + " HubSpot keeps only the last 20 stage changes of a deal; 20 are"
                                + " exported, so its earlier stages may be missing (10104)\n");
    }

    /**
     * The sample export where deal 10104 has 20 stage changes, the first into Découverte, then back
     * and forth with Qualification, then Proposition and Négociation.
     */
    private Path atTheLimit() throws IOException {
        Path export = Imported.copy(HubSpotExportTest.SAMPLE, dir.resolve("export"));
        Path history = export.resolve("deal-property-history.csv");
        List<String> rows = new ArrayList<>(Files.readAllLines(history, StandardCharsets.UTF_8));
        rows.removeIf(row -> row.startsWith("10104,dealstage,"));
        for (int change = 0; change < HubSpotExport.HISTORY_LIMIT; change++) {
            String stage =
                    change == 18
                            ? "decisionmakerboughtin"
                            : change == 19
                                    ? "contractsent"
                                    : change % 2 == 0 ? "presentationscheduled" : "qualifiedtobuy";
            rows.add(
                    String.format(
                            "10104,dealstage,%s,2026-07-%02dT08:00:00.000Z,CRM_UI,104",
                            stage, change + 1));
        }
        Files.write(history, rows, StandardCharsets.UTF_8);
        return export;
    }

    @Test
    void should_say_in_explain_why_a_deal_at_hubspot_s_limit_is_not_judged_by_the_history_rules()
            throws IOException {
        // GIVEN
        Path export = atTheLimit();

        // WHEN
        Imported.Run run =
                Imported.run(
                        "explain",
                        Imported.WORKSPACE.toString(),
                        "--deals",
                        export.toString(),
                        "--period",
                        "2026-Q3",
                        "--deal",
                        "10104");

        // THEN each rule that needs the stage history says why it does not judge the deal; none
        // fired
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains(
                        "  n/a    PROC-SKIP-STAGE — non évaluable sur cette affaire : HubSpot ne"
                                + " garde que les 20 derniers changements d'étape d'une affaire ;"
                                + " 20 sont exportés, ses premières étapes peuvent donc manquer\n")
                .contains(
                        "  n/a    PROC-ACTIVITY-MISSING — non évaluable sur cette affaire : pas"
                                + " d'activités dans cet export\n")
                .doesNotContain("FIRED");
    }

    /** "RULE ID" of each finding of {@code deal} in findings.json, in order. */
    private static List<String> findingsOf(String json, String deal) {
        Matcher m =
                Pattern.compile(
                                "\"id\":\"(F-[0-9A-Z]+)\",\"rule\":\"([A-Z-]+)\",[^{}]*?\"deal\":\""
                                        + deal
                                        + "\"")
                        .matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(2) + " " + m.group(1));
        }
        return found.stream().sorted().collect(Collectors.toList());
    }
}
