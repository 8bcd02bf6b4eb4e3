package fr.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.ExternalTool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's CEO in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium;
 * nothing downloaded): signs in, reads the dashboard, follows the trend to a quarter, opens a
 * finding's deal and the quarter's report, with no console error and no request outside the server.
 * The dashboard's screenshot goes to target/screenshots/; with -Dvigie.updateScreenshots=true it
 * also replaces docs/server-dashboard.png.
 */
class ServerInChromiumIT extends ServerTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @TempDir Path profile;
    ChromeDriver browser;

    @BeforeEach
    void start_chromium() {
        Path chromium =
                ExternalTool.require(
                        "Chromium",
                        "apt-get install -y chromium",
                        List.of("chromium", "chromium-browser"));
        Path driver =
                ExternalTool.require(
                        "ChromeDriver",
                        "apt-get install -y chromium-driver",
                        List.of("chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-extensions",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile,
                "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.toFile())
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void close_chromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void
            should_take_the_ceo_from_the_dashboard_to_a_quarter_and_a_deal_without_an_error_nor_a_request_elsewhere()
                    throws Exception {
        // GIVEN the sample's two quarters, audited
        sample();
        String server = "http://127.0.0.1:" + port;

        // WHEN the CEO signs in
        browser.get(server + "/login");
        browser.findElement(By.name("username")).sendKeys("p.durand");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

        // THEN the dashboard shows the company, its conformity, its trend with a point per quarter,
        // and its gate
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Durand Industrie SAS");
        assertThat(browser.findElement(By.cssSelector(".kpi-main .kpi-value")).getText())
                .isEqualTo("61,0 %");
        List<WebElement> points = browser.findElements(By.cssSelector("svg.trend a.point"));
        assertThat(points).hasSize(2);
        screenshot("server-dashboard.png");

        // WHEN the CEO follows the trend to the quarter before
        points.get(0).findElement(By.tagName("circle")).click();

        // THEN that quarter's results show, with what it had
        assertThat(browser.getCurrentUrl()).endsWith("/quarters/2026-Q2");
        assertThat(browser.findElement(By.cssSelector(".kpi-main .kpi-value")).getText())
                .isEqualTo("57,3 %");

        // WHEN the CEO opens the deal of the first finding listed
        WebElement deal =
                browser.findElements(By.cssSelector("table.findings-table a.deal-id")).get(0);
        String dealId = deal.getText();
        deal.click();

        // THEN the deal's page shows its stages and its findings
        assertThat(browser.findElement(By.cssSelector("h1 .deal-id")).getText()).isEqualTo(dealId);
        assertThat(browser.findElements(By.cssSelector("table.findings-table tbody tr")))
                .isNotEmpty();

        // AND the quarter's report opens from the dashboard, under its own policy
        browser.get(server + "/clients/" + testClients.sample());
        browser.findElement(By.cssSelector("ul.quarters li:last-child a[href$='report.html']"))
                .click();
        assertThat(browser.getTitle()).contains("Durand Industrie SAS");

        // AND nothing went wrong in the console, and nothing was asked of another server
        List<String> errors =
                browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                        .map(LogEntry::getMessage)
                        .toList();
        assertThat(errors).as("console errors and warnings").isEmpty();
        List<String> network =
                requests().stream()
                        .filter(url -> !url.startsWith("chrome://") && !url.startsWith("data:"))
                        .toList();
        assertThat(network)
                .as("requests over the network")
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(server + "/"));
    }

    /**
     * Every URL asked for, from Chromium's performance log (its own chrome:// pages among them,
     * which are no request).
     */
    List<String> requests() {
        JsonMapper json = JsonMapper.builder().build();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
                urls.add(message.path("params").path("request").path("url").asString());
            }
        }
        return urls;
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("vigie.updateScreenshots")) {
            Files.copy(target, Path.of("docs", name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
