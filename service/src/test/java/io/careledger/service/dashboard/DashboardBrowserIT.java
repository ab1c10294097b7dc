package io.careledger.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.careledger.service.support.DemoData;
import io.careledger.service.support.ServiceTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The dashboard in a real headless browser (Debian's chromium through its chromedriver): the page loads, the
 * analyst signs in, every chart is drawn from the seeded dataset, and a screenshot is kept in
 * {@code target/dashboard.png}. Skipped, saying why, only where chromium is not installed; {@code .ci/run}
 * installs it.
 */
@ServiceTest
class DashboardBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> CHARTS = List.of("responseTime", "resolution", "satisfaction", "refunds",
            "categories");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The dashboard browser test needs Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver); .ci/run installs them");
        profile = Files.createTempDirectory("careledger-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1900", "--user-data-dir=" + profile);
        // Both paths given: Selenium Manager never downloads a browser or a driver.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAnalystSeesEveryChartDrawnFromTheSeededData() throws IOException {
        DemoData.Dataset dataset = DemoData.generate(context, 40, 3, 3);
        String store = dataset.stores().get(0);
        browser.get("http://localhost:" + port + "/dashboard?from=2026-07-01&to=2026-10-01&granularity=WEEK&storeId="
                + store);

        assertThat(browser.getCurrentUrl()).contains("/dashboard/index.html").contains("storeId=" + store);
        browser.findElement(By.id("username")).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys("analyst-pass");
        browser.findElement(By.id("sign-in-button")).click();
        JavascriptExecutor page = browser;
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(page.executeScript(
                "return window.dashboardState.loads > 0 || window.dashboardState.lastError !== null")));
        assertThat(page.executeScript("return window.dashboardState.lastError")).isNull();

        Map<String, Object> charts = (Map<String, Object>) page.executeScript("""
                const out = {};
                for (const [name, chart] of Object.entries(window.dashboardCharts)) {
                  out[name] = { labels: chart.data.labels.length, width: chart.width,
                    points: chart.data.datasets.map(d => d.data.filter(v => v !== null && v !== 0).length) };
                }
                return out;""");
        assertThat(charts).containsOnlyKeys(CHARTS);
        for (String name : CHARTS) {
            Map<String, Object> chart = (Map<String, Object>) charts.get(name);
            assertThat(((Number) chart.get("labels")).intValue()).as(name + " weeks").isGreaterThanOrEqualTo(13);
            assertThat(((Number) chart.get("width")).intValue()).as(name + " drawn").isPositive();
            assertThat((List<Number>) chart.get("points")).as(name + " has data from the dataset")
                    .anySatisfy(points -> assertThat(points.intValue()).isPositive());
        }
        String headline = browser.findElement(By.id("headline")).getText();
        assertThat(headline).contains("Complaints filed").contains("CSAT").doesNotContain("NaN");
        assertThat(browser.findElements(By.cssSelector("#staff tbody tr"))).isNotEmpty();

        Path screenshot = Path.of("target", "dashboard.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    @Test
    void anAgentIsToldTheMetricsAreNotTheirs() {
        browser.get("http://localhost:" + port + "/dashboard");
        browser.findElement(By.id("username")).sendKeys("agent");
        browser.findElement(By.id("password")).sendKeys("agent-pass");
        browser.findElement(By.id("sign-in-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !driver.findElement(By.id("error"))
                .getText().isBlank());
        assertThat(browser.findElement(By.id("error")).getText()).contains("ANALYST or SUPERVISOR");
    }
}
