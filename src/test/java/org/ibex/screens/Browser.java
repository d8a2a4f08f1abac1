package org.ibex.screens;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by its own chromedriver named explicitly (nothing is downloaded), with a fresh
 * profile, flags that keep it off the network, and the checks every screen passes: axe finds no violation, the
 * console shows no refused script or style (the strict CSP), and a screenshot lands under target/screenshots.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getenv().getOrDefault("IBEX_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("IBEX_CHROMEDRIVER", "/usr/bin/chromedriver");
    public final ChromeDriver driver;
    /** Where relative paths go: the demo node's server, or another node's for tests of federated screens. */
    private String base;
    private final Path profile;

    public Browser(DemoSite site) {
        this(site, 1280, 720);
    }

    public Browser(DemoSite site, int width, int height) {
        this(site.server.baseUrl(), width, height);
    }

    /** A browser on the node served at {@code baseUrl}, for screens the demo node cannot show. */
    public Browser(String baseUrl, int width, int height) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + DRIVER + "): `apt-get install chromium chromium-driver`, as .ci/run does");
        }
        this.base = baseUrl;
        try {
            profile = Files.createTempDirectory("ibex-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Sends later relative paths to the node served at {@code baseUrl}, in the same browser. */
    public Browser at(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    /** Picks the language as a user does, from the link in the header. */
    public Browser language(String code) {
        driver.findElement(By.cssSelector(".languages a[lang='" + code + "']")).click();
        waitFor(By.cssSelector("html[lang='" + code + "']"));
        return this;
    }

    public Browser login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor(By.cssSelector("form.logout"));
        return this;
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Clicks and waits until the browser shows the next page: the old document carries a mark the new one lacks.
     * Safer than waiting for the button to go stale, which Chromium may answer with "node does not belong to the
     * document" while it swaps pages.
     */
    public void clickToNextPage(By locator) {
        driver.executeScript("window.ibexPreviousPage = true;");
        driver.findElement(locator).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return window.ibexPreviousPage !== true && document.readyState === 'complete';")));
    }

    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    public String text(By locator) {
        return driver.findElement(locator).getText();
    }

    /**
     * The checks every screen passes, then its screenshot: WCAG 2.1 A and AA rules of axe with no violation, and no
     * resource refused by the Content-Security-Policy or missing.
     */
    public Browser check(String locale, String name) {
        screenshot(locale, name);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        assertThat(results.getViolations()).as("axe violations on %s (%s)", name, driver.getCurrentUrl())
                .extracting(Browser::describe).isEmpty();
        List<String> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused")
                        || message.contains("Failed to load resource") && !message.contains("the server responded"))
                .toList();
        assertThat(refused).as("console errors on %s", name).isEmpty();
        return this;
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    /** Saves the screen as target/screenshots/{locale}/{name}.png. */
    public Path screenshot(String locale, String name) {
        Path file = Path.of("target", "screenshots", locale, name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
