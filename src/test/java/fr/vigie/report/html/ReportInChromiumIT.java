package fr.vigie.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.ExternalTool;
import fr.vigie.report.ReportRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sample's report.html opened from the disk in headless Chromium, as a CEO would open the file:
 * it shows, logs no error to the console, and asks for nothing outside the page. Screenshots go to
 * target/screenshots/; with -Dvigie.updateScreenshots=true the first screen also replaces
 * docs/report-html-fr.png.
 */
class ReportInChromiumIT {

    static final List<String> NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static HeadlessChromium browser;
    static final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    static final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    static final CompletableFuture<Void> loaded = new CompletableFuture<>();
    static Path html;

    /**
     * Without Chromium, each test is skipped with the reason (aborting here would hide them: "Tests
     * run: 0").
     */
    @BeforeAll
    static void open_the_sample_report_in_chromium() throws Exception {
        Path chromium = ExternalTool.find(NAMES).orElse(null);
        if (chromium == null) {
            return;
        }
        html = ReportRuns.sample("fr").resolve("report.html").toAbsolutePath();
        browser = HeadlessChromium.start(chromium);
        browser.onEvent(
                event -> {
                    String method = event.path("method").asString();
                    JsonNode params = event.path("params");
                    switch (method) {
                        case "Network.requestWillBeSent" ->
                                requests.add(params.path("request").path("url").asString());
                        case "Runtime.exceptionThrown" ->
                                errors.add("exception: " + params.path("exceptionDetails"));
                        case "Runtime.consoleAPICalled" -> {
                            if (List.of("error", "assert", "warning")
                                    .contains(params.path("type").asString())) {
                                errors.add(
                                        "console."
                                                + params.path("type").asString()
                                                + ": "
                                                + params.path("args"));
                            }
                        }
                        case "Log.entryAdded" -> {
                            if (List.of("error", "warning")
                                    .contains(params.path("entry").path("level").asString())) {
                                errors.add(
                                        "log: "
                                                + params.path("entry").path("text").asString()
                                                + " "
                                                + params.path("entry").path("url").asString());
                            }
                        }
                        case "Page.loadEventFired" -> loaded.complete(null);
                        default -> {}
                    }
                });
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            browser.send(domain + ".enable", Map.of());
        }
        browser.send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        browser.send("Page.navigate", Map.of("url", html.toUri().toString()));
        loaded.get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void chromium_is_installed() {
        ExternalTool.require("Chromium", "apt-get install -y chromium", NAMES);
    }

    @AfterAll
    static void close_chromium() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void should_show_the_report_with_no_console_error_and_no_request_outside_the_page()
            throws Exception {
        // GIVEN the sample's report.html, loaded in Chromium from the disk
        // WHEN the first screen is captured
        byte[] png = screenshot(1280, 1650);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("report-html-fr.png"), png);
        if (Boolean.getBoolean("vigie.updateScreenshots")) {
            Files.copy(
                    SCREENSHOTS.resolve("report-html-fr.png"),
                    Path.of("docs", "report-html-fr.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        // THEN the page shows its summary, logged no error, and asked only for itself (and the
        // empty data: icon)
        assertThat(png).hasSizeGreaterThan(20_000);
        assertThat(browser.evaluate("document.title").asString())
                .isEqualTo("Audit de conformité — Durand Industrie SAS — 2026-Q3");
        assertThat(
                        browser.evaluate("document.getElementById('figure-conformity').innerText")
                                .asString())
                .isEqualTo("61,0 %");
        assertThat(browser.evaluate("document.querySelectorAll('svg.chart').length").asInt())
                .isGreaterThan(40);
        assertThat(errors).as("console errors and warnings").isEmpty();
        assertThat(requests)
                .as("requests")
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("(file:|data:).*"));
        assertThat(requests)
                .filteredOn(url -> url.startsWith("file:"))
                .containsOnly(html.toUri().toString());
    }

    @Test
    void should_need_no_script_to_be_read() throws Exception {
        // GIVEN the loaded page
        // WHEN its scripts and event handlers are counted
        int scripts = browser.evaluate("document.scripts.length").asInt();
        int handlers =
                browser.evaluate(
                                "[...document.querySelectorAll('*')].filter(e =>"
                                        + " [...e.attributes].some(a =>"
                                        + " a.name.startsWith('on'))).length")
                        .asInt();

        // THEN there are none: what is read is HTML and CSS
        assertThat(scripts).isZero();
        assertThat(handlers).isZero();
    }

    @Test
    void should_fit_a_phone_screen_without_scrolling_sideways() throws Exception {
        // GIVEN the page on a phone-sized screen
        browser.send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            // WHEN the page's width is measured (wide tables scroll inside their own frame)
            int page = browser.evaluate("document.documentElement.scrollWidth").asInt();
            int screen = browser.evaluate("window.innerWidth").asInt();
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("report-html-fr-phone.png"), screenshot(390, 1400));

            // THEN it is no wider than the screen
            assertThat(page).isLessThanOrEqualTo(screen);
        } finally {
            browser.send(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    @Test
    void should_print_a_chapter_per_page_without_cutting_table_rows() throws Exception {
        // GIVEN the page's print style sheet
        browser.send("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // WHEN it is laid out for print
            String chapterBreak =
                    browser.evaluate(
                                    "getComputedStyle(document.getElementById('effectiveness')).breakBefore")
                            .asString();
            String rowBreak =
                    browser.evaluate(
                                    "getComputedStyle(document.querySelector('table.data tbody"
                                            + " tr')).breakInside")
                            .asString();
            String pdf =
                    browser.send("Page.printToPDF", Map.of("preferCSSPageSize", true))
                            .path("data")
                            .asString();

            // THEN each chapter starts a page, rows are never cut, and the page prints
            assertThat(chapterBreak).isEqualTo("page");
            assertThat(rowBreak).isEqualTo("avoid");
            assertThat(Base64.getDecoder().decode(pdf)).hasSizeGreaterThan(50_000);
            assertThat(errors).as("console errors and warnings").isEmpty();
        } finally {
            browser.send("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static byte[] screenshot(int width, int height) throws Exception {
        JsonNode shot =
                browser.send(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of(
                                        "x", 0, "y", 0, "width", width, "height", height, "scale",
                                        1)));
        return Base64.getDecoder().decode(shot.path("data").asString());
    }
}
