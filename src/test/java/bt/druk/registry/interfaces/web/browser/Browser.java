package bt.druk.registry.interfaces.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Real headless Chromium (Debian's chromium + chromium-driver), never Selenium Manager. */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("druk.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("druk.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser() throws IOException {
        profile = Files.createTempDirectory("druk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + profile);
        // The console is kept so that a test can ask whether the page's Content-Security-Policy refused anything.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = waitUpTo(Duration.ofSeconds(30));
    }

    /**
     * A wait of its own length. Pages with a poll (a record being committed, a batch being anchored)
     * replace their elements every few seconds, so an element found in one check may be gone when it
     * is read: such a check is made again rather than failing.
     */
    WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait until = new WebDriverWait(driver, timeout);
        until.ignoring(StaleElementReferenceException.class);
        return until;
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    void open(String url) {
        driver.get(url);
        waitForAjax();
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        waitForAjax();
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu by its visible label, the way a person does:
     * open the menu, scroll the option into view inside the panel, click it. Selenium's own
     * scrolling may scroll the page instead, and PrimeFaces closes an open menu when the page
     * scrolls, so the click would land on nothing; hence the explicit scroll and the check. A panel
     * that closes again before its item can be clicked (seen in CI: the item stayed invisible) is
     * opened again.
     */
    void selectOne(String menuId, String label) {
        wait.until(d -> !d.findElement(By.id(menuId)).getAttribute("class").contains("ui-state-disabled"));
        for (int attempt = 1; ; attempt++) {
            // An ajax answer re-renders a menu; until its new widget has bound the new element, a click opens nothing.
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var w = window.PrimeFaces && PrimeFaces.getWidgetById(arguments[0]);"
                            + " return !!w && w.jq[0] === document.getElementById(arguments[0]);", menuId));
            driver.findElement(By.id(menuId)).click();
            WebElement panel;
            try {
                panel = new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id(menuId + "_panel")));
            } catch (TimeoutException theClickWasLost) {
                // A re-render of the menu (the ajax answer to the field before it) can swallow the click that opens it.
                if (attempt == 3) {
                    throw theClickWasLost;
                }
                waitForAjax();
                continue;
            }
            WebElement item = panel.findElement(By.cssSelector("li[data-label='" + label.replace("'", "\\'") + "']"));
            ((JavascriptExecutor) driver).executeScript(
                    "var item = arguments[0], wrapper = item.closest('.ui-selectonemenu-items-wrapper');"
                            + " if (wrapper) { wrapper.scrollTop = item.offsetTop - wrapper.clientHeight / 2; }", item);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(item)).click();
            } catch (TimeoutException | ElementNotInteractableException | StaleElementReferenceException whileTheMenuMoves) {
                // The panel was still sliding open, closed again, or a re-render replaced it: open it again.
                if (attempt == 3) {
                    throw whileTheMenuMoves;
                }
                driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
                continue;
            }
            waitForAjax();
            if (label.equals(driver.findElement(By.id(menuId + "_label")).getText())) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("could not pick '" + label + "' in " + menuId);
            }
            driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        }
    }

    /** Waits until PrimeFaces' ajax queue is empty (and jQuery is idle). */
    void waitForAjax() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);"));
    }

    String text(String id) {
        return byId(id).getText();
    }

    /** Waits until the page shows the text (also across a full page load after a non-ajax submit). */
    void waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /**
     * Where the open page's navigation leads, in its order, once each: the pages offered to whoever is
     * signed in (the language switch, a link to this same page, left out).
     */
    java.util.List<String> navigationLinks() {
        return driver.findElements(By.cssSelector(".site-nav a.site-nav__link:not(.site-nav__lang)")).stream()
                .map(a -> a.getAttribute("href")).distinct().toList();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * What the console said since the last call about scripts, styles or frames the page's
     * Content-Security-Policy refused (Chromium: "Refused to execute inline script because it violates
     * the following Content Security Policy directive ...").
     */
    java.util.List<String> contentSecurityViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    String sessionCookie() {
        var cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(PortalUnderTest.buildDir().resolve("screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp profile, best effort
            }
        }
    }
}
