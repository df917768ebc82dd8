package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.testing.BrowserOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * notary-file.js in headless Chromium on a {@link StaticSite} (127.0.0.1, a secure context, no
 * portal, no ledger): the page computes the chosen file's SHA-256 with Web Crypto (the same as
 * Java's), shows it and puts it in the hidden field the form sends; a page that comes back from a
 * refused save drops the old hash; hashing sends nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserOnly
class NotaryFileHashBrowserIT {

    private StaticSite site;
    private Browser browser;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        site = StaticSite.start((method, path, body) -> switch (path) {
            case "/notary-file-test.html" -> StaticSite.Response.testResource("/notary-file/notary-file-test.html", "text/html; charset=utf-8");
            case "/js/file-hash.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/file-hash.js",
                    "text/javascript; charset=utf-8");
            case "/js/notary-file.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/notary-file.js",
                    "text/javascript; charset=utf-8");
            default -> null;
        });
        browser = new Browser();
        dir = Files.createTempDirectory("notary-file-it");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    @Test
    void aLeftoverHashIsDroppedUntilAFileIsChosen() {
        open();
        assertEquals("", hidden(), "the hidden field of a re-rendered page holds no hash of a file no longer chosen");
        assertEquals("Choose the file", browser.text("hashStatus"));
        assertFalse(browser.byId("hashResult").isDisplayed());
    }

    @Test
    void theChosenFilesSha256IsShownAndPutInTheHiddenFieldAsJavaComputesIt() throws Exception {
        open();
        site.clear();
        Path big = file("big.pdf", 9 * 1024 * 1024 + 3);
        browser.byId("notarisation:file").sendKeys(big.toString());
        String shown = awaitHash();
        assertEquals(sha256(big), shown);
        assertEquals(shown, hidden());
        assertEquals("SHA-256 computed", browser.text("hashStatus"));
        assertFalse(browser.byId("hashProgress").isDisplayed(), "progress hidden once done");
        assertTrue(browser.byId("notarisation:save").isEnabled());

        Path small = file("small.pdf", 1);
        browser.byId("notarisation:file").clear();
        browser.byId("notarisation:file").sendKeys(small.toString());
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> sha256Unchecked(small).equals(hidden()));
        assertEquals(sha256(small), browser.text("browserHash"), "another file, its own hash");
        assertEquals(List.of(), site.requests(), "hashing sends nothing");
    }

    @Test
    void anEmptyFileHasTheSha256OfNothing() throws Exception {
        open();
        Path empty = file("empty.pdf", 0);
        browser.byId("notarisation:file").sendKeys(empty.toString());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", awaitHash());
    }

    private void open() {
        browser.open(site.baseUrl + "/notary-file-test.html");
        browser.wait.until(d -> !d.findElement(By.id("hashStatus")).getText().equals("waiting"));
    }

    private String awaitHash() {
        browser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("browserHash")).getText().length() == 64);
        return browser.text("browserHash");
    }

    private String hidden() {
        return browser.byId("notarisation:browserSha256").getAttribute("value");
    }

    private Path file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String sha256Unchecked(Path file) {
        try {
            return sha256(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
