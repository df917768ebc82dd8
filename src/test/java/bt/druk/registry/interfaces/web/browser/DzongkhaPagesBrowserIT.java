package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader switches the portal to Dzongkha with the plain link on the page and keeps it on the
 * next pages in a cookie, not an HTTP session; the cached record page never answers a Dzongkha reader in
 * English (or the other way round). The shared portal on the real network, a title
 * registered through the API with an owner named in Dzongkha.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DzongkhaPagesBrowserIT {

    private static final String BUNDLE = "bt.druk.registry.interfaces.web.messages";
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle DZ = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("dz"));
    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String pin = "DZO-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private PortalUnderTest portal;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver");
        portal = PortalUnderTest.shared();
        portal.registerThroughApi(http, pin, "DZO-1", "ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo");
        awaitCommitWithReceipt();
        browser = new Browser();
    }

    /** The record page changes (and with it its tag) until the ledger's receipt is complete: wait for that. */
    private void awaitCommitWithReceipt() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String record = "";
        while (System.currentTimeMillis() < deadline) {
            record = get("/api/records/land-title:" + pin).body();
            if (record.contains("\"ledgerState\":\"COMMITTED\"") && record.matches("(?s).*\"endorsingMspIds\":\\[\"[^]]+\\].*")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not committed with its receipt within two minutes: " + record);
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (portal != null) {
                portal.close();
            }
        }
    }

    @Test
    void theLinkSwitchesToDzongkhaAndTheChoiceHoldsOnTheNextPagesWithoutASession() {
        browser.open(portal.baseUrl + "/index.xhtml");
        assertEquals("en", lang());
        assertTrue(browser.pageText().contains(EN.getString("home.title")));

        WebElement link = languageLink();
        assertEquals("རྫོང་ཁ", link.getText(), "Dzongkha offered in its own script");
        assertEquals("dz", link.getAttribute("hreflang"));
        link.click();
        browser.waitForAjax();

        assertTrue(browser.driver().getCurrentUrl().contains("lang=dz"), browser.driver().getCurrentUrl());
        assertEquals("dz", lang());
        assertTrue(browser.pageText().contains(DZ.getString("home.title")), browser.pageText());
        assertEquals("dz", browser.driver().manage().getCookieNamed("druk-lang").getValue());

        // The record page, reached without ?lang: still Dzongkha, the owner's name in Tibetan script,
        // the area in Tibetan digits.
        browser.open(portal.baseUrl + "/records/land.xhtml?pin=" + pin);
        assertEquals("dz", lang());
        String page = browser.pageText();
        assertTrue(page.contains(MessageFormat.format(DZ.getString("record.title"), pin)), page);
        assertTrue(page.contains(DZ.getString("record.thram").replace("།", "")), page);
        assertTrue(page.contains("ཀུ"), "the owner's masked name keeps its Tibetan script: " + page);
        assertTrue(page.contains("༡.༥"), "1.5 acres in Tibetan digits: " + page);
        assertFalse(page.contains(EN.getString("record.chain")), "no English heading left: " + page);
        browser.screenshot("dzongkha-record-page");

        languageLink().click();
        browser.waitForAjax();
        assertEquals("en", lang());
        assertTrue(browser.pageText().contains(MessageFormat.format(EN.getString("record.title"), pin)));
        assertEquals("en", browser.driver().manage().getCookieNamed("druk-lang").getValue());
    }

    @Test
    void theChoiceIsACookieNotASession() throws Exception {
        HttpResponse<String> chosen = get("/index.xhtml?lang=dz");
        assertEquals(200, chosen.statusCode());
        assertTrue(chosen.body().contains("lang=\"dz\""));
        var cookies = chosen.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("druk-lang=dz") && c.contains("Max-Age") && c.contains("HttpOnly")), cookies.toString());
        assertTrue(cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID")), cookies.toString());
        for (String path : java.util.List.of("/records/land.xhtml?pin=" + pin, "/records/search.xhtml", "/tenders/index.xhtml", "/verify.xhtml")) {
            HttpResponse<String> page = get(path, "Cookie", "druk-lang=dz");
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("lang=\"dz\""), path);
            assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), path + " sets nothing: " + page.headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void theCachedRecordPageAnswersEachReaderInTheirLanguage() throws Exception {
        String path = "/records/land.xhtml?pin=" + pin;
        HttpResponse<String> english = get(path);
        assertEquals(200, english.statusCode());
        assertTrue(english.body().contains("lang=\"en\""));
        HttpResponse<String> englishAgain = get(path);
        assertEquals(english.headers().firstValue("ETag"), englishAgain.headers().firstValue("ETag"), "served from the cache");

        HttpResponse<String> dzongkha = get(path, "Cookie", "druk-lang=dz");
        assertEquals(200, dzongkha.statusCode());
        assertTrue(dzongkha.body().contains("lang=\"dz\""), "the cached English page is not the Dzongkha reader's page");
        assertTrue(dzongkha.body().contains(DZ.getString("record.chain")));
        String tag = dzongkha.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(english.headers().firstValue("ETag").orElseThrow(), tag, "each language its own entity tag");
        assertTrue(dzongkha.headers().firstValue("Vary").orElse("").contains("Cookie"), dzongkha.headers().toString());
        assertEquals(304, get(path, "Cookie", "druk-lang=dz", "If-None-Match", tag).statusCode());
        assertEquals(200, get(path, "If-None-Match", tag).statusCode(), "the Dzongkha tag does not match the English page");

        HttpResponse<String> byBrowser = get(path, "Accept-Language", "dz-BT,en;q=0.5");
        assertTrue(byBrowser.body().contains("lang=\"dz\""), "a browser asking for Dzongkha gets it without a choice");
        HttpResponse<String> chosen = get(path, "Accept-Language", "dz-BT,en;q=0.5", "Cookie", "druk-lang=en");
        assertTrue(chosen.body().contains("lang=\"en\""), "the reader's choice wins over the browser's");
        assertTrue(chosen.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private WebElement languageLink() {
        return browser.driver().findElement(By.cssSelector("a.site-nav__lang"));
    }

    private String lang() {
        return browser.driver().findElement(By.tagName("html")).getAttribute("lang");
    }
}
