package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.vigie.server.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;

/** Signing in, the session, CSRF, throttling and the security headers. */
class ServerSecurityTest extends ServerTest {

    @LocalServerPort int port;

    @Test
    void should_send_a_stranger_to_the_sign_in_page() throws Exception {
        mvc.perform(get("/portfolio"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void should_refuse_a_wrong_password_and_a_form_without_its_csrf_token() throws Exception {
        mvc.perform(
                        post("/login")
                                .with(csrf())
                                .param("username", "p.durand")
                                .param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "p.durand").param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void should_lock_an_account_after_five_failures_even_for_its_right_password() throws Exception {
        // GIVEN an account, and five wrong passwords in a row
        testClients.account("throttled", Role.CONSULTANT);
        for (int i = 0; i < 5; i++) {
            mvc.perform(
                            post("/login")
                                    .with(csrf())
                                    .param("username", "throttled")
                                    .param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }

        // WHEN the right password comes next
        // THEN it is refused as locked, without a session
        mvc.perform(
                        post("/login")
                                .with(csrf())
                                .param("username", "throttled")
                                .param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void should_change_the_session_id_at_sign_in() throws Exception {
        MockHttpSession before = new MockHttpSession();
        String id = before.getId();
        var result =
                mvc.perform(
                                post("/login")
                                        .session(before)
                                        .with(csrf())
                                        .param("username", "s.morel")
                                        .param("password", PASSWORD))
                        .andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(id);
    }

    @Test
    void should_send_the_security_headers_and_a_strict_session_cookie_over_http() throws Exception {
        // GIVEN the real server, over HTTP
        HttpClient http = HttpClient.newHttpClient();

        // WHEN the sign-in page is asked for
        HttpResponse<String> page =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // THEN no script may run, no frame may hold it, nothing is sniffed, and the cookie is
        // HttpOnly and SameSite=Strict
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp ->
                                assertThat(csp)
                                        .contains(
                                                "default-src 'none'",
                                                "form-action 'self'",
                                                "frame-ancestors 'none'")
                                        .doesNotContain("script-src", "unsafe"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie ->
                                assertThat(cookie)
                                        .startsWith("VIGIE_SESSION=")
                                        .contains("HttpOnly", "SameSite=Strict"));
        assertThat(page.body()).doesNotContain("<script");
    }

    @Test
    void should_show_no_exception_text_on_an_error_page() throws Exception {
        MockHttpSession ceo = signIn("p.durand");
        mvc.perform(get("/clients/not-a-uuid").session(ceo))
                .andExpect(status().isNotFound())
                .andExpect(
                        result ->
                                assertThat(result.getResponse().getContentAsString())
                                        .doesNotContain("Exception", "UUID"));
    }

    @Test
    void should_keep_the_admin_out_of_the_clients_and_the_others_out_of_the_admin_page()
            throws Exception {
        testClients.account("admin2", Role.ADMIN);
        MockHttpSession admin = signIn("admin2");
        mvc.perform(get("/admin").session(admin)).andExpect(status().isOk());
        mvc.perform(get("/clients/" + testClients.sample()).session(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin").session(signIn("consultant"))).andExpect(status().isForbidden());
        mvc.perform(get("/portfolio").session(signIn("p.durand")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").session(admin)).andExpect(redirectedUrl("/admin"));
        mvc.perform(get("/assets/server.css"))
                .andExpect(status().isOk())
                .andExpect(header().exists("Cache-Control"));
    }
}
