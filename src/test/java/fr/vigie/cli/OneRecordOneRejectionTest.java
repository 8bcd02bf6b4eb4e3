package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record Vigie cannot read is rejected, located, and the audit goes on: the other deals give the
 * same findings as without it, and the console's reconciliation counts it.
 */
class OneRecordOneRejectionTest {

    /** Each hostile record, the column its rejection points at, and its reason. */
    record Hostile(String json, int column, String reason) {}

    static final List<Hostile> HOSTILE =
            List.of(
                    new Hostile(
                            "{\"id\":\"D-5\",\"amount\":1e999999999,\"createdAt\":\"2026-09-20T09:00:00+02:00\"}",
                            22,
                            "amount has more than 18 digits before the decimal point: too large to"
                                    + " be an amount, a price or a quantity"),
                    new Hostile(
                            "{\"id\":\"D-6\",\"account\":{\"segment\":\"TPE\",\"segment\":\"PME\"},\"createdAt\":\"2026-09-20T09:00:00+02:00\"}",
                            40,
                            "field 'account.segment' is written twice"),
                    new Hostile(
                            "{\"id\":\"D-7\",\"amount\":null,\"amount\":999,\"createdAt\":\"2026-09-20T09:00:00+02:00\"}",
                            27,
                            "field 'amount' is written twice"),
                    new Hostile(
                            "{\"id\":\"D-8\",\"createdAt\":\"2026-02-30T09:00:00+02:00\"}",
                            25,
                            "bad date: createdAt '2026-02-30T09:00:00+02:00' is not a date-time;"
                                + " write ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00"),
                    new Hostile(
                            "{\"id\":\"D-9\",\"createdAt\":\"2026-09-20T09:00:00+02:00\",\"stages\":["
                                + "{\"stage\":\"prospection\",\"at\":\"2026-09-20T09:00:00+02:00\"},{\"stage\":\"qualification\",\"at\":\"2099-09-21T09:00:00+02:00\"}]}",
                            0,
                            "stages[1].at 2099-09-21T09:00+02:00 is later than today and than the"
                                + " end of 2026-Q3: it cannot have happened yet; fix the date in"
                                + " the CRM"),
                    new Hostile(
                            "{\"id\":\"D-10\",\"createdAt\":\"2099-09-20T09:00:00+02:00\",\"stages\":["
                                + "{\"stage\":\"prospection\",\"at\":\"2099-09-20T09:00:00+02:00\"}]}",
                            0,
                            "createdAt 2099-09-20T09:00+02:00 is later than today and than the end"
                                + " of 2026-Q3: it cannot have happened yet; fix the date in the"
                                + " CRM"));

    @TempDir Path dir;
    Path workspace;

    @BeforeEach
    void a_small_workspace() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
    }

    record Run(int code, String out, String err, String findings, List<String> rejected) {}

    Run audit(String name, List<String> lines) throws IOException {
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"), String.join("\n", lines) + "\n");
        Path outDir = dir.resolve(name);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "audit",
                        workspace.toString(),
                        "-q",
                        "--lang",
                        "en",
                        "--format",
                        "csv",
                        "--out",
                        outDir.toString(),
                        "--standard-rules",
                        "rules");
        List<String> rejected =
                Files.readAllLines(outDir.resolve("rejected.csv"), StandardCharsets.UTF_8);
        return new Run(
                code,
                out.toString(),
                err.toString(),
                Files.readString(outDir.resolve("findings.csv")),
                rejected.subList(1, rejected.size()));
    }

    @Test
    void
            should_reject_each_unreadable_or_impossible_record_at_its_place_and_audit_the_others_as_without_it()
                    throws IOException {
        // GIVEN the same two deals, without and then followed by records Vigie cannot read
        Run without = audit("without", List.of(CliTest.CLEAN, CliTest.SKIPPING));
        List<String> lines = new ArrayList<>(List.of(CliTest.CLEAN, CliTest.SKIPPING));
        HOSTILE.forEach(h -> lines.add(h.json()));

        // WHEN
        Run with = audit("with", lines);

        // THEN the same exit and findings; one rejection per hostile record, at its line and
        // column, naming its deal
        assertThat(with.code())
                .as("stderr: %s", with.err())
                .isEqualTo(without.code())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(with.err()).isEmpty();
        assertThat(with.findings()).isEqualTo(without.findings());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            Hostile h = HOSTILE.get(i);
            // English: rejected.csv is comma-separated (semicolons in French)
            String reason =
                    h.reason().contains(",") || h.reason().contains("\"")
                            ? '"' + h.reason().replace("\"", "\"\"") + '"'
                            : h.reason();
            expected.add(
                    workspace.resolve("deals/2026-Q3.jsonl")
                            + ","
                            + (i + 3)
                            + ","
                            + (h.column() > 0 ? h.column() : "")
                            + ",D-"
                            + (i + 5)
                            + ","
                            + reason);
        }
        assertThat(with.rejected()).containsExactlyElementsOf(expected);
        assertThat(with.out())
                .contains("8 records read = 2 audited + 6 rejected (see rejected.csv)");
    }
}
