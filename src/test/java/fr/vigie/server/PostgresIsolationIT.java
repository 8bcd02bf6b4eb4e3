package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.vigie.server.runs.Run;
import fr.vigie.server.runs.Runs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The server on PostgreSQL (profile {@code postgres}): the same migrations, the same sealing of
 * clients as on H2, and row-level security underneath: a query that forgets the client's setting
 * sees no row and can write none.
 */
@SpringBootTest(
        classes = VigieServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "spring.profiles.active=postgres",
            "vigie.server.sample=false",
            "spring.datasource.username=" + LocalPostgres.ROLE,
            "spring.datasource.password="
        })
@AutoConfigureMockMvc
@DirtiesContext
class PostgresIsolationIT {

    static String schema;
    static final Path DATA =
            Path.of("target", "server-tests", "pg-" + UUID.randomUUID()).toAbsolutePath();

    @BeforeAll
    static void a_schema_of_its_own() {
        schema = LocalPostgres.freshSchema();
    }

    @AfterAll
    static void drop_it() {
        LocalPostgres.drop(schema);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> LocalPostgres.url(schema));
        registry.add("vigie.server.data", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired TestClients clients;
    @Autowired Runs runs;

    MockHttpSession signIn(String username) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result =
                mvc.perform(
                                post("/login")
                                        .session(session)
                                        .with(csrf())
                                        .param("username", username)
                                        .param("password", ServerTest.PASSWORD))
                        .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    void settle(UUID client) throws InterruptedException {
        for (int i = 0;
                i < 1500 && !runs.all(client).stream().allMatch(r -> r.state().isOver());
                i++) {
            Thread.sleep(200);
        }
        assertThat(runs.all(client)).extracting(Run::state).allMatch(s -> s.isOver());
    }

    @Test
    void should_seal_clients_off_as_on_h2() throws Exception {
        new Isolation(mvc, clients).check(this::signIn, this::settle, "pg");
    }

    @Test
    void should_show_no_row_to_a_query_that_forgets_the_client() throws Exception {
        // GIVEN two clients, each with an audit and its findings
        TestClients.Made a =
                clients.small(
                        "Client RLS A", "consultant-rls", TestClients.skipping("A-1", "Affaire A"));
        TestClients.Made b =
                clients.small(
                        "Client RLS B", "consultant-rls", TestClients.skipping("B-1", "Affaire B"));
        settle(a.client());
        settle(b.client());

        try (Connection raw = LocalPostgres.asServer(schema);
                Statement sql = raw.createStatement()) {
            // WHEN the server's own role queries the client tables without setting the client
            // THEN it sees nothing at all
            for (String table :
                    List.of(
                            "client_profile",
                            "workspace_version",
                            "deals_upload",
                            "run",
                            "run_finding",
                            "run_deal",
                            "run_rejected",
                            "report_file",
                            "access_log")) {
                assertThat(count(sql, "select count(*) from " + table))
                        .as("rows of %s without the client's setting", table)
                        .isZero();
            }

            // WHEN it sets client A for a transaction
            raw.setAutoCommit(false);
            sql.execute("select set_config('vigie.client', '" + a.client() + "', true)");

            // THEN it sees A's rows, and none of B's, even when asking for them by id
            assertThat(count(sql, "select count(*) from run_finding")).isPositive();
            assertThat(
                            count(
                                    sql,
                                    "select count(*) from run_finding where client_id <> '"
                                            + a.client()
                                            + "'"))
                    .isZero();
            assertThat(count(sql, "select count(*) from run where id = '" + b.run() + "'"))
                    .isZero();
            assertThat(count(sql, "select count(*) from client_profile")).isOne();

            // AND it cannot write a row for B
            try {
                sql.executeUpdate(
                        "insert into access_log (client_id, account_id, username, at, action)"
                                + " values ('"
                                + b.client()
                                + "', '"
                                + a.ceo().id()
                                + "', 'x', now(), 'REPORT')");
                throw new AssertionError("a row for another client was written");
            } catch (SQLException e) {
                assertThat(e.getMessage()).contains("row-level security");
            }
            raw.rollback();

            // AND once the transaction ends, the setting is gone
            raw.setAutoCommit(true);
            assertThat(count(sql, "select count(*) from run_finding")).isZero();
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
