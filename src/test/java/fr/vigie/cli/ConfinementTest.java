package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is read from outside the client's folders: a name a mapping writes, or a link in the
 * workspace or the deals, that leads elsewhere is refused where it is written (exit 2), no report
 * is written, and no byte of the other file reaches a message.
 */
class ConfinementTest {

    static final String SECRET = "SECRET-OF-ANOTHER-CLIENT";

    @TempDir Path dir;
    Path workspace;
    Path other;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void a_client_and_another_one_beside_it() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), CliTest.CLEAN + "\n");
        other = Files.createDirectories(dir.resolve("other-client"));
        Files.writeString(
                other.resolve("Opportunity.csv"),
                "\"Id\",\"Name\"\n\"" + SECRET + "\",\"" + SECRET + "\"\n");
        Files.writeString(other.resolve("secret.txt"), SECRET + "\n");
    }

    int vigie(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--standard-rules", "rules"));
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    }

    /**
     * The sample's Salesforce export, copied, with its mapping's {@code files:} naming {@code
     * opportunity}.
     */
    Path exportNaming(String opportunity) throws IOException {
        Path export = dir.resolve("export");
        Path sample = Path.of("fixtures/durand-industrie-salesforce");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.toList()) {
                Files.copy(file, export.resolve(sample.relativize(file).toString()));
            }
        }
        Files.writeString(
                export.resolve("sources/salesforce.yaml"),
                "files:\n  Opportunity: " + opportunity + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        return export;
    }

    void assertRefusedWithoutReading(int code) {
        assertThat(code).as("stderr: %s", err).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(out.toString() + err).doesNotContain(SECRET).doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void
            should_refuse_a_mapping_delivered_in_an_export_that_names_another_clients_file_at_its_line()
                    throws IOException {
        // GIVEN an export whose own mapping reads Opportunity from the folder beside it
        Path export = exportNaming("../other-client/Opportunity.csv");
        int line = Files.readAllLines(export.resolve("sources/salesforce.yaml")).size();

        // WHEN
        int code =
                vigie(
                        "audit",
                        "fixtures/durand-industrie",
                        "--deals",
                        export.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        dir.resolve("out").toString());

        // THEN
        assertRefusedWithoutReading(code);
        assertThat(err.toString())
                .contains(
                        export.resolve("sources/salesforce.yaml")
                                + ":"
                                + line
                                + ":16: '../other-client/Opportunity.csv' is outside "
                                + export
                                + ": a file named here is read from that folder only (links"
                                + " included)");
    }

    @Test
    void should_refuse_a_mapping_that_names_an_absolute_path() throws IOException {
        // GIVEN
        Path export = exportNaming(other.resolve("Opportunity.csv").toString());

        // WHEN
        int code =
                vigie(
                        "audit",
                        "fixtures/durand-industrie",
                        "--deals",
                        export.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        dir.resolve("out").toString());

        // THEN
        assertRefusedWithoutReading(code);
        assertThat(err.toString())
                .contains(":16: '" + other.resolve("Opportunity.csv") + "' is outside " + export);
    }

    @Test
    void should_refuse_a_rule_file_linked_outside_the_workspace() throws IOException {
        // GIVEN the workspace's rules/evil.drl, a link to another client's file
        Files.createDirectories(workspace.resolve("rules"));
        Files.createSymbolicLink(workspace.resolve("rules/evil.drl"), other.resolve("secret.txt"));

        // WHEN
        int code = vigie("audit", workspace.toString(), "--out", dir.resolve("out").toString());

        // THEN
        assertRefusedWithoutReading(code);
        assertThat(err.toString())
                .contains(
                        workspace.resolve("rules/evil.drl")
                                + ": a link to outside "
                                + workspace.resolve("rules")
                                + ": Vigie reads only the client's own files; put the file itself"
                                + " in the folder");
    }

    @Test
    void should_refuse_a_workspace_folder_or_deals_file_linked_outside_the_workspace()
            throws IOException {
        // GIVEN the tactics folder, then the period's deals, linked to another client's
        Files.createSymbolicLink(workspace.resolve("tactics"), other);
        int tactics = vigie("validate", workspace.toString());
        String tacticsErr = err.toString();
        Files.delete(workspace.resolve("tactics"));
        Files.delete(workspace.resolve("deals/2026-Q3.jsonl"));
        Files.createSymbolicLink(
                workspace.resolve("deals/2026-Q3.jsonl"), other.resolve("secret.txt"));

        // WHEN
        int deals =
                vigie(
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        dir.resolve("out").toString());

        // THEN
        assertThat(tactics).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(tacticsErr)
                .contains(workspace.resolve("tactics") + ": a link to outside " + workspace);
        assertRefusedWithoutReading(deals);
        assertThat(err.toString())
                .contains(
                        workspace.resolve("deals/2026-Q3.jsonl")
                                + ": a link to outside "
                                + workspace);
    }

    @Test
    void should_refuse_a_bundle_file_linked_outside_the_deals_folder() throws IOException {
        // GIVEN a CSV bundle whose activities.csv is a link to another client's file
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(
                bundle.resolve("deals.csv"),
                "id;created_at;stage\nD-1;2026-09-20T09:00:00+02:00;prospection\n");
        Files.createSymbolicLink(bundle.resolve("activities.csv"), other.resolve("secret.txt"));

        // WHEN
        int code =
                vigie(
                        "audit",
                        workspace.toString(),
                        "--deals",
                        bundle.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        dir.resolve("out").toString());

        // THEN
        assertRefusedWithoutReading(code);
        assertThat(err.toString())
                .contains(bundle.resolve("activities.csv") + ": a link to outside " + bundle);
    }

    @Test
    void should_follow_a_link_that_stays_inside_the_workspace() throws IOException {
        // GIVEN the process file moved to a folder of the workspace, and linked from process/
        Path shared = Files.createDirectories(workspace.resolve("shared"));
        Files.move(workspace.resolve("process/standard.yaml"), shared.resolve("standard.yaml"));
        Files.createSymbolicLink(
                workspace.resolve("process/standard.yaml"), Path.of("../shared/standard.yaml"));

        // WHEN / THEN
        assertThat(vigie("validate", workspace.toString())).as("stderr: %s", err).isZero();
    }

    @Test
    void should_refuse_an_output_folder_inside_the_folder_of_the_deals() throws IOException {
        // GIVEN a CSV bundle, and --out inside it
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(
                bundle.resolve("deals.csv"),
                "id;created_at;stage\nD-1;2026-09-20T09:00:00+02:00;prospection\n");

        // WHEN
        int code =
                vigie(
                        "audit",
                        workspace.toString(),
                        "--deals",
                        bundle.toString(),
                        "--period",
                        "2026-Q3",
                        "--out",
                        bundle.resolve("out").toString());

        // THEN nothing written in the bundle
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "--out: "
                                + bundle.resolve("out")
                                + " is inside the folder of the deals ("
                                + bundle
                                + ")");
        assertThat(bundle.resolve("out")).doesNotExist();
    }
}
