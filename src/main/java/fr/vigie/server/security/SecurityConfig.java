package fr.vigie.server.security;

import fr.vigie.server.uploads.UploadLimits;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open what: form sign-in with hashed passwords (bcrypt), CSRF tokens on every form, the
 * session id changed at sign-in, a session cookie the page's scripts cannot read and that other
 * sites do not send, and headers that forbid scripts, frames and every request outside the server.
 * Which client a person may see is checked on each page ({@link ClientAccess}).
 */
@Configuration
class SecurityConfig {

    /**
     * As strict as the report's: no script at all, styles and images from the server only, no
     * frame, forms back to the server.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, AuthenticationManager authentication, UploadLimits limits)
            throws Exception {
        http.authenticationManager(authentication)
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers("/login", "/assets/**", "/error")
                                        .permitAll()
                                        .requestMatchers("/admin/**")
                                        .hasRole(Role.ADMIN.name())
                                        .requestMatchers("/portfolio", "/clients/new")
                                        .hasRole(Role.CONSULTANT.name())
                                        .anyRequest()
                                        .authenticated())
                .formLogin(
                        form ->
                                form.loginPage("/login")
                                        .defaultSuccessUrl("/", true)
                                        .failureHandler(
                                                (request, response, exception) ->
                                                        response.sendRedirect(
                                                                request.getContextPath()
                                                                        + (exception
                                                                                        instanceof
                                                                                        ThrottledSignIn
                                                                                                .TooManyAttempts
                                                                                ? "/login?locked"
                                                                                : "/login?error"))))
                .logout(
                        logout ->
                                logout.logoutUrl("/logout")
                                        .logoutSuccessUrl("/login?out")
                                        .deleteCookies("VIGIE_SESSION"))
                .sessionManagement(
                        session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(
                        headers ->
                                headers.contentSecurityPolicy(
                                                csp ->
                                                        csp.policyDirectives(
                                                                CONTENT_SECURITY_POLICY))
                                        .referrerPolicy(
                                                referrer ->
                                                        referrer.policy(
                                                                ReferrerPolicyHeaderWriter
                                                                        .ReferrerPolicy
                                                                        .SAME_ORIGIN))
                                        .frameOptions(frames -> frames.deny())
                                        .permissionsPolicyHeader(
                                                permissions ->
                                                        permissions.policy(
                                                                "camera=(), microphone=(),"
                                                                        + " geolocation=(),"
                                                                        + " payment=()")))
                .addFilterBefore(
                        new UploadSizeGuard(limits),
                        org.springframework.security.web.csrf.CsrfFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username ->
                accounts.login(username)
                        .map(login -> new SignedIn(login.account(), login.passwordHash()))
                        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledSignIn(passwords, throttle));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
