package io.customerclassification.bootstrap.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's ChromeDriver, both named by path so that Selenium Manager
 * never looks for (or downloads) either. One per test class: starting a browser costs seconds.
 *
 * <p>Without Chromium the browser tests are skipped ({@link ConsoleUnderTest}), saying why and how to run them; with
 * {@code CLASSIFICATION_BROWSER_TESTS=required} (set by {@code .ci/run}) a missing browser fails them instead.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRED_VARIABLE = "CLASSIFICATION_BROWSER_TESTS";
    /** Long enough for a loaded machine; every wait ends as soon as its condition holds. */
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A browser for the server on {@code port}; fails without Chromium (see {@link #whyNot()}). */
    static Browser open(int port) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            return new Browser(driver, profile, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why the browser tests cannot run here, or empty when they can. With {@code CLASSIFICATION_BROWSER_TESTS=required}
     * they always run, so that a missing browser fails them.
     */
    static Optional<String> whyNot() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                || "required".equals(System.getenv(REQUIRED_VARIABLE))) {
            return Optional.empty();
        }
        return Optional.of("The console's browser tests are SKIPPED: they need Debian's Chromium and ChromeDriver at "
                + CHROMIUM + " and " + CHROMEDRIVER + ", which this machine lacks. To run them: apt-get install -y"
                + " chromium chromium-driver; to make a missing browser fail the build (as .ci/run does): "
                + REQUIRED_VARIABLE + "=required.");
    }

    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The console's browser tests need Debian's Chromium and ChromeDriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ", which this machine lacks; " + REQUIRED_VARIABLE + "=required makes them"
                    + " mandatory here.");
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the server ({@code /}, {@code /docs}); a new load forgets the signed-in token. */
    void visit(String path) {
        driver.get(base + path);
    }

    /** Loads the console afresh and signs in; answers once the company picker shows. */
    void signIn(String clientId, String secret) {
        visit("/");
        type("#client-id", clientId);
        type("#client-secret", secret);
        find("#sign-in button[type=submit]").click();
        until(() -> "the console to show after signing in as " + clientId + " (sign-in error: \""
                + text("#sign-in-error") + "\")", d -> find("#work-view").isDisplayed());
    }

    /** Replaces the text of an input. */
    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits (at most {@link #WAIT}) until {@code condition} answers something other than null or false; a timeout
     * fails with {@code what}, worked out then.
     */
    <T> T until(Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).withMessage(what)
                .until(condition);
    }

    /** Waits until the element's text is {@code expected}; a timeout says what it was instead. */
    void untilText(String css, String expected) {
        until(() -> css + " to read \"" + expected + "\", not \"" + text(css) + "\"", d -> expected.equals(text(css)));
    }

    /** The text of the first element {@code css} finds, {@code <absent>} when none. */
    String text(String css) {
        List<WebElement> found = all(css);
        return found.isEmpty() ? "<absent>" : found.get(0).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The element that has the keyboard focus, described by its {@code data-key} or, failing that, its id. */
    String focused() {
        return (String) script("const e = document.activeElement;"
                + " return e.dataset.key ? 'key:' + e.dataset.key : e.id || e.className;");
    }

    /** Writes the page as a PNG under {@code target/console-screenshots/} for a reviewer. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.move(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails on any error the page logged since the last call: a script error, a refused Content-Security-Policy, a
     * file of the page that failed to load. A refusal of the API (Chromium logs {@code Failed to load resource: … status
     * of 4xx} for it) is what the console shows its user, not a fault of the page, and is let through.
     */
    void assertNoPageErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.matches("(?s)" + Pattern.quote(base)
                        + "/(oauth2|api|objects|services)/\\S* - Failed to load resource: the server responded with a"
                        + " status of 4\\d\\d.*"))
                .toList();
        assertEquals(List.of(), errors, "the page logged errors");
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
