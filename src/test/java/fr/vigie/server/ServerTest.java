package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.vigie.server.runs.Run;
import fr.vigie.server.runs.RunState;
import fr.vigie.server.runs.Runs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the server's tests share: one server on H2 (a random port, the sample imported with its two
 * quarters, its accounts' password {@value #PASSWORD}), so that Spring starts once for them all.
 */
@SpringBootTest(
        classes = VigieServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vigie.server.sample=true",
            "vigie.server.sample-password=" + ServerTest.PASSWORD,
            "vigie.server.store-batch=50",
            "vigie.server.end-retries=200,400,800,1600,3200,6400"
        })
@AutoConfigureMockMvc
@Import(Outage.Config.class)
public abstract class ServerTest {

    public static final String PASSWORD = "sample-password-for-tests";
    static final Path DATA =
            Path.of("target", "server-tests", UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("vigie.server.data", DATA::toString);
        registry.add(
                "spring.datasource.url",
                () ->
                        "jdbc:h2:mem:vigie-"
                                + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected Runs runs;
    @Autowired protected TestClients testClients;

    /** A session signed in as {@code username} through the sign-in form. */
    protected MockHttpSession signIn(String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result =
                mvc.perform(
                                post("/login")
                                        .session(session)
                                        .with(csrf())
                                        .param("username", username)
                                        .param("password", password))
                        .andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .as("sign-in of %s", username)
                .isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    protected MockHttpSession signIn(String username) throws Exception {
        return signIn(username, PASSWORD);
    }

    /** Waits until none of the client's runs is waiting or running, and returns them. */
    protected List<Run> settled(UUID client) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < end) {
            List<Run> all = runs.all(client);
            if (all.stream().allMatch(r -> r.state().isOver())) {
                return all;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "the runs of " + client + " did not end within 5 minutes: " + runs.all(client));
    }

    /** The sample client, once its two quarters are audited. */
    protected UUID sample() throws InterruptedException {
        UUID sample = testClients.sample();
        List<Run> all = settled(sample);
        assertThat(all)
                .extracting(Run::state)
                .as("the sample's runs")
                .containsOnly(RunState.SUCCEEDED);
        return sample;
    }
}
