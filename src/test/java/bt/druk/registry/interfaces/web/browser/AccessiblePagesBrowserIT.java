package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every public and staff page, in English and in Dzongkha, on a desktop and on a phone-sized
 * screen, checked by axe-core: no serious or critical violation may remain, and no page scrolls
 * sideways on a phone. Each role's pages are what its navigation offers plus the pages those lead to
 * with a record to show; every page under {@code webapp/} must be among them, so a new page cannot
 * go unchecked. Each page's result is printed. A clerk registers a parcel with the keyboard alone, sees where the focus is,
 * and hears a validation error tied to its field.
 *
 * <p>A portal of its own (port 18491) on the real network, empty at the start: the test registers a
 * title through the API, has two holders make opening keys, and publishes a sealed tender and a
 * notarisation through the clerks' forms, so that the pages that show one have one to show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessiblePagesBrowserIT {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final int PHONE_WIDTH = 375;
    private static final ZoneId BHUTAN = ZoneId.of("Asia/Thimphu");

    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String pin = "AXE" + ThreadLocalRandom.current().nextInt(1, 9) + "-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final String keyboardPin = pin + "K";
    /** A parcel with a surveyed boundary, so that the parcel map has one to draw and list. */
    private final String surveyedPin = pin + "M";
    private final int firstSerial = ThreadLocalRandom.current().nextInt(200_000, 999_000);
    private PortalUnderTest portal;
    private String ocid;
    private String notarisation;
    /** Where the holders' browsers save their key files. */
    private Path keyFiles;
    /** Whether a page is open to anyone, by path and query ({@link #isPublic}). */
    private final Map<String, Boolean> publicPages = new ConcurrentHashMap<>();
    /** The set-up page of a new staff account, with its token (walked anonymously). */
    private String setupPage;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver");
        // The ledger outlives this portal's fresh database: an OCID prefix and notarisation numbers of this run's own.
        String prefix = "ocds-a" + HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(256),
                (byte) ThreadLocalRandom.current().nextInt(256)}).substring(0, 4) + "x";
        portal = PortalUnderTest.startOwn("accessible-pages-it", Integer.getInteger("druk.accessiblePages.port", 18491),
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix,
                        "DRUK_NOTARY_FIRSTSERIAL", String.valueOf(firstSerial), "DRUK_PROCUREMENT_MINBIDPERIOD", "PT1M"));
        portal.registerThroughApi(http, pin, "AXE-1", "ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo");
        // 100 m by 60.7 m near Thimphu in the Bhutan National Grid: the title's 1.5 acres.
        portal.registerThroughApi(http, surveyedPin, "AXE-2", "ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo",
                "{\"crs\":\"EPSG:5266\",\"type\":\"Polygon\",\"coordinates\":[[[214000,3040000],[214100,3040000],"
                        + "[214100,3040060.7],[214000,3040060.7],[214000,3040000]]]}");
        // Every tender is sealed: two holders of two organisations make their opening keys first.
        keyFiles = Files.createTempDirectory("druk-a11y-keys-");
        makeOpeningKey("procurement.clerk");
        makeOpeningKey("inspector");
        try (Browser clerk = new Browser()) {
            signIn(clerk, "procurement.clerk");
            ocid = publishTender(clerk);
        }
        try (Browser clerk = new Browser()) {
            signIn(clerk, "notary.clerk");
            notarisation = notarise(clerk);
        }
        try (Browser admin = new Browser()) {
            signIn(admin, "admin");
            setupPage = createStaffAccount(admin);
        }
        awaitCommitted(pin);
        System.out.println("[a11y-it] parcel " + pin + ", tender " + ocid + ", notarisation " + notarisation);
    }

    @AfterAll
    void stop() throws java.io.IOException {
        if (portal != null) {
            portal.close();
        }
        if (keyFiles != null) {
            try (var files = Files.walk(keyFiles)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The member makes an opening key in its own browser and registers it, as on "My opening key". */
    private void makeOpeningKey(String user) throws java.io.IOException {
        try (Browser holder = new Browser()) {
            Path downloads = Files.createDirectories(keyFiles.resolve(user));
            holder.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            signIn(holder, user);
            holder.open(url("/clerk/opening-key.xhtml"));
            holder.click("makeKey");
            holder.wait.until(d -> d.findElement(By.id("newKey")).isDisplayed());
            holder.click("downloadKeyFile");
            holder.wait.until(d -> d.findElement(By.id("keyForm:registerKey")).isEnabled());
            holder.click("keyForm:registerKey");
            holder.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("registeredHash")).isEmpty());
        }
    }

    @Test
    @Order(1)
    void aClerkRegistersAParcelWithTheKeyboardAloneSeesTheFocusAndHearsEachErrorAtItsField() throws Exception {
        try (Browser clerk = new Browser()) {
            clerk.open(url("/clerk/land/register.xhtml"));
            // Signing in by keyboard too: the login page asked for by the staff page.
            tabTo(clerk, "login:username", 12);
            typeHere(clerk, "land.clerk");
            tabTo(clerk, "login:password", 3);
            typeHere(clerk, portal.demoPassword);
            press(clerk, Keys.ENTER);
            clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/register.xhtml"));
            clerk.waitForAjax();

            // The form gives its first field the focus (else Tab reaches it past the skip link and the menu).
            tabTo(clerk, "register:pin", 25);
            assertFocusVisible(clerk);
            // Save straight away: every required field says so, tied to the field for a screen reader.
            tabTo(clerk, "register:save", 20);
            assertFocusVisible(clerk);
            press(clerk, Keys.ENTER);
            clerk.wait.until(d -> "true".equals(d.findElement(By.id("register:pin")).getAttribute("aria-invalid")));
            assertErrorTiedToField(clerk, "register:pin", "Required.");
            assertErrorTiedToField(clerk, "register:thramNo", "Required.");
            assertEquals("register:pin", activeId(clerk), "after a refused save the focus is on the first field in error");

            // Shift+Tab goes back the way Tab came; then fill the form in the order Tab takes.
            tabTo(clerk, "register:thramNo", 1);
            shiftTabTo(clerk, "register:pin", 1);
            typeHere(clerk, keyboardPin);
            tabTo(clerk, "register:thramNo", 2);
            typeHere(clerk, "KBD-1");
            tabTo(clerk, "register:dzongkhag_label", 2);
            assertFocusVisible(clerk);
            chooseByKeyboard(clerk, "register:dzongkhag", "Punakha");
            // The gewogs of Punakha arrive by ajax; the focus stays in the dzongkhag menu.
            clerk.wait.until(d -> !d.findElement(By.id("register:gewog")).getAttribute("class").contains("ui-state-disabled"));
            tabTo(clerk, "register:gewog_label", 2);
            chooseByKeyboard(clerk, "register:gewog", "Guma");
            tabTo(clerk, "register:areaAcres", 2);
            typeHere(clerk, "0.5");
            tabTo(clerk, "register:landType_label", 2);
            chooseByKeyboard(clerk, "register:landType", "Dry land (Kamzhing)");
            tabTo(clerk, "register:owners:0:name", 3);
            assertFocusVisible(clerk);
            typeHere(clerk, "Karma Wangchuk");
            tabTo(clerk, "register:owners:0:cid", 2);
            typeHere(clerk, "123");
            tabTo(clerk, "register:owners:0:share", 2);
            typeHere(clerk, "1");
            tabTo(clerk, "register:save", 6);
            press(clerk, Keys.ENTER);
            // A wrong CID is announced at its own field, not somewhere on the page.
            clerk.wait.until(d -> "true".equals(d.findElement(By.id("register:owners:0:cid")).getAttribute("aria-invalid")));
            assertErrorTiedToField(clerk, "register:owners:0:cid", "A CID has exactly 11 digits.");
            assertFalse("true".equals(clerk.byId("register:pin").getAttribute("aria-invalid")), "a corrected field is no longer marked invalid");
            assertEquals("register:owners:0:cid", activeId(clerk), "the focus is on the field in error");

            shiftTabTo(clerk, "register:owners:0:cid", 10); // no-op when already there, else back with Shift+Tab
            selectAllHere(clerk);
            typeHere(clerk, "10101000123");
            tabTo(clerk, "register:save", 6);
            press(clerk, Keys.SPACE);
            clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/land/title.xhtml"));
            clerk.waitForAjax();
            assertTrue(clerk.pageText().contains(keyboardPin), clerk.pageText());
            assertTrue(clerk.pageText().contains("Karma Wangchuk"), clerk.pageText());
        }
    }

    @Test
    @Order(2)
    void everyPageInBothLanguagesHasNoSeriousOrCriticalViolationOnADesktop() throws Exception {
        walkEveryPage(false);
    }

    @Test
    @Order(3)
    void everyPageInBothLanguagesFitsAPhoneWithoutSeriousOrCriticalViolations() throws Exception {
        walkEveryPage(true);
    }

    // ---- the walk -------------------------------------------------------------------------------

    private void walkEveryPage(boolean phone) throws Exception {
        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        String encodedOcid = URLEncoder.encode(ocid, StandardCharsets.UTF_8);
        pagesByUser.put(null, List.of(
                "/index.xhtml", "/login-code.xhtml", "/records/search.xhtml", "/records/search.xhtml?pin=" + pin,
                "/records/land.xhtml?pin=" + pin, "/records/land.xhtml?pin=NO-SUCH-PIN",
                "/records/map.xhtml?dzongkhag=Thimphu", "/records/map.xhtml?dzongkhag=Atlantis",
                "/tenders/index.xhtml", "/tenders/tender.xhtml?ocid=" + encodedOcid, "/tenders/bid.xhtml",
                "/notary/notarisation.xhtml?id=" + notarisation,
                "/verify.xhtml", "/verify.xhtml?hash=" + "0".repeat(64),
                "/login.xhtml", "/no-such-page.xhtml", "/not-found.xhtml", "/error.xhtml", "/expired.xhtml", "/forbidden.xhtml",
                "/supplier/register.xhtml", "/account/setup.xhtml", setupPage));
        pagesByUser.put("land.clerk", List.of(
                "/clerk/index.xhtml", "/clerk/land/register.xhtml", "/clerk/land/import.xhtml", "/clerk/land/title.xhtml?pin=" + pin,
                "/clerk/land/transfer.xhtml?pin=" + pin, "/clerk/land/subdivide.xhtml?pin=" + pin, "/clerk/land/merge.xhtml?pin=" + pin,
                "/clerk/land/adjust.xhtml?pin=" + pin, "/clerk/land/court-order.xhtml?pin=" + pin,
                "/inspect/tamper.xhtml"));
        pagesByUser.put("procurement.clerk", List.of(
                "/clerk/index.xhtml", "/clerk/procurement/new.xhtml", "/clerk/procurement/tender.xhtml?ocid=" + encodedOcid,
                "/clerk/procurement/amend.xhtml?ocid=" + encodedOcid, "/clerk/opening-key.xhtml",
                "/clerk/procurement/shares.xhtml?ocid=" + encodedOcid));
        pagesByUser.put("notary.clerk", List.of(
                "/clerk/index.xhtml", "/clerk/notary/new.xhtml", "/clerk/notary/batch.xhtml",
                "/clerk/notary/notarisation.xhtml?id=" + notarisation));
        pagesByUser.put("inspector", List.of("/clerk/index.xhtml", "/inspect/tamper.xhtml", "/inspect/audit.xhtml", "/inspect/activity.xhtml"));
        pagesByUser.put("admin", List.of("/clerk/index.xhtml", "/admin/staff.xhtml", "/admin/account.xhtml",
                "/admin/account.xhtml?username=land.clerk", "/clerk/password.xhtml", "/clerk/api-tokens.xhtml"));
        pagesByUser.put("supplier.druk", List.of("/supplier/index.xhtml", "/supplier/bid.xhtml?ocid=" + encodedOcid));
        // Two roles at a time, each in a browser of its own: axe keeps one core busy per browser.
        ExecutorService walkers = Executors.newFixedThreadPool(2);
        List<Future<RoleWalk>> walks = new ArrayList<>();
        Set<String> publicPagesCheckedSignedIn = ConcurrentHashMap.newKeySet();
        for (var entry : pagesByUser.entrySet()) {
            walks.add(walkers.submit(() -> walkAs(entry.getKey(), entry.getValue(), phone, publicPagesCheckedSignedIn)));
        }
        walkers.shutdown();
        int checked = 0;
        Set<String> walked = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (Future<RoleWalk> walk : walks) {
            RoleWalk done = walk.get(15, TimeUnit.MINUTES);
            checked += done.checked();
            walked.addAll(done.pages());
            violations.addAll(done.violations());
        }
        System.out.println("[a11y-it] " + (phone ? "phone" : "desktop") + ": " + checked + " pages checked, "
                + violations.size() + " serious or critical violations");
        // Every page the portal has is walked: a page that no list names fails here.
        List<String> pagesOnDisk;
        Path webapp = PortalUnderTest.projectDir().resolve("webapp");
        try (var files = Files.walk(webapp)) {
            pagesOnDisk = files.filter(f -> f.toString().endsWith(".xhtml") && !webapp.relativize(f).startsWith("WEB-INF"))
                    .map(f -> "/" + webapp.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        assertEquals(List.of(), pagesOnDisk.stream().filter(p -> !walked.contains(p)).toList(),
                "pages of the portal that no role's walk reaches (add them to the navigation or to the walk)");
        assertTrue(violations.isEmpty(), violations.size() + " serious or critical violations"
                + (phone ? " or overflowing pages on a phone" : "") + ":\n" + String.join("\n", violations));
    }

    /** What one role's walk checked and found. */
    private record RoleWalk(int checked, Set<String> pages, List<String> violations) {
    }

    /**
     * Every page this user's navigation offers, plus {@code morePages}, in both languages. A public
     * page is checked signed out and by the first signed-in role that reaches it: signed in, only its
     * navigation differs, and each role's navigation is checked on that role's own pages (every staff
     * navigation offers the four public registers, which were checked 28 times each).
     */
    private RoleWalk walkAs(String user, List<String> morePages, boolean phone, Set<String> publicPagesCheckedSignedIn)
            throws java.io.IOException {
        List<String> violations = new ArrayList<>();
        Set<String> walked = new TreeSet<>();
        int checked = 0;
        try (Browser browser = new Browser()) {
            if (phone) {
                // A phone: 375 CSS pixels wide, touch, the page's own viewport meta in force.
                browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                        "width", PHONE_WIDTH, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            }
            if (user != null) {
                signIn(browser, user);
            }
            // The navigation's pages first (a page added to it is walked without a change here), then
            // the pages it leads to that need a record to show.
            Set<String> pages = new LinkedHashSet<>(navigationPages(browser, user));
            pages.addAll(morePages);
            for (String page : pages) {
                walked.add(page.replaceFirst("\\?.*", ""));
                if (user != null && isPublic(page) && !publicPagesCheckedSignedIn.add(page)) {
                    continue;
                }
                for (String lang : List.of("en", "dz")) {
                    int before = violations.size();
                    check(browser, user, page, lang, phone, violations);
                    System.out.println("[a11y-it] " + (phone ? "phone " : "desktop ") + (user == null ? "anonymous" : user)
                            + " " + page + " [" + lang + "]: " + (violations.size() == before ? "0 serious, 0 critical"
                            : (violations.size() - before) + " violation(s)"));
                    checked++;
                }
            }
        }
        return new RoleWalk(checked, walked, violations);
    }

    /** Adds to {@code violations} what axe finds serious or critical on the page, and a phone's sideways scroll. */
    private void check(Browser browser, String user, String page, String lang, boolean phone, List<String> violations) {
        String url = url(page) + (page.contains("?") ? "&" : "?") + "lang=" + lang;
        browser.open(url);
        String where = (user == null ? "anonymous" : user) + " " + page + " [" + lang + (phone ? ", phone" : "") + "]";
        assertFalse(browser.driver.getCurrentUrl().contains("/login.xhtml") && !page.startsWith("/login"),
                where + " asked for a sign-in: " + browser.driver.getCurrentUrl());
        assertEquals(lang, browser.driver.findElement(By.tagName("html")).getAttribute("lang"), where);
        // The parcel map draws once its GeoJSON has arrived (or says it could not): the page is checked as drawn.
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-druk-parcel-map]:not([data-druk-parcel-map-drawn])")).isEmpty()
                || !d.findElements(By.cssSelector("[data-druk-parcel-map-status]:not(:empty)")).isEmpty());
        // Legacy mode runs axe.run in the page itself. The default also runs it frame by frame and
        // merges the results in a blank window of its own: 0.60 s a page against 0.38 s measured, for
        // iframes that no page here has. Both modes found the same on every page.
        Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver);
        assertFalse(results.isErrored(), where + ": axe failed: " + results.getErrorMessage());
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                if (BLOCKING.contains(impact)) {
                    violations.add(where + ": " + rule.getId() + " (" + impact + ") at " + node.getTarget()
                            + ": " + firstLine(node.getFailureSummary()) + " | " + shorten(node.getHtml()));
                }
            }
        }
        if (phone) {
            JavascriptExecutor js = browser.driver;
            // On a phone a page wider than the screen widens the layout viewport (the browser zooms
            // out), so both are compared with the phone's own width.
            long innerWidth = ((Number) js.executeScript("return window.innerWidth;")).longValue();
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
            if (scrollWidth > innerWidth || innerWidth > PHONE_WIDTH) {
                @SuppressWarnings("unchecked")
                List<String> wide = (List<String>) js.executeScript(
                        // the innermost elements that reach past the screen's right edge
                        "var out = [];"
                                + " document.querySelectorAll('body *').forEach(function (e) {"
                                + "   var r = e.getBoundingClientRect();"
                                + "   var wide = function (x) { return x.getBoundingClientRect().right > " + PHONE_WIDTH + " + 1; };"
                                + "   if (wide(e) && !Array.prototype.some.call(e.children, wide) && out.length < 8) {"
                                + "     out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));"
                                + "   } });"
                                + " return out;");
                violations.add(where + ": scrolls sideways on a phone (scrollWidth " + scrollWidth + ", innerWidth " + innerWidth + " on a " + PHONE_WIDTH + " px screen): " + wide);
                browser.screenshot("a11y-overflow-" + page.replaceAll("[^A-Za-z0-9]+", "_") + "-" + lang);
            }
        }
    }

    /** Whether the portal shows this page to anyone (signed out it answers 200, not a redirect to the sign-in). */
    private boolean isPublic(String page) {
        return publicPages.computeIfAbsent(page, p -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url(p))).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("GET " + p + ": " + e, e);
            }
        });
    }

    /** The pages the navigation offers this user, as paths under the portal. */
    private List<String> navigationPages(Browser browser, String user) {
        browser.open(url(user == null ? "/index.xhtml" : "/clerk/index.xhtml"));
        String base = URI.create(url("/")).getPath().replaceFirst("/$", "");
        return browser.navigationLinks().stream().map(URI::create)
                .map(href -> href.getPath().substring(base.length()) + (href.getQuery() == null ? "" : "?" + href.getQuery()))
                .filter(path -> path.endsWith(".xhtml") || path.contains(".xhtml?"))
                .distinct().toList();
    }

    private static String shorten(String html) {
        return html == null ? "" : html.length() > 240 ? html.substring(0, 240) + "…" : html;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " / ");
    }

    // ---- keyboard helpers -----------------------------------------------------------------------

    private static String activeId(Browser browser) {
        WebElement active = browser.driver.switchTo().activeElement();
        return active == null ? "" : active.getAttribute("id");
    }

    /** Presses Tab until the element with this id has the focus, at most {@code max} times. */
    private static void tabTo(Browser browser, String id, int max) {
        moveFocus(browser, id, max, false);
    }

    private static void shiftTabTo(Browser browser, String id, int max) {
        moveFocus(browser, id, max, true);
    }

    private static void moveFocus(Browser browser, String id, int max, boolean back) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            if (id.equals(activeId(browser))) {
                return;
            }
            Actions actions = new Actions(browser.driver);
            if (back) {
                actions.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                actions.sendKeys(Keys.TAB).perform();
            }
            path.add(activeId(browser));
        }
        assertEquals(id, activeId(browser), (back ? "Shift+Tab" : "Tab") + " did not reach " + id + "; the focus went " + path);
    }

    private static void typeHere(Browser browser, String text) {
        new Actions(browser.driver).sendKeys(text).perform();
    }

    private static void selectAllHere(Browser browser) {
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    }

    private static void press(Browser browser, Keys key) {
        new Actions(browser.driver).sendKeys(key).perform();
        browser.waitForAjax();
    }

    /**
     * Picks an option of a PrimeFaces select menu that has the focus (its label element is the
     * combobox the keyboard talks to) the way a keyboard user does: Alt+Down opens it, the arrow
     * keys move to the option, Enter takes it.
     */
    private static void chooseByKeyboard(Browser browser, String menuId, String label) {
        new Actions(browser.driver).keyDown(Keys.ALT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.ALT).perform();
        browser.wait.until(d -> d.findElement(By.id(menuId + "_panel")).isDisplayed());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            WebElement highlighted = browser.driver.findElement(By.cssSelector("[id='" + menuId + "_panel'] li.ui-state-highlight"));
            String current = highlighted.getAttribute("data-label");
            if (label.equals(current)) {
                press(browser, Keys.ENTER);
                browser.wait.until(d -> label.equals(d.findElement(By.id(menuId + "_label")).getText()));
                assertEquals(menuId + "_label", activeId(browser), "the focus stays in the menu after choosing");
                return;
            }
            seen.add(current);
            new Actions(browser.driver).sendKeys(Keys.ARROW_DOWN).perform();
        }
        throw new AssertionError("the arrow keys never reached '" + label + "' in " + menuId + ": " + seen);
    }

    /** The focused element, or the widget that draws its focus (a PrimeFaces menu's focus input is hidden), shows a ring. */
    private static void assertFocusVisible(Browser browser) {
        String style = (String) browser.driver.executeScript(
                "var e = document.activeElement;"
                        + " var shown = e.closest('.ui-selectonemenu, .ui-chkbox, .ui-radiobutton') || e;"
                        + " var s = getComputedStyle(shown);"
                        + " return s.outlineStyle + '|' + s.outlineWidth + '|' + s.boxShadow;");
        String[] parts = style.split("\\|", 3);
        boolean outline = !"none".equals(parts[0]) && !parts[1].startsWith("0");
        boolean shadow = !"none".equals(parts[2]);
        assertTrue(outline || shadow, "no visible focus on " + activeId(browser) + ": outline " + parts[0] + " " + parts[1] + ", box-shadow " + parts[2]);
    }

    /** The field says it is invalid and names its message (next to it) as its description. */
    private static void assertErrorTiedToField(Browser browser, String inputId, String message) {
        WebElement input = browser.byId(inputId);
        assertEquals("true", input.getAttribute("aria-invalid"), inputId + " not marked invalid");
        String describedBy = input.getAttribute("aria-describedby");
        assertNotNull(describedBy, inputId + " has no aria-describedby");
        List<String> texts = new ArrayList<>();
        for (String id : describedBy.trim().split("\\s+")) {
            List<WebElement> found = browser.driver.findElements(By.id(id));
            assertEquals(1, found.size(), inputId + " is described by '" + id + "', which is not on the page once");
            texts.add(found.get(0).getText().trim());
        }
        assertTrue(texts.contains(message), inputId + " is described by " + texts + ", not by its message '" + message + "'");
    }

    // ---- setting up the pages' content ----------------------------------------------------------

    private String url(String path) {
        return portal.baseUrl + path;
    }

    private void signIn(Browser browser, String user) {
        browser.open(url("/login.xhtml"));
        browser.type("login:username", user);
        browser.type("login:password", portal.demoPassword);
        browser.click("login:signIn");
        browser.wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
        if (browser.driver.getCurrentUrl().contains("/login-code.xhtml")) { // the administrator's second factor
            try {
                browser.type("secondFactor:code", portal.demoCode(user));
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            browser.click("secondFactor:verify");
            browser.wait.until(d -> !d.getCurrentUrl().contains("/login-code.xhtml"));
        }
    }

    /**
     * The administrator creates a land clerk's account; the path of its set-up page with the
     * one-time token (opening it makes a new key each time; only finishing the set-up uses it up).
     */
    private String createStaffAccount(Browser admin) {
        admin.open(url("/admin/account.xhtml"));
        admin.type("account:username", "axe.clerk");
        admin.type("account:displayName", "ཀུན་ལེགས་ Axe Clerk");
        admin.selectOne("account:role", "Clerk");
        admin.selectOne("account:register", "Land");
        admin.selectOne("account:office", "THIMPHU");
        admin.click("account:save");
        String link = admin.text("setupUrl");
        return link.substring(link.indexOf("/account/setup.xhtml"));
    }

    private String publishTender(Browser clerk) {
        clerk.open(url("/clerk/procurement/new.xhtml"));
        String entity = clerk.driver.findElements(By.cssSelector("select[id='tender:entity_input'] option")).stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(o -> o.getAttribute("textContent").trim())
                .findFirst().orElseThrow(() -> new AssertionError("no procuring agency to choose"));
        clerk.selectOne("tender:entity", entity);
        clerk.type("tender:title", "School furniture for Dochula, accessibility IT");
        String category = clerk.driver.findElements(By.cssSelector("select[id='tender:category_input'] option")).stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(o -> o.getAttribute("textContent").trim())
                .findFirst().orElseThrow();
        clerk.selectOne("tender:category", category);
        clerk.type("tender:estimatedValue", "750000");
        clerk.type("tender:items:0:description", "Desks");
        clerk.type("tender:items:0:quantity", "40");
        clerk.type("tender:items:0:unit", "piece");
        LocalDateTime due = LocalDateTime.now(BHUTAN).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        WebElement deadline = clerk.byId("tender:bidDeadline_input");
        deadline.clear();
        deadline.sendKeys(due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        clerk.driver.findElement(By.tagName("h1")).click(); // closes the date picker
        // The two registered holders are proposed, 2 of 2.
        assertEquals(2, clerk.driver.findElements(By.cssSelector("[id='tender:holders'] input[type='checkbox']:checked")).size(),
                clerk.pageText());
        clerk.click("tender:save");
        clerk.wait.until(d -> !d.getCurrentUrl().contains("/clerk/procurement/new.xhtml"));
        Matcher m = Pattern.compile("ocid=([^&]+)").matcher(clerk.driver.getCurrentUrl());
        assertTrue(m.find(), "the tender was not published: " + clerk.driver.getCurrentUrl() + " " + clerk.pageText());
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private String notarise(Browser clerk) throws Exception {
        byte[] bytes = new byte[4096];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        Path pdf = Files.createTempFile(PortalUnderTest.buildDir(), "a11y-affidavit-", ".pdf");
        try {
            Files.write(pdf, bytes);
            clerk.open(url("/clerk/notary/new.xhtml"));
            clerk.selectOne("notarisation:documentType", "Affidavit");
            clerk.type("notarisation:parties:0:name", "Pema Choden");
            clerk.byId("notarisation:file").sendKeys(pdf.toAbsolutePath().toString());
            clerk.wait.until(d -> d.findElement(By.id("browserHash")).getText().length() == 64);
            clerk.click("notarisation:save");
            clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/notarisation.xhtml"));
            Matcher m = Pattern.compile("id=([0-9-]+)").matcher(clerk.driver.getCurrentUrl());
            assertTrue(m.find(), clerk.driver.getCurrentUrl());
            return m.group(1);
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    private void awaitCommitted(String parcel) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String record = "";
        while (System.currentTimeMillis() < deadline) {
            record = http.send(HttpRequest.newBuilder(URI.create(url("/api/records/land-title:" + parcel))).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (record.contains("\"ledgerState\":\"COMMITTED\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not committed within two minutes: " + record);
    }
}
