package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.vigie.SmallWorkspace;
import fr.vigie.server.runs.Run;
import fr.vigie.server.runs.RunState;
import fr.vigie.server.security.Role;
import fr.vigie.server.store.Flags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The admin's accounts, one's own password, and workspaces that carry their own rules. */
class AccountsAndRulesTest extends ServerTest {

    @Autowired fr.vigie.server.clients.Clients clients;
    @Autowired fr.vigie.server.clients.Workspaces workspaces;
    @Autowired fr.vigie.server.runs.DealUploads uploads;
    @Autowired fr.vigie.server.runs.RunQueue queue;
    @Autowired Flags flags;

    record OwnRules(
            UUID client,
            UUID consultant,
            fr.vigie.server.clients.WorkspaceVersion version,
            fr.vigie.server.runs.Upload upload) {}

    /** A client whose workspace has its own DRL rule, and an upload of one deal. */
    OwnRules ownRules(String login, String name, String deal) throws java.io.IOException {
        Path workspace = SmallWorkspace.in(dir.resolve(login));
        Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(workspace.resolve("rules/acme.drl"), ACME_NAMED);
        for (String language : new String[] {"fr", "en"}) {
            Files.writeString(
                    workspace.resolve("rules/messages_" + language + ".properties"),
                    "ACME-NAMED.title=Affaire sans nom\n"
                            + "ACME-NAMED.message=L'affaire {deal} n'a pas de nom.\n"
                            + "ACME-NAMED.doc=Une affaire a un nom.\n");
        }
        var consultant = testClients.account(login, Role.CONSULTANT);
        UUID client = clients.create(name, consultant.id());
        var version =
                workspaces.fromServerFolder(client, consultant.id(), workspace, "test").version();
        Path deals = dir.resolve(login + "-deals.jsonl");
        Files.writeString(deals, TestClients.skipping(deal, "Affaire " + deal));
        var upload =
                uploads.add(
                        client,
                        consultant.id(),
                        deals,
                        "2026-Q3.jsonl",
                        fr.vigie.server.runs.DealUploads.period("2026-Q3"));
        return new OwnRules(client, consultant.id(), version, upload);
    }

    /** Audits the upload with the workspace, and waits for the run to be settled. */
    UUID submitted(OwnRules own) throws Exception {
        UUID id =
                queue.submit(
                        own.client(),
                        fr.vigie.server.runs.DealUploads.period("2026-Q3"),
                        own.version().id(),
                        own.upload().id(),
                        null,
                        own.consultant());
        settled(own.client());
        return id;
    }

    static final String ACME_NAMED =
            """
            package acme;
            import fr.vigie.deals.model.Deal;
            import fr.vigie.audit.facts.Violation;
            rule "A deal has a name"
                @id("ACME-NAMED") @version("1") @severity("minor") @lever("process")
            when
                $deal : Deal( name == null )
            then
                insert(Violation.on($deal));
            end
            """;

    @Autowired fr.vigie.server.clients.RuleConfinement confinement;
    @TempDir Path dir;

    String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void should_create_a_ceo_whose_password_shows_once_and_who_sees_only_their_company()
            throws Exception {
        // GIVEN the admin
        testClients.account("admin3", Role.ADMIN);
        MockHttpSession admin = signIn("admin3");
        UUID sample = testClients.sample();

        // WHEN the admin creates a CEO for the sample client
        MvcResult created =
                mvc.perform(
                                post("/admin/accounts")
                                        .session(admin)
                                        .with(csrf())
                                        .param("username", "n.durand")
                                        .param("name", "Nadia Durand")
                                        .param("role", "CEO")
                                        .param("client", sample.toString()))
                        .andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        String shown = page(mvc.perform(get("/admin").session(admin)).andReturn());
        Matcher password =
                Pattern.compile("<code class=\"secret\">([A-Za-z0-9]{20})</code>").matcher(shown);

        // THEN the password shows once, the new CEO signs in with it and lands on the company's
        // dashboard, and only there
        assertThat(password.find()).as("the password on the admin page").isTrue();
        assertThat(page(mvc.perform(get("/admin").session(admin)).andReturn()))
                .doesNotContain(password.group(1));
        MockHttpSession ceo = signIn("n.durand", password.group(1));
        assertThat(mvc.perform(get("/").session(ceo)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/clients/" + sample);
        assertThat(
                        mvc.perform(get("/portfolio").session(ceo))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(403);
        assertThat(
                        mvc.perform(
                                        post("/admin/accounts")
                                                .session(admin)
                                                .with(csrf())
                                                .param("username", "n.durand")
                                                .param("name", "Again")
                                                .param("role", "CEO")
                                                .param("client", sample.toString()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .contains("is taken");
    }

    @Test
    void should_change_ones_own_password_only_with_the_current_one() throws Exception {
        testClients.account("changer", Role.CONSULTANT);
        MockHttpSession session = signIn("changer");
        assertThat(
                        page(
                                mvc.perform(
                                                post("/account/password")
                                                        .session(session)
                                                        .with(csrf())
                                                        .param("current", "wrong")
                                                        .param("password", "a-new-password-1")
                                                        .param("again", "a-new-password-1"))
                                        .andReturn()))
                .contains("Le mot de passe actuel n’est pas le bon.");
        assertThat(
                        page(
                                mvc.perform(
                                                post("/account/password")
                                                        .session(session)
                                                        .with(csrf())
                                                        .param("current", PASSWORD)
                                                        .param("password", "short")
                                                        .param("again", "short"))
                                        .andReturn()))
                .contains("12 caractères ou plus");
        assertThat(
                        page(
                                mvc.perform(
                                                post("/account/password")
                                                        .session(session)
                                                        .with(csrf())
                                                        .param("current", PASSWORD)
                                                        .param("password", "a-new-password-1")
                                                        .param("again", "a-new-password-1"))
                                        .andReturn()))
                .contains("Votre mot de passe est changé.");
        signIn("changer", "a-new-password-1");
    }

    @Test
    void
            should_refuse_to_audit_a_workspace_with_its_own_rules_unless_the_admin_allows_them_unconfined()
                    throws Exception {
        // GIVEN a workspace with its own DRL rule and its messages
        OwnRules own = ownRules("consultant-rules", "Client aux règles propres", "R-1");
        UUID client = own.client();
        var version = own.version();

        // WHEN it is audited where bubblewrap does not work, while unconfined rules are not allowed
        confinement.probeWith(() -> "/usr/bin/bwrap is not installed");
        assertThat(version.valid()).as("problems: %s", version.problems()).isTrue();
        assertThat(version.ownRules()).isTrue();
        UUID refused = submitted(own);

        // THEN the audit is refused, saying why, and the pages say so
        Run run = runs.find(client, refused).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.failure()).contains("carries its own DRL rules").contains("confined");
        MockHttpSession session = signIn("consultant-rules");
        assertThat(
                        page(
                                mvc.perform(
                                                get("/clients/" + client + "/workspace")
                                                        .session(session))
                                        .andReturn()))
                .contains("ses propres règles DRL");

        // WHEN the admin allows unconfined rules, THEN the same audit runs, with the workspace's
        // rule
        flags.set(Flags.UNCONFINED_RULES, true);
        try {
            UUID allowed = submitted(own);
            assertThat(runs.find(client, allowed).orElseThrow().state())
                    .isEqualTo(RunState.SUCCEEDED);
            assertThat(runs.find(client, allowed).orElseThrow().rulesUsed())
                    .contains("ACME-NAMED 1 (workspace)");
        } finally {
            flags.set(Flags.UNCONFINED_RULES, false);
            confinement.probeWith(fr.vigie.audit.engine.worker.Bubblewrap::problem);
        }
    }

    @Test
    void should_audit_a_workspace_with_its_own_rules_confined_where_bubblewrap_works()
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                confinement.confinedAvailable() || "true".equals(System.getenv("CI")),
                "bubblewrap does not work here: " + confinement.problem());
        // GIVEN the same workspace with its own rule, unconfined rules not allowed
        assertThat(confinement.confinedAvailable()).as(confinement.problem()).isTrue();
        OwnRules own = ownRules("consultant-confined", "Client confiné", "C-1");
        UUID client = own.client();

        // WHEN it is audited
        UUID id = submitted(own);

        // THEN it runs, the workspace's rule in a confined worker, and the page says so
        Run run = runs.find(client, id).orElseThrow();
        assertThat(run.state()).as("failure: %s", run.failure()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.rulesUsed()).contains("ACME-NAMED 1 (workspace)");
        assertThat(
                        page(
                                mvc.perform(
                                                get("/clients/" + client + "/workspace")
                                                        .session(signIn("consultant-confined")))
                                        .andReturn()))
                .contains("le serveur les exécute confinées");
    }
}
