package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.vigie.server.runs.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The sealing of clients, the same on H2 and PostgreSQL: two clients, A and B, each with its
 * consultant, CEO and one audit; every page, file and form of B, asked for by A's people (with B's
 * ids, or B's ids under A's), answers exactly what a client that does not exist answers.
 */
final class Isolation {

    private final MockMvc mvc;
    private final TestClients clients;

    Isolation(MockMvc mvc, TestClients clients) {
        this.mvc = mvc;
        this.clients = clients;
    }

    interface SignIn {
        MockHttpSession as(String username) throws Exception;
    }

    interface Settle {
        void until(UUID client) throws Exception;
    }

    void check(SignIn signIn, Settle settle, String suffix) throws Exception {
        // GIVEN two clients, each audited once; B's deal is named so that it can be looked for
        TestClients.Made a =
                clients.small(
                        "Client A " + suffix,
                        "consultant-a-" + suffix,
                        TestClients.skipping("A-1", "Affaire de A"));
        TestClients.Made b =
                clients.small(
                        "Client B " + suffix,
                        "consultant-b-" + suffix,
                        TestClients.skipping("B-1", "Secret de B"));
        settle.until(a.client());
        settle.until(b.client());
        String B = "/clients/" + b.client();
        String A = "/clients/" + a.client();
        List<String> pages =
                new ArrayList<>(
                        List.of(
                                B,
                                B + "/quarters/2026-Q3",
                                B + "/compare",
                                B + "/runs",
                                B + "/runs/" + b.run(),
                                B + "/runs/" + b.run() + "/deal?id=B-1",
                                B + "/runs/" + b.run() + "/files/report.html",
                                B + "/runs/" + b.run() + "/files/report.pdf",
                                B + "/runs/" + b.run() + "/files/report-appendix.html",
                                B + "/runs/" + b.run() + "/files/findings.json",
                                B + "/uploads/" + b.upload(),
                                B + "/workspace",
                                B + "/access"));
        List<String> crossed =
                List.of(
                        A + "/runs/" + b.run(),
                        A + "/runs/" + b.run() + "/deal?id=B-1",
                        A + "/runs/" + b.run() + "/files/report.html",
                        A + "/runs/" + b.run() + "/files/report-appendix.html",
                        A + "/uploads/" + b.upload());
        MockHttpSession ownerOfB = signIn.as(b.ceo().username());
        MockHttpSession ceoOfA = signIn.as(a.ceo().username());
        MockHttpSession consultantOfA = signIn.as(a.consultant().username());
        String nowhere =
                body(mvc.perform(get("/clients/" + UUID.randomUUID()).session(ceoOfA)).andReturn());

        // WHEN B's CEO opens B's pages, THEN they exist
        for (String page : pages) {
            assertThat(
                            mvc.perform(get(page).session(ownerOfB))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus())
                    .as("B's CEO opens %s", page)
                    .isEqualTo(200);
        }
        // WHEN A's CEO and consultant ask for them, THEN not found, word for word as a client that
        // does not exist, and nothing of B shows
        for (MockHttpSession stranger : List.of(ceoOfA, consultantOfA)) {
            for (String page : concat(pages, crossed)) {
                MvcResult result = mvc.perform(get(page).session(stranger)).andReturn();
                assertThat(result.getResponse().getStatus())
                        .as("%s asks for %s", stranger.getAttributeNames(), page)
                        .isEqualTo(404);
                assertThat(body(result))
                        .as(page)
                        .isEqualTo(nowhere)
                        .doesNotContain("Secret de B", "Client B");
            }
        }
        // AND A's consultant cannot post anything to B
        MockMultipartFile deals =
                new MockMultipartFile(
                        "deals",
                        "2026-Q3.jsonl",
                        "application/octet-stream",
                        TestClients.skipping("X-1", "x").getBytes());
        assertThat(
                        mvc.perform(
                                        multipart(B + "/runs")
                                                .file(deals)
                                                .param("period", "2026-Q3")
                                                .session(consultantOfA)
                                                .with(csrf()))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(404);
        assertThat(
                        mvc.perform(
                                        post(B + "/runs/" + b.run() + "/again")
                                                .session(consultantOfA)
                                                .with(csrf()))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(404);
        assertThat(
                        mvc.perform(
                                        post(A + "/runs/" + b.run() + "/again")
                                                .session(consultantOfA)
                                                .with(csrf()))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(404);
        // AND A's own pages work, and its run is the only one it sees
        assertThat(
                        mvc.perform(get(A + "/runs/" + a.run()).session(ceoOfA))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(200);
        assertThat(body(mvc.perform(get("/portfolio").session(consultantOfA)).andReturn()))
                .contains("Client A " + suffix)
                .doesNotContain("Client B");
        assertThat(clients.runState(a.client(), a.run())).isEqualTo(RunState.SUCCEEDED);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
