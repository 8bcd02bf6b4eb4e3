package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.vigie.SmallWorkspace;
import fr.vigie.cli.Vigie;
import fr.vigie.server.runs.FindingRow;
import fr.vigie.server.runs.Run;
import fr.vigie.server.runs.RunQueue;
import fr.vigie.server.runs.RunState;
import fr.vigie.server.runs.StoredFindings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The consultant's work: a workspace checked on upload, quarters audited in the background,
 * failures that keep nothing.
 */
class RunsTest extends ServerTest {

    @Autowired StoredFindings findings;
    @Autowired RunQueue queue;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new ZipEntry(
                                "workspace/"
                                        + folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    String page(MvcResult result) throws IOException {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    UUID newClient(MockHttpSession consultant, String name) throws Exception {
        MvcResult created =
                mvc.perform(
                                post("/clients/new")
                                        .session(consultant)
                                        .with(csrf())
                                        .param("name", name))
                        .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/clients/").endsWith("/workspace");
        return UUID.fromString(location.split("/")[2]);
    }

    @Test
    void should_show_the_problems_of_an_uploaded_workspace_as_vigie_validate_prints_them()
            throws Exception {
        // GIVEN a workspace with a typo in its process, and what vigie validate prints of it
        Path workspace = SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("process/standard.yaml"),
                Files.readString(workspace.resolve("process/standard.yaml"))
                        .replace("max-days: 20", "max-dayz: 20"));
        StringWriter err = new StringWriter();
        Vigie.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "validate",
                workspace.toString(),
                "--standard-rules",
                "rules");
        String problem =
                err.toString()
                        .lines()
                        .filter(l -> l.contains("max-dayz"))
                        .findFirst()
                        .orElseThrow();
        MockHttpSession consultant = signIn("consultant");
        UUID client = newClient(consultant, "Client au processus faux");

        // WHEN its zip is uploaded
        mvc.perform(
                multipart("/clients/" + client + "/workspace")
                        .file(
                                new MockMultipartFile(
                                        "workspace", "ws.zip", "application/zip", zip(workspace)))
                        .session(consultant)
                        .with(csrf()));

        // THEN the workspace page shows the same located problem, its path inside the workspace,
        // and no audit can start
        String shown =
                page(
                        mvc.perform(get("/clients/" + client + "/workspace").session(consultant))
                                .andReturn());
        assertThat(problem)
                .startsWith(workspace.toString().replace(Path.of("").toAbsolutePath() + "/", ""));
        assertThat(shown)
                .contains(
                        problem.substring(problem.indexOf("process/standard.yaml"))
                                .replace("'", "&#39;"))
                .doesNotContain(DATA.toString());
        assertThat(
                        page(
                                mvc.perform(get("/clients/" + client + "/runs").session(consultant))
                                        .andReturn()))
                .doesNotContain("name=\"deals\"");
    }

    @Test
    void should_refuse_a_zip_that_climbs_out_of_its_folder_with_a_clear_message() throws Exception {
        MockHttpSession consultant = signIn("consultant");
        UUID client = newClient(consultant, "Client au zip hostile");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("../../outside.txt"));
            out.write(1);
            out.closeEntry();
        }
        MvcResult refused =
                mvc.perform(
                                multipart("/clients/" + client + "/workspace")
                                        .file(
                                                new MockMultipartFile(
                                                        "workspace",
                                                        "ws.zip",
                                                        "application/zip",
                                                        bytes.toByteArray()))
                                        .session(consultant)
                                        .with(csrf()))
                        .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(page(refused)).contains("climbs out of its folder").doesNotContain("Exception");
    }

    @Test
    void should_keep_the_previous_results_when_a_run_fails_and_say_why() throws Exception {
        // GIVEN a client whose first quarter was audited
        TestClients.Made made =
                testClients.small(
                        "Client à l'audit raté",
                        "consultant",
                        TestClients.skipping("F-1", "Affaire F"));
        settled(made.client());
        MockHttpSession consultant = signIn("consultant");

        // WHEN the same quarter is uploaded again as a Salesforce export, which it is not
        MvcResult started =
                mvc.perform(
                                multipart("/clients/" + made.client() + "/runs")
                                        .file(
                                                new MockMultipartFile(
                                                        "deals",
                                                        "q3.jsonl",
                                                        "application/octet-stream",
                                                        TestClients.skipping("F-1", "Affaire F")
                                                                .getBytes()))
                                        .param("period", "2026-Q3")
                                        .param("source", "salesforce")
                                        .session(consultant)
                                        .with(csrf()))
                        .andReturn();
        List<Run> all = settled(made.client());

        // THEN that run failed with its located reason, and the quarter still shows the first run's
        // results
        Run failed =
                all.stream().filter(r -> r.state() == RunState.FAILED).findFirst().orElseThrow();
        assertThat(started.getResponse().getRedirectedUrl())
                .isEqualTo("/clients/" + made.client() + "/runs/" + failed.id());
        assertThat(failed.failure())
                .contains("q3.jsonl")
                .contains("mapping")
                .doesNotContain(DATA.toString());
        assertThat(
                        page(
                                mvc.perform(
                                                get("/clients/"
                                                                + made.client()
                                                                + "/runs/"
                                                                + failed.id())
                                                        .session(consultant))
                                        .andReturn()))
                .contains("mapping");
        assertThat(runs.history(made.client())).extracting(Run::id).containsExactly(made.run());
        assertThat(
                        page(
                                mvc.perform(
                                                get("/clients/"
                                                                + made.client()
                                                                + "/quarters/2026-Q3")
                                                        .session(consultant))
                                        .andReturn()))
                .contains("F-1");
    }

    @Test
    void should_end_a_run_as_failed_and_keep_nothing_of_it_when_the_database_goes_away()
            throws Exception {
        // GIVEN a client audited once, nothing else running, and the database set to go away at the
        // run's first findings
        TestClients.Made made =
                testClients.small(
                        "Client à la panne",
                        "consultant",
                        TestClients.skipping("P-1", "Affaire P"));
        settled(made.client());
        List<FindingRow> kept =
                findings.list(made.client(), made.run(), null, StoredFindings.Filter.ALL, 0, 10);
        sample();
        Outage.armOn("run_finding");
        try {
            // WHEN a second audit runs and the database goes away, then comes back a moment later
            UUID second =
                    queue.submit(
                            made.client(),
                            fr.vigie.workspace.Period.parse("2026-Q3").orElseThrow(),
                            runs.find(made.client(), made.run()).orElseThrow().workspaceVersion(),
                            made.upload(),
                            null,
                            made.consultant().id());
            assertThat(Outage.awaitDown(120)).as("the database went away").isTrue();
            Thread.sleep(300);
            Outage.up();
            settled(made.client());

            // THEN the run ended as failed with the reason, nothing of it stored, and the first run
            // is untouched
            Run failed = runs.find(made.client(), second).orElseThrow();
            assertThat(failed.state()).isEqualTo(RunState.FAILED);
            assertThat(failed.failure())
                    .contains("database could not be reached")
                    .contains("nothing of this run was kept");
            assertThat(findings.list(made.client(), second, null, StoredFindings.Filter.ALL, 0, 10))
                    .isEmpty();
            assertThat(kept).isNotEmpty().extracting(FindingRow::deal).containsOnly("P-1");
            assertThat(
                            findings.list(
                                    made.client(),
                                    made.run(),
                                    null,
                                    StoredFindings.Filter.ALL,
                                    0,
                                    10))
                    .isEqualTo(kept);
            assertThat(runs.history(made.client())).extracting(Run::id).containsExactly(made.run());
        } finally {
            Outage.up();
        }
    }

    @Test
    void
            should_show_a_run_the_server_stopped_as_interrupted_and_give_the_same_findings_when_started_again()
                    throws Exception {
        // GIVEN an audited client, and a second run left RUNNING by a server that stopped
        TestClients.Made made =
                testClients.small(
                        "Client interrompu",
                        "consultant",
                        TestClients.skipping("I-1", "Affaire I")
                                + TestClients.skipping("I-2", "Affaire J"));
        settled(made.client());
        Run first = runs.find(made.client(), made.run()).orElseThrow();
        UUID stopped = UUID.randomUUID();
        jdbc.sql(
                        "insert into run_queue (run_id, client_id, queued_at, running) values (?,"
                                + " ?, ?, true)")
                .params(stopped, made.client(), OffsetDateTime.now())
                .update();
        jdbc.sql(
                        "insert into run (id, client_id, period, period_start, state,"
                            + " workspace_version_id, upload_id, requested_by, requested_at,"
                            + " started_at) values (?, ?, '2026-Q3', '2026-07-01', 'RUNNING', ?, ?,"
                            + " ?, ?, ?)")
                .params(
                        stopped,
                        made.client(),
                        first.workspaceVersion(),
                        made.upload(),
                        made.consultant().id(),
                        OffsetDateTime.now(),
                        OffsetDateTime.now())
                .update();

        // WHEN the server starts again
        queue.recover();

        // THEN the run shows as interrupted, and started again it gives the first run's findings,
        // id for id
        MockHttpSession consultant = signIn("consultant");
        assertThat(runs.find(made.client(), stopped).orElseThrow().state())
                .isEqualTo(RunState.INTERRUPTED);
        assertThat(
                        page(
                                mvc.perform(
                                                get("/clients/"
                                                                + made.client()
                                                                + "/runs/"
                                                                + stopped)
                                                        .session(consultant))
                                        .andReturn()))
                .contains("interrompu")
                .contains("/again");
        String again =
                mvc.perform(
                                post("/clients/" + made.client() + "/runs/" + stopped + "/again")
                                        .session(consultant)
                                        .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl();
        settled(made.client());
        UUID rerun = UUID.fromString(again.substring(again.lastIndexOf('/') + 1));
        assertThat(runs.find(made.client(), rerun).orElseThrow().state())
                .isEqualTo(RunState.SUCCEEDED);
        assertThat(ids(made.client(), rerun))
                .isNotEmpty()
                .isEqualTo(ids(made.client(), made.run()));
    }

    @Test
    void should_store_and_show_the_deals_outside_the_period_in_the_reconciliation()
            throws Exception {
        // GIVEN a quarter's upload holding a deal of the quarter and one created after it
        TestClients.Made made =
                testClients.small(
                        "Client hors période",
                        "consultant",
                        TestClients.skipping("P-1", "Affaire du trimestre")
                                + TestClients.skipping("P-2", "Affaire d'octobre")
                                        .replace("2026-09-0", "2026-10-0"));

        // WHEN it is audited
        settled(made.client());

        // THEN the run's figures count it outside the period, and still reconcile
        Run.Figures figures = runs.find(made.client(), made.run()).orElseThrow().figures();
        assertThat(figures.recordsRead()).isEqualTo(2);
        assertThat(figures.dealsAudited()).isEqualTo(1);
        assertThat(figures.recordsRejected()).isZero();
        assertThat(figures.outsidePeriod()).isEqualTo(1);
        assertThat(figures.reconciles()).isTrue();
        // AND the run's page says so
        assertThat(
                        page(
                                mvc.perform(
                                                get("/clients/"
                                                                + made.client()
                                                                + "/runs/"
                                                                + made.run())
                                                        .session(signIn("consultant")))
                                        .andReturn()))
                .contains("2 enregistrements lus = 1 audités + 0 rejetés + 1 hors de la période");
    }

    @Test
    void should_show_markup_in_a_deal_as_text() throws Exception {
        TestClients.Made made =
                testClients.small(
                        "Client hostile",
                        "consultant",
                        TestClients.skipping("H-1", "<script>alert(1)</script>"));
        settled(made.client());
        String deal =
                page(
                        mvc.perform(
                                        get("/clients/"
                                                        + made.client()
                                                        + "/runs/"
                                                        + made.run()
                                                        + "/deal")
                                                .param("id", "H-1")
                                                .session(signIn("consultant")))
                                .andReturn());
        assertThat(deal)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    List<String> ids(UUID client, UUID run) {
        return findings.list(client, run, null, StoredFindings.Filter.ALL, 0, 1000).stream()
                .map(FindingRow::findingId)
                .sorted()
                .toList();
    }
}
