package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.network.NetworkScript;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Sealed opening as its users walk it, in real headless Chromium against a portal on the real Fabric
 * network (issue 25): three officials of three organisations make opening keys in their own
 * browsers; the procurement clerk publishes a sealed tender naming them, 2 of 3; a supplier signs in
 * and seals a bid in its browser, and the recording proxy in front of it sees only ciphertext leave;
 * just before the deadline a copy of every file the portal wrote holds the price nowhere; after the
 * deadline two holders post their shares from their own browsers (the third never does); the clerk
 * opens every bid at once, and the public pages, the plain-text opening lines and the auditor's
 * peer all show the price.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealedOpeningBrowserIT {

    private static final ZoneId BHUTAN = ZoneId.of("Asia/Thimphu");
    // Eight digits before the point that no other number here shares, so that a file holding them
    // holds the price; typed without its last zero to see the browser write the chaincode's form.
    private static final String PRICE_TYPED = "43817296.5";
    private static final String PRICE = "43817296.50";
    private static final String PRICE_SHOWN = "43,817,296.50";
    /** How long before the deadline the portal's files are copied (the deadline leaves room for it). */
    private static final Duration SNAPSHOT_AHEAD = Duration.ofSeconds(20);
    private static final String DOCUMENT_MARKER = "SEALED-PROPOSAL-" + ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    private PortalUnderTest portal;
    private RecordingProxy proxy;
    private final List<Browser> browsers = new ArrayList<>();
    private Browser clerk;
    private Browser inspector;
    private Browser notary;
    private Browser supplier;
    private Path work;
    private String ocid;
    private String title;
    private String bidKey;
    private Instant deadline;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        String prefix = "ocds-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        portal = PortalUnderTest.startOwn("sealed-opening-browser-it", Integer.getInteger("druk.sealedOpening.port", 18393),
                Map.of("DRUK_PROCUREMENT_MINBIDPERIOD", "PT1M", "DRUK_OCDS_PREFIX", prefix, "DRUK_DEMO_CONTENT", "false"));
        proxy = new RecordingProxy(URI.create(portal.baseUrl));
        work = Files.createTempDirectory("druk-sealed-opening-");
        clerk = staff("procurement.clerk");
        inspector = staff("inspector");
        notary = staff("notary.clerk");
        supplier = new Browser();
        browsers.add(supplier);
    }

    /** A browser signed in as this staff member, downloading key files into a folder of its own. */
    private Browser staff(String username) throws IOException {
        Browser b = new Browser();
        browsers.add(b);
        Path downloads = Files.createDirectories(work.resolve(username));
        b.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        b.open(portal.baseUrl + "/clerk/opening-key.xhtml");
        b.type("login:username", username);
        b.type("login:password", portal.demoPassword);
        b.click("login:signIn");
        b.wait.until(d -> d.getCurrentUrl().contains("/clerk/opening-key.xhtml"));
        return b;
    }

    @AfterAll
    void stop() throws IOException {
        for (Browser b : browsers) {
            try {
                b.close();
            } catch (RuntimeException e) {
                System.err.println("[sealed-opening-it] browser close failed: " + e);
            }
        }
        if (portal != null) {
            portal.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void threeOfficialsMakeOpeningKeysInTheirOwnBrowsers() {
        for (Browser b : List.of(clerk, inspector, notary)) {
            b.click("makeKey");
            b.wait.until(d -> d.findElement(By.id("newKey")).isDisplayed());
            String hash = b.text("newHash");
            assertTrue(hash.matches("[0-9a-f]{64}"), hash);
            b.click("downloadKeyFile");
            b.wait.until(d -> d.findElement(By.id("keyForm:registerKey")).isEnabled());
            b.click("keyForm:registerKey");
            b.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("registeredHash")).isEmpty()
                    && d.findElement(By.id("registeredHash")).getText().contains(hash.substring(0, 12)));
            b.waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("heldHere")).getAttribute("data-held")));
        }
        clerk.screenshot("opening-01-key-registered");
    }

    @Test
    @Order(2)
    void theClerkPublishesASealedTenderNamingThem() {
        clerk.open(portal.baseUrl + "/clerk/procurement/new.xhtml");
        clerk.waitForAjax();
        String entity = clerk.driver.findElements(By.cssSelector("select[id='tender:entity_input'] option")).stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(o -> o.getAttribute("textContent").trim())
                .findFirst().orElseThrow(() -> new AssertionError("no procuring agency to choose"));
        clerk.selectOne("tender:entity", entity);
        title = "Supply of steel for the Wangdue bridge, sealed opening IT " + DOCUMENT_MARKER.substring(16);
        clerk.type("tender:title", title);
        String category = clerk.driver.findElements(By.cssSelector("select[id='tender:category_input'] option")).stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(o -> o.getAttribute("textContent").trim()).findFirst().orElseThrow();
        clerk.selectOne("tender:category", category);
        clerk.type("tender:estimatedValue", "45000000");
        clerk.type("tender:items:0:description", "Structural steel");
        clerk.type("tender:items:0:quantity", "40");
        clerk.type("tender:items:0:unit", "t");
        // 1.5 to 2.5 minutes away (the form takes whole minutes): the minimum bid period of PT1M, time to
        // lodge the bid (under 35 s in CI) before the copy of the portal's files SNAPSHOT_AHEAD of the deadline.
        LocalDateTime due = LocalDateTime.now(BHUTAN).plusSeconds(150).truncatedTo(ChronoUnit.MINUTES);
        deadline = due.atZone(BHUTAN).toInstant();
        WebElement deadlineInput = clerk.byId("tender:bidDeadline_input");
        deadlineInput.clear();
        deadlineInput.sendKeys(due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        clerk.driver.findElement(By.tagName("h1")).click();
        // Every new tender is sealed; the form proposes three holders, one of each organisation, 2 of 3.
        List<WebElement> holders = clerk.driver.findElements(By.cssSelector("[id='tender:holders'] input[type='checkbox']"));
        assertEquals(3, holders.size(), "three registered keys to choose from: " + clerk.pageText());
        assertTrue(holders.stream().allMatch(WebElement::isSelected), "all three proposed: " + clerk.pageText());
        assertEquals("2", clerk.byId("tender:threshold_input").getAttribute("value"));
        clerk.click("tender:save");
        try {
            clerk.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/clerk/procurement/tender.xhtml"));
        } catch (org.openqa.selenium.TimeoutException e) {
            clerk.screenshot("opening-02-tender-refused");
            throw new AssertionError("the sealed tender was not published: " + clerk.pageText(), e);
        }
        Matcher m = Pattern.compile("ocid=([^&]+)").matcher(clerk.driver.getCurrentUrl());
        assertTrue(m.find(), clerk.driver.getCurrentUrl());
        ocid = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        System.out.println("[sealed-opening-it] tender " + ocid + ", deadline " + deadline);
    }

    @Test
    @Order(3)
    void aSupplierSealsItsBidInTheBrowserAndOnlyCiphertextLeavesIt() throws Exception {
        String base = proxy.base();
        supplier.open(base + "/supplier/bid.xhtml?ocid=" + ocid);
        supplier.type("login:username", "supplier.druk");
        supplier.type("login:password", portal.demoPassword);
        supplier.click("login:signIn");
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (supplier.driver.findElements(By.id("sealedBid")).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(2000);
            supplier.open(base + "/supplier/bid.xhtml?ocid=" + ocid);
        }
        assertFalse(supplier.driver.findElements(By.id("sealedBid")).isEmpty(), "no sealing form: " + supplier.pageText());
        Path document = Files.writeString(work.resolve("technical-proposal.pdf"), "%PDF-1.4\n% " + DOCUMENT_MARKER + "\n%%EOF\n");
        int before = proxy.sent().size();
        supplier.type("bidPrice", PRICE_TYPED);
        supplier.byId("bidDocuments").sendKeys(document.toString());
        supplier.click("sealAndLodge");
        supplier.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("lodged=true"));
        supplier.screenshot("opening-03-lodged");
        assertTrue(supplier.pageText().contains("lodged, sealed"), supplier.pageText());

        List<RecordingProxy.Sent> posts = proxy.sent().subList(before, proxy.sent().size()).stream()
                .filter(s -> s.method().equals("POST")).toList();
        assertEquals(1, posts.size(), "one post, the envelope: " + posts);
        String body = new String(posts.get(0).body(), StandardCharsets.UTF_8);
        assertTrue(posts.get(0).target().contains("/supplier/lodge"), posts.get(0).target());
        SealedEnvelope envelope = SealedEnvelope.parse(body);
        assertEquals(ocid, envelope.ocid());
        assertEquals(2, envelope.k());
        for (RecordingProxy.Sent sent : proxy.sent()) {
            String text = new String(sent.body(), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(PRICE) || text.contains(PRICE_TYPED) || text.contains(DOCUMENT_MARKER)
                    || text.contains("CDB-2026-0101"), "a request carried the bid in the clear: " + sent.method() + " " + sent.target());
        }
    }

    /**
     * The bid's public receipt follows its lodging onto the ledger, endorsed by the agency and the
     * Audit Authority, and shows nothing of the bid; the auditor's peer holds the envelope's hash; and
     * every resource the supplier's page loaded came from the portal (moved here from the retired
     * commit-reveal walk, SealedBidPortalIT).
     */
    @Test
    @Order(4)
    void theBidsPublicReceiptFollowsItsLodgingOntoTheLedgerAndShowsNothingOfTheBid() {
        String proxied = proxy.base();
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((org.openqa.selenium.JavascriptExecutor) supplier.driver)
                .executeScript("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        for (String r : resources) {
            assertTrue(r.startsWith(proxied.substring(0, proxied.indexOf("/druk-registry"))) || r.startsWith("data:"),
                    "a request left for another origin: " + r);
        }
        String href = supplier.driver.findElements(By.cssSelector("#myBids a")).stream().map(a -> a.getAttribute("href"))
                .filter(h -> h.contains("/tenders/bid.xhtml")).findFirst().orElseThrow(() -> new AssertionError("no link to the bid: "
                        + supplier.pageText()));
        bidKey = java.net.URLDecoder.decode(href.substring(href.indexOf("key=") + 4).replaceFirst("&.*", ""), StandardCharsets.UTF_8);
        supplier.open(href);
        supplier.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("lodgingLedger")).getText().contains("Committed"));
        String page = supplier.pageText();
        String receipt = supplier.text("lodgingLedger");
        assertTrue(Pattern.compile("[0-9a-f]{64}").matcher(receipt).find(), "tx id on the receipt: " + receipt);
        assertTrue(receipt.contains("Royal Audit Authority") && receipt.contains("Procurement"), "endorsers: " + receipt);
        String envelopeHash = supplier.text("envelopeHash").replaceAll("[^0-9a-f]", "");
        assertFalse(page.contains(PRICE) || page.contains("43,817,296") || page.contains("Druk Builders"), "nothing of the bid: " + page);

        String onLedger = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", bidKey).output();
        assertTrue(onLedger.contains("\"status\":\"lodged\""), "the auditor's peer has the bid lodged: " + onLedger);
        assertTrue(envelopeHash.length() >= 64 && onLedger.contains(envelopeHash.substring(0, 64)), envelopeHash + " in " + onLedger);
        assertFalse(onLedger.contains(PRICE), onLedger);
        supplier.screenshot("opening-03b-bid-receipt");
    }

    /**
     * Issue 25: "the H2 file, the file store and the logs taken just before the deadline contain none
     * of the prices (searched as text)". {@link #SNAPSHOT_AHEAD} of the deadline every file the portal
     * wrote ({@link PortalUnderTest#placesItWrites()}: its data directory with the H2 database, the
     * envelope and file stores, its logs, the server root but for Payara's jars and the WAR) is copied
     * as it stands, as an insider with the disk would copy it, and searched as UTF-8 text for every
     * form of the price ({@link #priceForms}) and for the bid document's marker. The portal's H2 URL
     * has WRITE_DELAY=0 ({@code DrukDataSource.durableH2}): a commit is in the file when it returns, so
     * the copy holds everything committed by then. The same search must find, in the same copy, what
     * is there in the clear (the tender's title in the H2 file, the OCID in the stored envelope, the
     * boot line in the log), so the step cannot pass by reading nothing.
     * <p>
     * Not covered: files the portal wrote elsewhere ({@code /tmp}, the JVM's memory, swap);
     * compressed content (nothing is decompressed: jars, gzip); other encodings (UTF-16, base64,
     * hex); numbers H2 keeps in binary (a price in a DECIMAL column before the deadline would not be
     * found: only text columns, where the records' JSON lives, are searched as text).
     */
    @Test
    @Order(5)
    void justBeforeTheDeadlineNoFileThePortalWroteHoldsThePrice() throws Exception {
        long wait = Duration.between(Instant.now(), deadline.minus(SNAPSHOT_AHEAD)).toMillis();
        if (wait > 0) {
            System.out.println("[sealed-opening-it] waiting " + wait / 1000 + " s to copy the portal's files before the deadline");
            Thread.sleep(wait);
        }
        DiskSnapshot disk = DiskSnapshot.take(work.resolve("disk-before-deadline"), portal.placesItWrites());
        Instant copied = Instant.now();
        assertTrue(copied.isBefore(deadline), "the copy was finished at " + copied + ", after the deadline " + deadline
                + ": the step proves nothing (lodging took too long?)");

        Path h2 = portal.dataDir().toAbsolutePath().normalize().resolve("druk.mv.db");
        Path log = portal.log().toAbsolutePath().normalize();
        List<DiskSnapshot.Hit> known = disk.find(List.of(title, ocid, ") ready in "));
        assertTrue(known.stream().anyMatch(h -> h.text().equals(title) && h.original().equals(h2)),
                "the search did not find the tender's title in the H2 file " + h2 + " (DRUK_DB_URL "
                        + portal.setting("DRUK_DB_URL").orElse("unset") + "): " + known + ", copied " + disk.originals());
        assertTrue(known.stream().anyMatch(h -> h.text().equals(ocid) && h.original().startsWith(portal.envelopeDir())),
                "the search did not find the OCID in a stored envelope under " + portal.envelopeDir() + ": " + known);
        assertTrue(known.stream().anyMatch(h -> h.text().startsWith(") ready") && h.original().equals(log)),
                "the search did not find the boot line in " + log + ": " + known);

        List<String> secrets = new ArrayList<>(priceForms(PRICE));
        secrets.add(DOCUMENT_MARKER);
        List<DiskSnapshot.Hit> leaks = disk.find(secrets);
        assertEquals(List.of(), leaks, "before the deadline, a file the portal wrote holds the sealed bid in the clear");
        System.out.printf("[sealed-opening-it] %d files the portal wrote (%,d bytes), copied %d s before the deadline: none holds"
                + " any of %s or the document's marker%n", disk.originals().size(), disk.bytes(),
                Duration.between(copied, deadline).toSeconds(), priceForms(PRICE));
    }

    /**
     * Every form the price could take in a file: as the bid's JSON has it, as typed, rounded to one
     * decimal, grouped as the pages show it (also in lakhs, and in Tibetan digits as the Dzongkha
     * pages do), in chhertum, as a Java double prints it, and its whole part alone.
     */
    static List<String> priceForms(String price) {
        BigDecimal amount = new BigDecimal(price);
        String whole = amount.toBigInteger().toString();
        String cents = price.substring(price.indexOf('.'));
        String grouped = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
        StringBuilder lakhs = new StringBuilder(whole.substring(whole.length() - 3));
        for (int end = whole.length() - 3; end > 0; end -= 2) {
            lakhs.insert(0, whole.substring(Math.max(0, end - 2), end) + ",");
        }
        StringBuilder tibetan = new StringBuilder();
        grouped.chars().forEach(c -> tibetan.appendCodePoint(c >= '0' && c <= '9' ? 0x0F20 + c - '0' : c));
        return Stream.of(price, amount.stripTrailingZeros().toPlainString(), amount.setScale(1, RoundingMode.HALF_UP).toPlainString(),
                "\"price\":\"" + price + "\"", "\"price\":" + amount.stripTrailingZeros().toPlainString(), grouped,
                lakhs + cents, tibetan.toString(), amount.movePointRight(2).toBigInteger().toString(),
                Double.toString(amount.doubleValue()), whole).distinct().toList();
    }

    @Test
    @Order(6)
    void afterTheDeadlineTwoHoldersPostTheirSharesAndTheClerkOpensEveryBid() throws Exception {
        long wait = Duration.between(Instant.now(), deadline).toMillis() + 3000;
        if (wait > 0) {
            System.out.println("[sealed-opening-it] waiting " + wait / 1000 + " s for the bid deadline");
            Thread.sleep(wait);
        }
        for (Browser holder : List.of(inspector, notary)) {
            holder.open(portal.baseUrl + "/clerk/procurement/shares.xhtml?ocid=" + ocid);
            holder.click("decryptShares");
            holder.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("sharesForm:postShares")).isEnabled());
            holder.click("sharesForm:postShares");
            try {
                holder.waitUpTo(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("postedTx")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                holder.screenshot("opening-04-shares-not-posted");
                String status = holder.driver.findElements(By.id("errorPage")).stream().map(x -> x.getAttribute("data-status") + " " + x.getAttribute("data-debug"))
                        .findFirst().orElse("-");
                throw new AssertionError("the shares were not posted (error page status " + status + ", at "
                        + holder.driver.getCurrentUrl() + "): " + holder.pageText(), e);
            }
            assertTrue(holder.text("postedTx").matches("[0-9a-f]{64}"), holder.pageText());
        }
        notary.screenshot("opening-04-shares-posted");

        clerk.open(portal.baseUrl + "/clerk/procurement/tender.xhtml?ocid=" + ocid);
        clerk.click("actions:openSealed");
        clerk.waitForAjax();
        clerk.screenshot("opening-05-opened");

        HttpClient http = PortalHttp.builder().build();
        String lines = "";
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/tenders/opening-lines?ocid=" + ocid))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                lines = answer.body();
                break;
            }
            Thread.sleep(2000);
        }
        Matcher bid = Pattern.compile("(bid:" + Pattern.quote(ocid) + ":[0-9]+) valid " + Pattern.quote(PRICE) + " BTN").matcher(lines);
        assertTrue(bid.find(), "the opening lines: " + lines);
        assertEquals(bidKey, bid.group(1));

        supplier.open(portal.baseUrl + "/tenders/tender.xhtml?ocid=" + ocid);
        String page = supplier.pageText();
        assertTrue(page.contains("Druk Builders"), page);
        assertTrue(page.contains(PRICE_SHOWN), page);
        // The opened bid's document is public now, under the hash the bid listed.
        String proposalSha = bt.druk.registry.domain.procurement.sealed.Bytes.sha256Hex(
                Files.readAllBytes(work.resolve("technical-proposal.pdf")));
        HttpResponse<String> proposal = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/files/" + proposalSha)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, proposal.statusCode(), "the opened bid's document " + proposalSha);
        assertTrue(proposal.body().contains(DOCUMENT_MARKER), proposal.body());
        // The portal shows the opening as soon as it is saved; the ledger has it once OpenBid commits (an
        // OpenBid that met the tender's OpenBids in one block is retried after an MVCC conflict).
        String onLedger = "";
        long ledgerUntil = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < ledgerUntil) {
            onLedger = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", bidKey).output();
            if (onLedger.contains("\"status\":\"opened\"")) {
                break;
            }
            Thread.sleep(2000);
        }
        assertTrue(onLedger.contains("\"status\":\"opened\"") && onLedger.contains(PRICE), "the auditor's peer: " + onLedger);
    }
}
