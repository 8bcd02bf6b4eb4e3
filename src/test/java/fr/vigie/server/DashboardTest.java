package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.vigie.server.runs.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample's history as its CEO, director and consultant see it. */
class DashboardTest extends ServerTest {

    String page(MvcResult result) throws IOException {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The finding ids of a run's findings.json, as the audit wrote it (waived findings apart). */
    static Set<String> ids(Path findingsJson) throws IOException {
        Set<String> ids = new HashSet<>();
        for (JsonNode finding :
                JsonMapper.builder().build().readTree(findingsJson.toFile()).path("findings")) {
            if (!finding.has("waiver")) {
                ids.add(finding.path("id").asString());
            }
        }
        return ids;
    }

    @Test
    void should_count_new_carried_over_and_resolved_findings_as_the_two_quarters_findings_json_say()
            throws Exception {
        // GIVEN the sample's two quarters, and the findings.json the audits wrote beside the
        // reports
        UUID sample = sample();
        List<Run> history = runs.history(sample);
        assertThat(history).extracting(Run::period).containsExactly("2026-Q2", "2026-Q3");
        Set<String> q2 =
                ids(
                        DATA.resolve(
                                "clients/"
                                        + sample
                                        + "/runs/"
                                        + history.get(0).id()
                                        + "/2026-Q2/findings.json"));
        Set<String> q3 =
                ids(
                        DATA.resolve(
                                "clients/"
                                        + sample
                                        + "/runs/"
                                        + history.get(1).id()
                                        + "/2026-Q3/findings.json"));
        Set<String> carried = new HashSet<>(q3);
        carried.retainAll(q2);

        // WHEN the CEO opens the dashboard
        String dashboard =
                page(
                        mvc.perform(get("/clients/" + sample).session(signIn("p.durand")))
                                .andReturn());

        // THEN the counts are those of the two files, and the trend and the gate show
        assertThat(dashboard)
                .contains(
                        "<span class=\"count\">"
                                + (q3.size() - carried.size())
                                + "</span> <span>nouveaux</span>")
                .contains(
                        "<span class=\"count\">"
                                + carried.size()
                                + "</span> <span>reconduits</span>")
                .contains(
                        "<span class=\"count\">"
                                + (q2.size() - carried.size())
                                + "</span> <span>résolus</span>")
                .contains(
                        "61,0 %",
                        "57,3 %",
                        "+3,7 pts par rapport à 2026-Q2 (57,3 %)",
                        "non franchi",
                        "<svg class=\"chart trend\"")
                .contains("href=\"/clients/" + sample + "/quarters/2026-Q2\"")
                .contains("TACT-QUOTAS-BELOW-TARGET", "tactics/2026-Q3.yaml:30:5")
                .doesNotContain(DATA.toString());
    }

    @Test
    void should_give_each_role_its_pages() throws Exception {
        UUID sample = sample();
        MockHttpSession ceo = signIn("p.durand");
        MockHttpSession director = signIn("s.morel");
        MockHttpSession consultant = signIn("consultant");
        String client = "/clients/" + sample;

        assertThat(mvc.perform(get("/").session(ceo)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(client);
        assertThat(
                        page(
                                mvc.perform(
                                                get(client + "/compare")
                                                        .param("a", "2026-Q2")
                                                        .param("b", "2026-Q3")
                                                        .session(ceo))
                                        .andReturn()))
                .contains("2026-Q2", "2026-Q3", "57,3 %", "61,0 %");
        assertThat(
                        page(
                                mvc.perform(
                                                get(client + "/quarters/2026-Q3")
                                                        .param("show", "new")
                                                        .session(director))
                                        .andReturn()))
                .contains("Nouveaux (");
        assertThat(
                        mvc.perform(get(client + "/access").session(director))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(403);
        assertThat(
                        mvc.perform(get(client + "/runs").session(director))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .doesNotContain("name=\"deals\"");
        assertThat(page(mvc.perform(get("/portfolio").session(consultant)).andReturn()))
                .contains("Durand Industrie SAS", "61,0 %", "+3,7", "class=\"chart trend spark\"");
        assertThat(page(mvc.perform(get(client + "/runs").session(consultant)).andReturn()))
                .contains("name=\"deals\"");
        assertThat(page(mvc.perform(get(client + "/workspace").session(consultant)).andReturn()))
                .contains("Aucun problème trouvé", "fixtures/durand-industrie");
    }

    @Test
    void should_serve_a_quarters_reports_under_their_own_policy_and_log_who_opened_them()
            throws Exception {
        UUID sample = sample();
        Run q3 = runs.history(sample).get(1);
        MockHttpSession director = signIn("s.morel");
        String files = "/clients/" + sample + "/runs/" + q3.id() + "/files/";

        MvcResult html = mvc.perform(get(files + "report.html").session(director)).andReturn();
        assertThat(html.getResponse().getContentType()).startsWith("text/html");
        assertThat(html.getResponse().getHeader("Content-Security-Policy"))
                .startsWith("default-src 'none'; style-src 'unsafe-inline'");
        assertThat(page(html))
                .contains("Durand Industrie SAS")
                .contains("+3,7 pts par rapport à 2026-Q2 (57,3 %)");
        MvcResult appendix =
                mvc.perform(get(files + "report-appendix.html").session(director)).andReturn();
        assertThat(appendix.getResponse().getContentType()).startsWith("text/html");
        assertThat(appendix.getResponse().getHeader("Content-Security-Policy"))
                .startsWith("default-src 'none'; style-src 'unsafe-inline'");
        assertThat(page(appendix)).contains("Durand Industrie SAS").contains("DI-26-");
        MvcResult pdf = mvc.perform(get(files + "report.pdf").session(director)).andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(
                        new String(
                                pdf.getResponse().getContentAsByteArray(),
                                0,
                                5,
                                StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(
                        mvc.perform(get(files + "..%2F..%2Fsecret").session(director))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isIn(400, 404);

        String log =
                page(
                        mvc.perform(
                                        get("/clients/" + sample + "/access")
                                                .session(signIn("p.durand")))
                                .andReturn());
        assertThat(log).contains("Sophie Morel", "fichier de rapport", "2026-Q3 report.pdf");
        assertThat(
                        Files.exists(
                                DATA.resolve(
                                        "clients/" + sample + "/runs/" + q3.id() + "/2026-Q2")))
                .as("the previous quarter's copy is removed")
                .isFalse();
    }
}
