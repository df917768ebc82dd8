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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 12's web security over real HTTP and in real Chromium, against the shared portal
 * ({@link PortalUnderTest#shared()}), started as {@code deploy/up.sh} starts one (its server command files) on the real network:
 * the security headers on a page, the portal's own page for a 404 and a 405 (never the server's), the
 * session cookie's flags, /metrics off; then a clerk registers a title in Chromium — the issue's
 * owner name {@code \u0000\u202e<script>…} refused next to the field, a Dzongkha name accepted — and
 * the public record page names a role, not the clerk, with no Content-Security-Policy violation in
 * either browser's console all the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSecurityIT {

    private static final Pattern SCRIPT_SRC = Pattern.compile("script-src ([^;]*)");
    private static final String ATTACK = "\u0000\u202e<script>alert(1)</script>";
    private static final String DZONGKHA_NAME = "ཀུན་ལེགས་ Kinley Wangmo";

    private final HttpClient http = PortalHttp.builder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String pin = "SEC-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private PortalUnderTest portal;
    private Browser clerk;
    private Browser citizen;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        portal = PortalUnderTest.shared();
        clerk = new Browser();
        citizen = new Browser();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {citizen, clerk, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[web-security-it] close failed: " + e);
            }
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The portal's own page: its layout and title, not a word of the server's. */
    private static void portalsOwnPage(HttpResponse<String> response, String what) {
        assertTrue(response.body().contains("class=\"site-header\"") && response.body().contains("Druk Registry"),
                what + ": the portal's page, got " + response.body());
        assertFalse(response.body().toLowerCase().contains("payara") || response.body().toLowerCase().contains("grizzly"),
                what + ": names the server: " + response.body());
        assertTrue(response.headers().firstValue("Server").isEmpty(), what + ": Server header " + response.headers().firstValue("Server"));
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), what + ": its error page has the headers too");
    }

    private void noViolations(Browser browser, String when) {
        List<String> found = browser.contentSecurityViolations();
        violations.addAll(found);
        assertEquals(List.of(), found, "Content-Security-Policy violations " + when);
    }

    @Test
    @Order(1)
    void aPageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = send("GET", "/index.xhtml");
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher scriptSrc = SCRIPT_SRC.matcher(policy);
        assertTrue(scriptSrc.find(), policy);
        assertFalse(scriptSrc.group(1).contains("unsafe-inline") || scriptSrc.group(1).contains("unsafe-eval"), policy);
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(scriptSrc.group(1));
        assertTrue(nonce.find(), "the page's inline scripts run by their nonce: " + policy);
        assertTrue(page.body().contains("nonce=\"" + nonce.group(1) + "\""), "and carry it");
        assertFalse(Pattern.compile("<script(?![^>]*\\b(src|nonce)=)").matcher(page.body()).find(), "no inline script without it");
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
        assertEquals(1, page.headers().allValues("Content-Security-Policy").size(), "one policy");
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        assertTrue(page.headers().firstValue("Server").isEmpty(), "no Server header");
        assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "the public home page opens no session");

        HttpResponse<String> json = send("GET", "/api/records?q=" + pin);
        assertTrue(json.headers().firstValue("X-Content-Type-Options").isPresent(), "every response, JSON too");
        assertTrue(json.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    @Order(2)
    void notFoundAndMethodNotAllowedEndOnThePortalsOwnPage() throws Exception {
        for (String path : List.of("/no-such-page.xhtml", "/no-such-thing", "/records/documents/" + "0".repeat(64) + ".json")) {
            HttpResponse<String> missing = send("GET", path);
            assertEquals(404, missing.statusCode(), path);
            portalsOwnPage(missing, "404 " + path);
            assertTrue(missing.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    "a stranger's 404 opens no session");
        }
        for (String[] request : new String[][] {{"PUT", "/index.xhtml"}, {"DELETE", "/records/search.xhtml"},
                {"PATCH", "/verify.xhtml"}, {"POST", "/records/documents/" + "0".repeat(64) + ".json"}, {"PUT", "/ocds/releases.json"}}) {
            HttpResponse<String> refused = send(request[0], request[1]);
            assertEquals(405, refused.statusCode(), request[0] + " " + request[1]);
            portalsOwnPage(refused, "405 " + request[0] + " " + request[1]);
        }
        assertEquals("GET, HEAD, POST", send("PUT", "/index.xhtml").headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> api = send("DELETE", "/api/records/land-title:" + pin);
        assertEquals(405, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), "the API's own refusal");

        String server = portal.baseUrl.substring(0, portal.baseUrl.indexOf("/druk-registry"));
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(server + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, metrics.statusCode(), "/metrics is off: " + metrics.body());
        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(URI.create(server + "/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode(), "the API's description stays public");
    }

    @Test
    @Order(3)
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> signIn = send("GET", "/login.xhtml");
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("the sign-in page keeps a session: " + signIn.headers().map()));
        String flags = cookie.toLowerCase();
        assertTrue(flags.contains("; httponly"), cookie);
        assertTrue(flags.contains("; samesite=lax"), cookie);
        assertFalse(flags.contains("; secure"), "not Secure over plain HTTP (Payara adds it on TLS): " + cookie);
    }

    @Test
    @Order(4)
    void aClerkRegistersATitleWithoutAnyPolicyViolationAndTheIssuesNameIsRefusedNextToItsField() throws Exception {
        citizen.open(portal.baseUrl + "/index.xhtml");
        citizen.open(portal.baseUrl + "/records/search.xhtml");
        citizen.open(portal.baseUrl + "/verify.xhtml");
        noViolations(citizen, "on the public pages");
        String icon = citizen.driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
        HttpResponse<Void> iconAnswer = http.send(HttpRequest.newBuilder(URI.create(icon)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, iconAnswer.statusCode(), "the pages' icon " + icon + ", or browsers ask for /favicon.ico and log a 404");
        assertTrue(iconAnswer.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), iconAnswer.headers().toString());
        // What a browser asks for on a tab without that link (the API's JSON, a PDF) leads to the same icon.
        HttpResponse<Void> icoAnswer = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(301, icoAnswer.statusCode(), "/favicon.ico: " + icoAnswer.headers());
        assertEquals(URI.create(icon).getPath(), icoAnswer.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(null));

        clerk.open(portal.baseUrl + "/login.xhtml");
        clerk.type("login:username", "land.clerk");
        clerk.type("login:password", portal.demoPassword);
        clerk.click("login:signIn");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/"));
        noViolations(clerk, "signing in");

        clerk.open(portal.baseUrl + "/clerk/land/register.xhtml");
        clerk.type("register:pin", pin);
        clerk.type("register:thramNo", "T-" + pin);
        clerk.selectOne("register:dzongkhag", "Punakha");
        clerk.selectOne("register:gewog", "Guma");
        clerk.type("register:areaAcres", "0.5");
        clerk.selectOne("register:landType", "Dry land (Kamzhing)");
        // A NUL cannot be typed; it can be sent, as the issue's clerk did.
        ((JavascriptExecutor) clerk.driver).executeScript("document.getElementById('register:owners:0:name').value = arguments[0]", ATTACK);
        clerk.type("register:owners:0:cid", "1" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)));
        clerk.type("register:owners:0:share", "1");
        clerk.click("register:save");
        clerk.waitForText("text-direction characters");
        String message = clerk.driver.findElement(By.xpath(
                "//input[@id='register:owners:0:name']/ancestor::*[contains(@class,'field') or self::td][1]"
                        + "//*[contains(@class,'ui-message-error')]")).getText();
        assertTrue(message.contains("control or text-direction characters"), "the message next to the name: " + message);
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/land/register.xhtml"), "not saved");
        noViolations(clerk, "refusing the name");

        ((JavascriptExecutor) clerk.driver).executeScript("document.getElementById('register:owners:0:name').value = arguments[0]",
                DZONGKHA_NAME);
        clerk.click("register:save");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml"));
        assertTrue(clerk.pageText().contains(DZONGKHA_NAME), "the Dzongkha name is kept as typed");
        assertTrue(clerk.pageText().contains("by land.clerk (THIMPHU)"), "staff pages name the clerk");
        noViolations(clerk, "registering the title");

        citizen.open(portal.baseUrl + "/records/land.xhtml?pin=" + pin);
        String record = citizen.pageText();
        assertTrue(record.contains("by land clerk (THIMPHU)"), "the public page names the role and office: " + record);
        assertFalse(record.contains("land.clerk"), "never the clerk's user name");
        citizen.open(portal.baseUrl + "/records/land.xhtml?pin=" + pin);
        noViolations(citizen, "reading the record page, fresh and from the page cache");
        assertEquals(List.of(), violations);
    }

    /** WCAG's contrast of an element's text against what is painted behind it (semi-transparent layers composited). */
    private static final String CONTRAST = """
            const el = arguments[0];
            const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
              const p = m[1].split(',').map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
            const over = (top, under) => [0, 1, 2].map(k => top[k] * top[3] + under[k] * (1 - top[3]));
            const lum = c => { const a = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; };
            const layers = [];
            for (let n = el; n; n = n.parentElement) {
              const b = rgba(getComputedStyle(n).backgroundColor);
              if (b[3] > 0) { layers.push(b); if (b[3] >= 1) break; }
            }
            let bg = [255, 255, 255];
            for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
            const fg = over(rgba(getComputedStyle(el).color), bg);
            const l1 = lum(fg), l2 = lum(bg);
            return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);""";

    @Test
    @Order(5)
    void signOutCanBeSeenOnEveryStaffPageInBothLanguagesOnADeskAndAPhoneAndItSignsOut() {
        clerk.open(portal.baseUrl + "/clerk/index.xhtml?lang=en");
        // The staff pages are the navigation's: a page added to it is checked too.
        List<String> pages = clerk.navigationLinks().stream().filter(href -> href.startsWith(portal.baseUrl)).toList();
        assertTrue(pages.stream().anyMatch(p -> p.contains("/clerk/")), "the clerk's navigation: " + pages);
        List<String> seen = new ArrayList<>();
        try {
            for (String language : List.of("en", "dz")) {
                for (int width : List.of(1366, 375)) {
                    clerk.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                    for (String page : pages) {
                        clerk.open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                        WebElement signOut = clerk.byId("signOutForm:signOut");
                        String where = page.substring(portal.baseUrl.length()) + " (" + language + ", " + width + " px)";
                        assertTrue(signOut.isDisplayed(), "Sign out shown on " + where);
                        org.openqa.selenium.Rectangle box = signOut.getRect();
                        long viewport = ((Number) ((JavascriptExecutor) clerk.driver).executeScript("return document.documentElement.clientWidth")).longValue();
                        assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= viewport, "Sign out within the screen on " + where + ": " + box);
                        double contrast = ((Number) ((JavascriptExecutor) clerk.driver).executeScript(CONTRAST, signOut)).doubleValue();
                        seen.add(where + " " + String.format(java.util.Locale.ROOT, "%.1f:1", contrast));
                        assertTrue(contrast >= 4.5, "Sign out's text against its background on " + where + ": "
                                + String.format(java.util.Locale.ROOT, "%.2f:1", contrast));
                    }
                }
            }
        } finally {
            System.out.println("[web-security-it] Sign out seen on: " + seen);
            clerk.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
        clerk.open(portal.baseUrl + "/clerk/index.xhtml?lang=en");
        clerk.click("signOutForm:signOut");
        clerk.wait.until(d -> d.findElements(By.id("signOutForm:signOut")).isEmpty());
        clerk.open(portal.baseUrl + "/clerk/index.xhtml");
        assertTrue(clerk.driver.getCurrentUrl().contains("/login.xhtml"), "signed out: " + clerk.driver.getCurrentUrl());
    }
}
