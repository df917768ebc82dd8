package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.network.NetworkScript;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The bidder's public pages in a real headless Chromium against a portal on the real Fabric
 * network: a procurement clerk publishes a tender whose deadline is minutes away (the portal runs
 * with a one-minute minimum bidding period, a setting of the office, not a weakened rule); a bidder
 * seals a bid with a price and two documents on "Seal my bid", downloads the sealed-bid file and
 * lodges only the commitment; the bid's page follows it onto the ledger (read back from the
 * auditor's peer); after the deadline the bidder reveals it with the file and the documents, and
 * the bid's page shows the price, the documents and SHA-256(bidHash:salt) = commitment.
 *
 * <p>Every request the bidder's browser makes goes through a recording proxy in this test, so the
 * claim "before the deadline nothing but the commitment leaves the browser" is checked on the
 * wire: no request body before the reveal holds the price, the bidder, the salt, the bid hash or
 * any byte sequence of the documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealedBidPortalIT {

    private static final ZoneId BHUTAN = ZoneId.of("Asia/Thimphu");
    private static final String PRICE_TYPED = "4871236.5";
    private static final String PRICE_SHOWN = "Nu. 4,871,236.50";
    private static final String LICENCE = "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private static final String BIDDER = "ཀུན་ལེགས་ Builders " + LICENCE;
    /** Distinctive content of the bid documents: none of it may reach the portal before the reveal. */
    private static final String DOCUMENT_MARKER = "TECHNICAL-PROPOSAL-" + ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private static final Pattern TRANSACTION = Pattern.compile("[0-9a-f]{64}");

    private PortalUnderTest portal;
    private Browser clerk;
    private Browser bidder;
    private RecordingProxy proxy;
    private String bidderBase;
    private List<RecordingProxy.Sent> sent;
    private Path work;
    private Path downloads;

    private String ocid;
    private Instant deadline;
    private String bidKey;
    private String commitment;
    private Path sealedFile;
    private Path technical;
    private Path drawing;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        // The ledger outlives this portal's fresh database: an OCID prefix of this run's own keeps its
        // tender numbers from meeting an earlier run's on the ledger (ALREADY_EXISTS).
        String prefix = "ocds-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        portal = PortalUnderTest.startOwn("sealed-bid-portal-it", Integer.getInteger("druk.sealedBid.port", 18391),
                Map.of("DRUK_PROCUREMENT_MINBIDPERIOD", "PT1M", "DRUK_OCDS_PREFIX", prefix, "DRUK_DEMO_CONTENT", "false"));
        System.out.println("[sealed-bid-it] portal " + portal.baseUrl);
        proxy = new RecordingProxy(URI.create(portal.baseUrl));
        bidderBase = proxy.base();
        sent = proxy.sent();
        work = Files.createTempDirectory("druk-sealed-bid-portal-");
        downloads = Files.createDirectories(work.resolve("downloads"));
        clerk = new Browser();
        bidder = new Browser();
        bidder.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() throws IOException {
        for (AutoCloseable c : new AutoCloseable[] {bidder, clerk, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[sealed-bid-it] close failed: " + e);
            }
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
    void aProcurementClerkPublishesATenderWithADeadlineMinutesAway() {
        clerk.open(portal.baseUrl + "/clerk/procurement/new.xhtml");
        assertTrue(clerk.driver.getCurrentUrl().contains("/login.xhtml"), clerk.driver.getCurrentUrl());
        clerk.type("login:username", "procurement.clerk");
        clerk.type("login:password", portal.demoPassword);
        clerk.click("login:signIn");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/procurement/new.xhtml"));
        clerk.waitForAjax();

        String entity = clerk.driver.findElements(By.cssSelector("select[id='tender:entity_input'] option")).stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(o -> o.getAttribute("textContent").trim())
                .findFirst().orElseThrow(() -> new AssertionError("no procuring agency to choose"));
        clerk.selectOne("tender:entity", entity);
        clerk.type("tender:title", "Supply of cement for the Dochula school, sealed-bid IT " + LICENCE);
        clerk.selectOne("tender:category", firstOption("tender:category"));
        clerk.type("tender:estimatedValue", "5000000");
        clerk.type("tender:items:0:description", "Portland cement, 50 kg bags");
        clerk.type("tender:items:0:quantity", "2000");
        clerk.type("tender:items:0:unit", "bag");
        // Bhutan time, whole minutes: far enough that the one-minute minimum holds when the form is
        // saved and the bid can be sealed and committed before it, on a slow machine too.
        LocalDateTime due = LocalDateTime.now(BHUTAN).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        deadline = due.atZone(BHUTAN).toInstant();
        WebElement deadlineInput = clerk.byId("tender:bidDeadline_input");
        deadlineInput.clear();
        deadlineInput.sendKeys(due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        clerk.driver.findElement(By.tagName("h1")).click(); // close the date picker
        assertEquals("Portland cement, 50 kg bags", clerk.byId("tender:items:0:description").getAttribute("value"));
        String title = clerk.byId("tender:title").getAttribute("value");
        clerk.click("tender:save");
        try {
            clerk.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/clerk/procurement/new.xhtml"));
        } catch (org.openqa.selenium.TimeoutException e) {
            clerk.screenshot("sealed-01-tender-refused");
            throw new AssertionError("the new-tender page did not publish: " + clerk.pageText(), e);
        }
        Matcher m = Pattern.compile("ocid=([^&]+)").matcher(clerk.driver.getCurrentUrl());
        if (m.find()) {
            ocid = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        } else {
            // The clerk's page landed elsewhere: the public list of tenders names the new one.
            System.out.println("[sealed-bid-it] after publishing the clerk is at " + clerk.driver.getCurrentUrl());
            bidder.open(portal.baseUrl + "/tenders/index.xhtml");
            String source = bidder.driver.getPageSource();
            int at = source.indexOf(title);
            assertTrue(at >= 0, "the published tender is not in the public list");
            Matcher listed = Pattern.compile("ocds-[a-z0-9]{6}-[0-9]{4}-[0-9]{4}").matcher(source.substring(at));
            assertTrue(listed.find(), "no OCID next to the tender in the public list");
            ocid = listed.group();
        }
        System.out.println("[sealed-bid-it] tender " + ocid + ", deadline " + deadline);
        clerk.screenshot("sealed-01-tender-published");
    }

    @Test
    @Order(2)
    void theSealPageShowsTheTenderAndExplainsWhatStaysInTheBrowser() throws InterruptedException {
        // Bids can be lodged once the ledger has the tender: until then the page says so instead of the form.
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        do {
            bidder.open(bidderBase + "/tenders/seal.xhtml?ocid=" + ocid);
            if (!bidder.driver.findElements(By.id("seal")).isEmpty()) {
                break;
            }
            assertFalse(bidder.driver.findElements(By.id("awaiting")).isEmpty(), "neither the form nor 'waiting for the ledger': "
                    + bidder.pageText());
            Thread.sleep(3000);
        } while (System.nanoTime() < until);
        assertFalse(bidder.driver.findElements(By.id("seal")).isEmpty(), "the tender never reached the ledger: " + bidder.pageText());
        String page = bidder.pageText();
        assertTrue(page.contains(ocid), page);
        assertTrue(page.contains("BTT") || page.contains("Bhutan"), "deadline in Bhutan time: " + page);
        assertTrue(page.contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC).format(deadline)),
                "deadline in UTC: " + page);
        assertTrue(page.contains("stay in this browser"), page);
        assertTrue(page.contains("Only the commitment is lodged"), page);
        for (String id : List.of("licence", "bidderName", "amount", "documents")) {
            assertEquals(null, bidder.byId(id).getDomAttribute("name"), id + " must have no name: it is never submitted");
        }
        assertFalse(bidder.byId("lodge:lodgeButton").isEnabled(), "nothing to lodge before sealing");

        // Wrong input: messages next to the fields, nothing sealed, nothing sent.
        int before = sent.size();
        bidder.type("licence", "10 02");
        bidder.type("amount", "4,871,236");
        bidder.click("sealButton");
        bidder.wait.until(d -> "error".equals(d.findElement(By.id("seal")).getAttribute("data-druk-seal-state")));
        assertTrue(bidder.text("licenceMessage").contains("licence number"), bidder.text("licenceMessage"));
        assertTrue(bidder.text("amountMessage").contains("digits"), bidder.text("amountMessage"));
        assertTrue(bidder.text("nameMessage").contains("name"), bidder.text("nameMessage"));
        assertEquals(before, sent.size(), "a refused seal sent a request: " + sent.subList(before, sent.size()));
        bidder.screenshot("sealed-02-seal-validation");
    }

    @Test
    @Order(3)
    void theBidIsSealedInTheBrowserAndOnlyTheCommitmentIsLodged() throws Exception {
        technical = Files.writeString(work.resolve("technical-proposal.pdf"), "%PDF-1.4\n% " + DOCUMENT_MARKER
                + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xde, 0, 0, 0, 0, 'I', 'E', 'N', 'D',
                (byte) 0xae, 0x42, 0x60, (byte) 0x82};
        drawing = Files.write(work.resolve("site-drawing.png"), png);

        bidder.type("licence", LICENCE);
        bidder.type("bidderName", BIDDER);
        bidder.type("amount", PRICE_TYPED);
        bidder.byId("documents").sendKeys(technical + "\n" + drawing);
        // A Dzongkha name makes the page fetch its Tibetan web font, a GET of the portal's own static file that
        // carries nothing of the bid; let it finish before counting, so that the count is about sealing alone.
        ((JavascriptExecutor) bidder.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; document.fonts.load('16px \"DDC Uchen\"', '\u0F40').then(() => done(true), () => done(false));");
        int before = sent.size();
        bidder.click("sealButton");
        bidder.wait.until(d -> "sealed".equals(d.findElement(By.id("seal")).getAttribute("data-druk-seal-state")));
        commitment = bidder.text("commitment");
        assertTrue(TRANSACTION.matcher(commitment).matches(), commitment);
        assertEquals(before, sent.size(), "sealing sent a request: " + sent.subList(before, sent.size()));
        assertFalse(bidder.byId("lodge:lodgeButton").isEnabled(), "lodging waits for the sealed-bid file");

        WebElement download = bidder.byId("download");
        String fileName = download.getAttribute("download");
        download.click();
        sealedFile = downloads.resolve(fileName);
        bidder.waitUpTo(Duration.ofSeconds(20)).until(d -> Files.isRegularFile(sealedFile) && sealedFile.toFile().length() > 0);
        SealedBid sealed = SealedBid.parse(Files.readString(sealedFile, StandardCharsets.UTF_8)).requireLodged("tender:" + ocid, commitment);
        assertEquals(2, sealed.bid().documents().size());
        assertEquals(before, sent.size(), "downloading the sealed-bid file sent a request");
        bidder.screenshot("sealed-03-sealed");

        bidder.wait.until(d -> d.findElement(By.id("lodge:lodgeButton")).isEnabled());
        bidder.click("lodge:lodgeButton");
        bidder.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/tenders/bid.xhtml"));
        Matcher m = Pattern.compile("key=([^&]+)").matcher(bidder.driver.getCurrentUrl());
        assertTrue(m.find());
        bidKey = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        assertTrue(bidKey.startsWith("bid:" + ocid + ":"), bidKey);

        // On the wire: the lodge post carried the tender key and the commitment, plus Faces' own fields.
        List<RecordingProxy.Sent> posts = sent.subList(before, sent.size()).stream().filter(s -> s.method().equals("POST")).toList();
        assertEquals(1, posts.size(), "one post: the lodge; " + posts);
        Map<String, String> fields = form(posts.get(0).bodyText());
        assertEquals("tender:" + ocid, fields.get("lodge:tenderKey"));
        assertEquals(commitment, fields.get("lodge:commitment"));
        // Faces' own: the form's marker, the button, the view state and the ajax request's parameters
        // (Mojarra sends each under its jakarta.faces and its older javax.faces name), and the page's
        // script nonce that PrimeFaces' CSP mode sends back with every post.
        Set<String> faces = Set.of("lodge", "lodge:lodgeButton", "primefaces.nonce");
        for (String name : fields.keySet()) {
            assertTrue(name.equals("lodge:tenderKey") || name.equals("lodge:commitment") || faces.contains(name)
                            || name.startsWith("jakarta.faces.") || name.startsWith("javax.faces."),
                    "the lodge post carried a field of its own: " + name + " in " + fields.keySet());
        }
        assertNothingSecretSent(sealed);
        bidder.screenshot("sealed-04-lodged");
    }

    @Test
    @Order(4)
    void theBidPageFollowsTheCommitmentOntoTheLedgerAndTheAuditorsPeerHasIt() {
        bidder.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("bidHeading")) != null
                && d.findElement(By.id("lodgingLedger")).getText().contains("Committed"));
        String page = bidder.pageText();
        assertTrue(page.contains(commitment), page);
        assertTrue(page.contains("Online"), page);
        assertTrue(bidder.text("bannerHeadline").contains("committed"), bidder.text("bannerHeadline"));
        String receipt = bidder.text("lodgingLedger");
        assertTrue(TRANSACTION.matcher(receipt).find(), "tx id on the receipt: " + receipt);
        assertTrue(receipt.contains("Royal Audit Authority") && receipt.contains("Procurement"), "endorsers: " + receipt);
        assertFalse(page.contains(PRICE_SHOWN) || page.contains("4871236"), "no price before the reveal");
        bidder.screenshot("sealed-05-bid-committed");

        String onLedger = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", bidKey).output();
        assertTrue(onLedger.contains(commitment), "the auditor's peer holds the commitment: " + onLedger);
        assertFalse(onLedger.contains("4871236"), onLedger);

        // Before the deadline the reveal page says when reveals open.
        if (Instant.now().isBefore(deadline.minusSeconds(5))) {
            bidder.open(bidderBase + "/tenders/reveal.xhtml?key=" + bidKey);
            assertTrue(bidder.byId("tooEarly").getText().contains("Reveals open after the bid deadline"), bidder.pageText());
            assertTrue(bidder.driver.findElements(By.id("reveal")).isEmpty(), "no reveal form before the deadline");
        }
    }

    @Test
    @Order(5)
    void afterTheDeadlineTheBidderRevealsWithTheFileAndTheDocuments() throws Exception {
        long wait = Duration.between(Instant.now(), deadline).toMillis() + 3000;
        if (wait > 0) {
            System.out.println("[sealed-bid-it] waiting " + wait / 1000 + " s for the bid deadline");
            Thread.sleep(wait);
        }
        SealedBid sealed = SealedBid.parse(Files.readString(sealedFile, StandardCharsets.UTF_8));
        assertNothingSecretSent(sealed);
        bidder.open(bidderBase + "/tenders/bid.xhtml?key=" + bidKey);
        bidder.click("bidPage:revealLink");
        bidder.wait.until(d -> d.getCurrentUrl().contains("/tenders/reveal.xhtml"));
        bidder.byId("reveal:documents").sendKeys(technical + "\n" + drawing);
        bidder.byId("reveal:sealedFile").sendKeys(sealedFile.toString());
        bidder.wait.until(d -> "ok".equals(d.findElement(By.id("check")).getAttribute("data-druk-seal-check-result")));
        bidder.screenshot("sealed-06-reveal-checked");
        bidder.driver.findElement(By.id("reveal:revealButton")).click();
        bidder.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/tenders/bid.xhtml")
                && d.getCurrentUrl().contains("revealed=true"));
        bidder.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("revealLedger")).getText().contains("Committed"));

        assertEquals(PRICE_SHOWN, bidder.text("bidPrice"));
        assertEquals(BIDDER, bidder.text("bidderName"));
        assertEquals(LICENCE, bidder.text("bidderLicence"));
        assertEquals(sealed.bidHash(), bidder.text("bidHash"));
        assertEquals("MATCH", bidder.byId("commitmentCheck").getAttribute("data-check"));
        assertEquals(NetworkScript.sha256(sealed.bidHash() + ":" + sealed.salt()), commitment);
        String documents = bidder.text("documentsTable");
        assertTrue(documents.contains("technical-proposal.pdf") && documents.contains("site-drawing.png"), documents);
        assertTrue(documents.contains(sha256(Files.readAllBytes(technical))), documents);
        bidder.screenshot("sealed-07-revealed");

        // The document links serve the revealed files.
        String href = bidder.driver.findElements(By.cssSelector("#documentsTable a.document-link")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h.endsWith(sha256(readUnchecked(technical)))).findFirst().orElseThrow();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue(new String(file.body(), StandardCharsets.ISO_8859_1).contains(DOCUMENT_MARKER));

        String onLedger = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", bidKey).output();
        assertTrue(onLedger.contains(sealed.bidHash()), "the auditor's peer holds the revealed bid's hash: " + onLedger);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Nothing the browser sent so far holds the price, the bidder, the salt, the bid hash or document bytes. */
    private void assertNothingSecretSent(SealedBid sealed) throws IOException {
        List<String> secrets = List.of("4871236", LICENCE, "Builders", sealed.salt(), sealed.bidHash(), DOCUMENT_MARKER,
                "IHDR", "technical-proposal", "site-drawing");
        for (RecordingProxy.Sent s : sent) {
            String decoded = java.net.URLDecoder.decode(s.bodyText().replace("+", "%2B"), StandardCharsets.ISO_8859_1);
            String utf8 = new String(s.body(), StandardCharsets.UTF_8) + " " + s.target();
            for (String secret : secrets) {
                assertFalse(s.bodyText().contains(secret) || decoded.contains(secret) || utf8.contains(secret),
                        s.method() + " " + s.target() + " carried " + secret);
            }
            assertFalse(utf8.contains("ཀུན་ལེགས་"), s.target() + " carried the bidder's name");
        }
        // Everything the page loaded came from the portal (through the proxy): no other origin was asked.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) bidder.driver)
                .executeScript("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        for (String r : resources) {
            assertTrue(r.startsWith(bidderBase.substring(0, bidderBase.indexOf("/druk-registry"))) || r.startsWith("data:"),
                    "a request left for another origin: " + r);
        }
    }

    private String firstOption(String menuId) {
        return clerk.driver.findElements(By.cssSelector("select[id='" + menuId + "_input'] option")).stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(o -> o.getAttribute("textContent").trim())
                .findFirst().orElseThrow();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            fields.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static byte[] readUnchecked(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return SealedBidBrowserIT.sha256(bytes);
    }
}
