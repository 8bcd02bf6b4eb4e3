import fr.vigie.server.ServerOptions;
import fr.vigie.server.VigieServer;
import fr.vigie.server.security.Account;
import fr.vigie.server.security.Accounts;
import fr.vigie.server.security.Role;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CEO's dashboard of a client with 20 quarters of 10,000 findings each, against a static page
 * of the same server in the same run: the server on H2 in a fresh data folder, the history written
 * straight into its tables (each quarter carries over 80 % of the findings of the one before), a
 * CEO signed in over HTTP; the first dashboard (nothing cached: the comparison of the last two
 * quarters is computed), then REQUESTS requests of each, interleaved, after a warm-up. Prints the
 * median and the 90th percentile of each, and their ratio.
 *
 * <p>Usage: java -cp <classes:deps> bench/ServerBenchmark.java [QUARTERS] [FINDINGS] [REQUESTS]
 */
public class ServerBenchmark {

    public static void main(String[] args) throws Exception {
        int quarters = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perQuarter = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path data = Files.createTempDirectory("vigie-bench-server");
        ConfigurableApplicationContext server =
                VigieServer.start(
                        new ServerOptions(data, "127.0.0.1", 0, null, false, Path.of("")),
                        Map.of());
        try {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            String password = "bench-password-long-enough";
            Account ceo =
                    server.getBean(Accounts.class)
                            .create("bench-ceo", "Bench CEO", Role.CEO, password);
            long started = System.nanoTime();
            UUID client = history(server.getBean(JdbcTemplate.class), ceo, quarters, perQuarter);
            server.getBean(Accounts.class).grant(ceo.id(), client);
            System.out.printf(
                    "history written: %d quarters x %,d findings in %.1f s%n",
                    quarters, perQuarter, (System.nanoTime() - started) / 1e9);

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://127.0.0.1:" + port;
            signIn(http, base, "bench-ceo", password);
            URI dashboard = URI.create(base + "/clients/" + client);
            URI stat = URI.create(base + "/assets/server.css");
            long first = System.nanoTime();
            String page = get(http, dashboard);
            double firstMs = (System.nanoTime() - first) / 1e6;
            if (!page.contains("2026-Q3") || !page.contains("svg class=\"chart trend\"")) {
                throw new IllegalStateException("the dashboard did not show the history");
            }
            for (int i = 0; i < 20; i++) {
                get(http, dashboard);
                get(http, stat);
            }
            List<Double> dashboardMs = new ArrayList<>();
            List<Double> staticMs = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                dashboardMs.add(time(http, dashboard));
                staticMs.add(time(http, stat));
            }
            double d = median(dashboardMs);
            double s = median(staticMs);
            System.out.printf(
                    "dashboard (%d quarters x %,d findings): median %.1f ms, p90 %.1f ms over %d"
                            + " requests (%,d bytes)%n",
                    quarters,
                    perQuarter,
                    d,
                    percentile(dashboardMs, 0.9),
                    requests,
                    page.getBytes(StandardCharsets.UTF_8).length);
            System.out.printf("first dashboard, nothing cached yet:  %.1f ms%n", firstMs);
            System.out.printf(
                    "static page /assets/server.css:        median %.1f ms, p90 %.1f ms over %d"
                            + " requests%n",
                    s, percentile(staticMs, 0.9), requests);
            System.out.printf(
                    "dashboard / static: %.1f; dashboard under 200 ms: %s%n",
                    d / s, d < 200 ? "yes" : "NO");
        } finally {
            server.close();
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A client with {@code quarters} succeeded runs, 2022-Q1 onwards, each with {@code perQuarter}
     * findings.
     */
    static UUID history(JdbcTemplate jdbc, Account ceo, int quarters, int perQuarter) {
        UUID client = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("insert into client (id, created_at) values (?, ?)", client, now);
        jdbc.update(
                "insert into client_profile (client_id, name, created_by) values (?, ?, ?)",
                client,
                "Bench Industrie",
                ceo.id());
        UUID version = UUID.randomUUID();
        jdbc.update(
                "insert into workspace_version (id, client_id, sha256, origin, client_name,"
                        + " own_rules, valid, problems, created_by, created_at) values (?, ?, ?,"
                        + " 'bench', 'Bench Industrie', false, true, '', ?, ?)",
                version,
                client,
                "0".repeat(64),
                ceo.id(),
                now);
        LocalDate start = LocalDate.of(2026, 7, 1).minusMonths(3L * (quarters - 1));
        for (int q = 0; q < quarters; q++) {
            LocalDate quarterStart = start.plusMonths(3L * q);
            String period =
                    quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1);
            UUID upload = UUID.randomUUID();
            jdbc.update(
                    "insert into deals_upload (id, client_id, period, original_name, sha256,"
                        + " size_bytes, created_by, created_at) values (?, ?, ?, ?, ?, 1, ?, ?)",
                    upload,
                    client,
                    period,
                    period + ".jsonl",
                    "0".repeat(64),
                    ceo.id(),
                    now);
            UUID run = UUID.randomUUID();
            double conformity = 50 + 20.0 * q / quarters;
            jdbc.update(
                    "insert into run (id, client_id, period, period_start, state,"
                        + " workspace_version_id, upload_id, requested_by, requested_at,"
                        + " started_at, ended_at, records_read, deals_audited, records_rejected,"
                        + " conforming_deals, conformity, findings, critical, major, minor, info,"
                        + " waived, gate_conformity, gate_passed) values (?, ?, ?, ?, 'SUCCEEDED',"
                        + " ?, ?, ?, ?, ?, ?, 20000, 20000, 0, ?, ?, ?, 10, ?, 0, 0, 0, 60, ?)",
                    run,
                    client,
                    period,
                    quarterStart,
                    version,
                    upload,
                    ceo.id(),
                    now,
                    now,
                    now.plusSeconds(q),
                    (long) (200 * conformity),
                    java.math.BigDecimal.valueOf(conformity)
                            .setScale(1, java.math.RoundingMode.HALF_EVEN),
                    perQuarter,
                    perQuarter - 10,
                    conformity >= 60);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < perQuarter; i++) {
                // 80 % of a quarter's findings were there the quarter before: ids shift by a fifth
                // each quarter
                long id = (long) q * perQuarter / 5 + i;
                rows.add(
                        new Object[] {
                            client,
                            run,
                            (long) i,
                            "F-" + id,
                            "PROC-SKIP-STAGE",
                            "1",
                            "D-" + id,
                            "Affaire " + id,
                            "Compte " + (id % 500),
                            "owner",
                            "team",
                            i < 10 ? "critical" : "major",
                            i < 10 ? 0 : 1,
                            "process",
                            "qualification",
                            "Étape sautée",
                            "La vente D-"
                                    + id
                                    + " est passée de la prospection à la proposition sans la"
                                    + " qualification ; le processus demande chaque étape.",
                            "{}",
                            "standard"
                        });
                if (rows.size() == 1000) {
                    insert(jdbc, rows);
                }
            }
            insert(jdbc, rows);
        }
        return client;
    }

    static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate(
                "insert into run_finding (client_id, run_id, seq, finding_id, rule, rule_version,"
                    + " deal, deal_name, account, owner, team, severity, severity_rank, lever,"
                    + " stage, title, message, evidence, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        rows.clear();
    }

    static void signIn(HttpClient http, String base, String username, String password)
            throws Exception {
        Matcher token =
                Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                        .matcher(get(http, URI.create(base + "/login")));
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form =
                "username="
                        + username
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf="
                        + token.group(1);
        HttpResponse<String> signed =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (signed.statusCode() != 302
                || !signed.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException(
                    "sign-in refused: "
                            + signed.statusCode()
                            + " "
                            + signed.headers().firstValue("Location").orElse(""));
        }
    }

    static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    static double time(HttpClient http, URI uri) throws Exception {
        long start = System.nanoTime();
        get(http, uri);
        return (System.nanoTime() - start) / 1e6;
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
