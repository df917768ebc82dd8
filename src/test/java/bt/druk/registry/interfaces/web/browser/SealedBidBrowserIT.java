package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.Bid;
import bt.druk.registry.domain.procurement.BidDocument;
import bt.druk.registry.domain.procurement.BidPrice;
import bt.druk.registry.domain.procurement.Bidder;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The sealed-bid cryptography in a real headless Chromium agrees byte for byte with the Java
 * domain: the same bids give the same bidHash and commitment, a file sealed in the browser reads
 * in Java, and a tampered file is refused by both with the same code. Sealing the page's form
 * sends nothing; lodging sends the commitment and the tender key and nothing else.
 *
 * <p>No portal and no ledger: a {@link StaticSite} on 127.0.0.1 (a secure context, so Web Crypto
 * works over plain http) serves a static test page and the JavaScript straight from
 * {@code webapp/resources/druk/js/}, and records every request it receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedBidBrowserIT {

    private static final String TENDER = "tender:ocds-b5fd17-2026-0042";
    private static final String DZONGKHA_NAME = "ཀུན་ལེགས་ Construction Pvt. Ltd.";

    private StaticSite site;
    private String baseUrl;
    private List<String> requests;
    private final List<String> lodgedBodies = new CopyOnWriteArrayList<>();
    private Browser browser;
    private Path work;
    private Path downloads;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        site = StaticSite.start((method, path, body) -> {
            if (path.equals("/lodge") && method.equals("POST")) {
                lodgedBodies.add(new String(body, StandardCharsets.UTF_8));
                return StaticSite.Response.ok("text/html", "<!DOCTYPE html><link rel=icon href=\"data:,\"><title>Lodged</title><p id=lodged>Lodged</p>");
            }
            if (path.equals("/seal-test.html")) {
                return StaticSite.Response.testResource("/seal-bid/seal-test.html", "text/html; charset=utf-8");
            }
            if (path.equals("/seal-test-dz.html")) {
                // The test page with the hidden texts block d:sealTexts renders on a Dzongkha page.
                String page = new String(StaticSite.Response.testResource("/seal-bid/seal-test.html", "text/html").body(), StandardCharsets.UTF_8);
                return StaticSite.Response.ok("text/html; charset=utf-8", page.replace("</body>", sealTexts(DZONGKHA) + "</body>"));
            }
            if (path.equals("/js/canonical-json.js") || path.equals("/js/seal-bid.js")) {
                return StaticSite.Response.projectFile("webapp/resources/druk" + path, "text/javascript; charset=utf-8");
            }
            return null;
        });
        requests = site.requests();
        baseUrl = site.baseUrl;
        work = Files.createTempDirectory("druk-seal-it-");
        downloads = Files.createDirectories(work.resolve("downloads"));
        browser = new Browser();
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void theBrowserAndJavaSealEveryBidToTheSameHashes() {
        openPage();
        assertEquals(SealedBid.FORMAT, js("return DrukSeal.FORMAT;"));
        assertEquals(SealedBid.NOTE, js("return DrukSeal.NOTE;"));
        String salt = "q0Zs4b3kF9wX2mYtR7uVn1pLcD8eGhJa5oKiB6zT_-U";
        for (Bid bid : sampleBids()) {
            SealedBid java = SealedBid.seal(bid, salt);
            JsonObject browserSealed = sealInBrowser(bid.toJson().toString(), salt);
            assertEquals(java.bidHash(), browserSealed.getString("bidHash"), bid.bidder().name());
            assertEquals(java.commitment(), browserSealed.getString("commitment"), bid.bidder().name());
            // The browser's own file reads in Java as the same bid.
            assertEquals(bid, SealedBid.parse(browserSealed.toString()).bid());
        }
        // The outside vector of SealedBidTest (python3 / sha256sum), reached by the browser alone.
        assertEquals("e452a9217d692da53c3b48f8d4ae21a8ff1af9616c0b2bc5a4edfc597d8fdbe5",
                sealInBrowser(sampleBids().get(0).toJson().toString(), salt).getString("commitment"));
        // The chaincode README's vector.
        assertEquals("03bcaada13ea951ceff119996c5cc946ef3490aeca9404afe9cdc47948445af5", async(
                "DrukSeal.commitmentOf('28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1', 'pepper-42')"
                        + ".then(done);"));
    }

    @Test
    void theBrowserBuildsTheBidJavaWouldBuildFromTheSameInput() {
        openPage();
        // Typed price "1250000.5", documents picked in the "wrong" order, name with spaces around it.
        String built = async("const d = [{name:'technical.pdf', mediaType:'application/pdf', size:22,"
                + " sha256:'ed2658f9e6682203aa592669809c8e2b42bf9b54bf87bb74572f0c0be2ee5efd'},"
                + " {name:'boq.csv', mediaType:'text/csv', size:19, sha256:'371a9ac30fc224a70307cc112a40364d75a5d03af79135ac3376f4c96e5977dd'}];"
                + " done(JSON.stringify(DrukSeal.buildBid({tenderKey:'" + TENDER + "', licenceNumber:' 1002345 ',"
                + " name:'  " + DZONGKHA_NAME + " ', amount:'1250000.5', documents:d, sealedAt:'2026-03-10T04:15:00Z'})));");
        Bid java = Bid.of(TENDER, new Bidder("1002345", DZONGKHA_NAME), BidPrice.parse("1250000.5", "price"),
                List.of(new BidDocument("technical.pdf", "application/pdf", 22, "ed2658f9e6682203aa592669809c8e2b42bf9b54bf87bb74572f0c0be2ee5efd"),
                        new BidDocument("boq.csv", "text/csv", 19, "371a9ac30fc224a70307cc112a40364d75a5d03af79135ac3376f4c96e5977dd")),
                Instant.parse("2026-03-10T04:15:00Z"));
        assertEquals(java.canonicalJson(), CanonicalJson.canonicalize(built));
        assertEquals(java, Bid.fromJson(json(built), "bid"));

        for (String amount : List.of("", "0", "0.00", "-5", "1,250,000", "1 250 000", "12.345", "1e6", "Nu. 100")) {
            String code = async("try { DrukSeal.normalizeAmount(" + jsString(amount) + "); done('accepted'); }"
                    + " catch (e) { done(e.errors[0].code); }");
            ValidationException javaRefusal = assertThrows(ValidationException.class, () -> BidPrice.parse(amount, "price"));
            assertEquals(javaRefusal.errors().get(0).code(), code, "amount '" + amount + "'");
        }
    }

    @Test
    void sealingTheFormHashesLocallyAndOnlyTheCommitmentIsEverSent() throws Exception {
        int start = requests.size();
        openPage();
        Path technical = Files.writeString(work.resolve("technical proposal.txt"), "Technical proposal v1\nཀུན་ལེགས་\n");
        Path drawing = work.resolve("drawing.bin");
        byte[] drawingBytes = new byte[70_000];
        new java.util.Random(42).nextBytes(drawingBytes);
        Files.write(drawing, drawingBytes);

        assertNull(browser.byId("amount").getDomAttribute("name"), "the private amount field lost its name");
        assertFalse(browser.byId("lodge-button").isEnabled(), "nothing to lodge before sealing");
        browser.type("licence", "1002345");
        browser.type("bidder-name", DZONGKHA_NAME);
        browser.type("amount", "1250000.5");
        browser.byId("documents").sendKeys(technical + "\n" + drawing);

        int requestsBefore = requests.size();
        long resourcesBefore = (Long) js("return performance.getEntriesByType('resource').length;");
        browser.click("seal-button");
        browser.wait.until(d -> "sealed".equals(d.findElement(By.id("seal")).getAttribute("data-druk-seal-state")));
        assertEquals(requestsBefore, requests.size(), "sealing sent a request: " + requests.subList(requestsBefore, requests.size()));
        assertEquals(resourcesBefore, js("return performance.getEntriesByType('resource').length;"));

        String commitment = browser.text("commitment");
        assertTrue(CanonicalJson.isSha256Hex(commitment), commitment);
        assertEquals(commitment, browser.byId("lodge-commitment").getAttribute("value"));
        assertEquals(TENDER, browser.byId("lodge-tender").getAttribute("value"));
        assertFalse(browser.byId("lodge-button").isEnabled(), "lodging waits until the sealed-bid file was downloaded");

        WebElement download = browser.byId("download");
        String fileName = "sealed-bid-ocds-b5fd17-2026-0042-" + commitment.substring(0, 8) + ".json";
        assertEquals(fileName, download.getAttribute("download"), "named after the tender and the commitment, so a second bid does not overwrite it");
        download.click();
        Path file = downloads.resolve(fileName);
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file) && file.toFile().length() > 0);
        assertTrue(browser.byId("lodge-button").isEnabled());
        assertEquals(requestsBefore, requests.size(), "downloading the sealed-bid file sent a request");

        // The downloaded file, checked by the Java domain.
        SealedBid sealed = SealedBid.parse(Files.readString(file, StandardCharsets.UTF_8)).requireLodged(TENDER, commitment);
        assertEquals(new Bidder("1002345", DZONGKHA_NAME), sealed.bid().bidder());
        assertEquals(BidPrice.parse("1250000.50", "price"), sealed.bid().price());
        assertTrue(sealed.salt().matches("[A-Za-z0-9_-]{43}"), sealed.salt());
        assertEquals(List.of(sha256(Files.readAllBytes(technical)), sha256(drawingBytes)).stream().sorted().toList(),
                sealed.bid().documents().stream().map(BidDocument::sha256).toList());
        assertEquals(70_000, sealed.bid().document(sha256(drawingBytes)).orElseThrow().size());
        assertEquals("technical proposal.txt", sealed.bid().document(sha256(Files.readAllBytes(technical))).orElseThrow().name());

        // Lodging sends the commitment and the tender key, nothing else.
        browser.click("lodge-button");
        browser.waitForText("Lodged");
        assertEquals(1, lodgedBodies.size());
        Map<String, String> form = formFields(lodgedBodies.get(0));
        assertEquals(Map.of("tenderKey", TENDER, "commitment", commitment), form);
        for (String secret : List.of("1250000", "1002345", "Construction", sealed.salt(), sealed.bidHash())) {
            assertFalse(lodgedBodies.get(0).contains(secret), "lodged request holds " + secret);
        }
        assertFalse(requests.stream().anyMatch(r -> r.contains("/leak")), "the sealing form was submitted: " + requests);
        // Everything this browser ever asked for (the two scripts load in parallel, in any order).
        assertEquals(List.of("GET /js/canonical-json.js", "GET /js/seal-bid.js", "GET /seal-test.html", "POST /lodge"),
                requests.subList(start, requests.size()).stream().sorted().toList());

        // At the opening: the page's check accepts the file with its documents, refuses a stranger.
        openPage();
        js("document.getElementById('check').setAttribute('data-commitment', arguments[0]);", commitment);
        browser.byId("check-documents").sendKeys(technical + "\n" + drawing);
        browser.byId("check-file").sendKeys(file.toString());
        browser.wait.until(d -> "ok".equals(d.findElement(By.id("check")).getAttribute("data-druk-seal-check-result")));
        Path stranger = Files.writeString(work.resolve("other.txt"), "not sealed");
        openPage();
        js("document.getElementById('check').setAttribute('data-commitment', arguments[0]);", commitment);
        browser.byId("check-documents").sendKeys(technical + "\n" + stranger);
        browser.byId("check-file").sendKeys(file.toString());
        browser.wait.until(d -> "failed".equals(d.findElement(By.id("check")).getAttribute("data-druk-seal-check-result")));
        List<String> codes = browser.driver.findElements(By.cssSelector("#check-errors li")).stream()
                .map(li -> li.getAttribute("data-code")).toList();
        assertEquals(List.of("sealedBid.documentNotInBid", "sealedBid.documentMissing"), codes);
    }

    @Test
    void onADzongkhaPageTheScriptSpeaksDzongkha() {
        browser.open(baseUrl + "/seal-test-dz.html");
        browser.type("licence", "10 02");
        browser.type("amount", "1,250,000");
        browser.click("seal-button");
        browser.wait.until(d -> "error".equals(d.findElement(By.id("seal")).getAttribute("data-druk-seal-state")));
        List<String> codes = new ArrayList<>();
        for (WebElement li : browser.driver.findElements(By.cssSelector("#errors li"))) {
            String code = li.getAttribute("data-code");
            codes.add(code);
            assertEquals(DZONGKHA.getProperty("sealjs.error." + code), li.getText(), code);
        }
        assertEquals(List.of("bid.bidder.licenceNumber.format", "bid.bidder.name.required", "bid.price.format"), codes);
        assertEquals(DZONGKHA.getProperty("sealjs.status.notSealed"), browser.text("status"));
    }

    /** What d:sealTexts renders with these messages: a hidden block of the script's texts by key. */
    private static String sealTexts(java.util.Properties messages) {
        StringBuilder html = new StringBuilder("<div hidden data-druk-seal-texts>");
        for (String key : new java.util.TreeSet<>(messages.stringPropertyNames())) {
            if (key.startsWith("sealjs.")) {
                html.append("<span data-key=\"").append(key.substring("sealjs.".length())).append("\">")
                        .append(messages.getProperty(key).replace("&", "&amp;").replace("<", "&lt;")).append("</span>");
            }
        }
        return html.append("</div>").toString();
    }

    private static final java.util.Properties DZONGKHA = dzongkha();

    private static java.util.Properties dzongkha() {
        java.util.Properties messages = new java.util.Properties();
        try (var reader = Files.newBufferedReader(StaticSite.projectDir()
                .resolve("src/main/resources/bt/druk/registry/interfaces/web/messages_dz.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return messages;
    }

    @Test
    void theFormShowsWhatIsWrongAndSealsNothing() {
        openPage();
        browser.type("licence", "10 02");
        browser.type("amount", "1,250,000");
        browser.click("seal-button");
        browser.wait.until(d -> "error".equals(d.findElement(By.id("seal")).getAttribute("data-druk-seal-state")));
        List<String> codes = browser.driver.findElements(By.cssSelector("#errors li")).stream()
                .map(li -> li.getAttribute("data-code")).toList();
        assertEquals(List.of("bid.bidder.licenceNumber.format", "bid.bidder.name.required", "bid.price.format"), codes);
        assertEquals("true", browser.byId("amount").getAttribute("aria-invalid"));
        assertEquals("", browser.byId("lodge-commitment").getAttribute("value"));
        assertFalse(browser.byId("lodge-button").isEnabled());
    }

    @Test
    void aTamperedSealedBidFileIsRefusedByTheBrowserAndByJavaAlike() {
        openPage();
        Bid bid = sampleBids().get(0);
        SealedBid sealed = SealedBid.seal(bid, "pepper-42");
        String file = sealed.toFileJson();
        Bid cheaper = new Bid(bid.tenderKey(), bid.bidder(), BidPrice.parse("999", "p"), bid.documents(), bid.sealedAt());

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("untouched", file);
        cases.put("price edited", file.replace("\"1250000.00\"", "\"1150000.00\""));
        cases.put("document hash edited", file.replace(bid.documents().get(0).sha256(), "0".repeat(64)));
        cases.put("name edited", file.replace("ཀུན་ལེགས་", "ཀུན་ལེགས"));
        cases.put("salt edited", file.replace("pepper-42", "pepper-43"));
        cases.put("price edited and rehashed", file.replace("\"1250000.00\"", "\"999.00\"").replace(sealed.bidHash(), cheaper.hash()));
        cases.put("resealed with another price", SealedBid.seal(cheaper, "pepper-42").toFileJson());
        cases.put("for another tender", SealedBid.seal(new Bid("tender:ocds-b5fd17-2026-0099", bid.bidder(), bid.price(),
                bid.documents(), bid.sealedAt()), "pepper-42").toFileJson());
        cases.put("member added", file.replace("\"sealedAt\"", "\"discount\":\"10%\",\"sealedAt\""));
        cases.put("price as a number", file.replace("\"1250000.00\"", "1250000"));
        cases.put("not a sealed-bid file", "{\"hello\":\"world\"}");
        cases.put("not JSON", "%PDF-1.7");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("untouched", "ok");
        expected.put("price edited", "sealedBid.bidTampered");
        expected.put("document hash edited", "sealedBid.bidTampered");
        expected.put("name edited", "sealedBid.bidTampered");
        expected.put("salt edited", "sealedBid.commitmentMismatch");
        expected.put("price edited and rehashed", "sealedBid.commitmentMismatch");
        expected.put("resealed with another price", "sealedBid.notLodged");
        expected.put("for another tender", "sealedBid.otherTender");
        expected.put("member added", "bid.member.unknown");
        expected.put("price as a number", "bid.price.format");
        expected.put("not a sealed-bid file", "sealedBid.notSealedBidFile");
        expected.put("not JSON", "sealedBid.notSealedBidFile");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            String javaCode;
            String javaField = null;
            try {
                SealedBid.parse(c.getValue()).requireLodged(TENDER, sealed.commitment());
                javaCode = "ok";
            } catch (ValidationException e) {
                javaCode = e.errors().get(0).code();
                javaField = e.errors().get(0).field();
            }
            JsonObject browserResult = json(async("DrukSeal.checkSealedBid(" + jsString(c.getValue()) + ", {tenderKey: '"
                    + TENDER + "', commitment: '" + sealed.commitment() + "'}).then(r => done(JSON.stringify(r)));"));
            JsonArray errors = browserResult.getJsonArray("errors");
            String browserCode = browserResult.getBoolean("ok") ? "ok" : errors.getJsonObject(0).getString("code");
            assertEquals(expected.get(c.getKey()), javaCode, c.getKey() + " (Java)");
            assertEquals(expected.get(c.getKey()), browserCode, c.getKey() + " (browser)");
            if (javaField != null) {
                assertEquals(javaField, errors.getJsonObject(0).getString("field"), c.getKey());
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Bids that exercise the canonical form: Dzongkha, escapes, an emoji, a tiny price, many documents. */
    private static List<Bid> sampleBids() {
        List<BidDocument> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new BidDocument("annex " + i + " — ཡིག་ཆ་.pdf", i % 2 == 0 ? "application/pdf" : "image/png",
                    i * 1_000_003L, sha256(("annex " + i).getBytes(StandardCharsets.UTF_8))));
        }
        return List.of(
                SealedBidFixtures.dzongkhaBid(),
                Bid.of("tender:ocds-b5fd17-2026-0007", new Bidder("CDB-4411", "Druk \"Quote\" & Sons\\ <b>\u00a0é\u0301</b>"),
                        BidPrice.parse("0.5", "p"), List.of(), Instant.parse("2026-01-01T00:00:00Z")),
                Bid.of("tender:ocds-b5fd17-2026/03:lot+2", new Bidder("A/1.2-3", "Yangchen 😀 Traders \u2028 \u0f00"),
                        BidPrice.parse("999999999999999.99", "p"), many, Instant.parse("2026-12-31T23:59:59Z")));
    }

    private void openPage() {
        browser.open(baseUrl + "/seal-test.html");
        browser.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!window.DrukSeal;"));
    }

    private JsonObject sealInBrowser(String bidJson, String salt) {
        return json(async("DrukSeal.sealBid(JSON.parse(" + jsString(bidJson) + "), " + jsString(salt) + ")"
                + ".then(s => done(JSON.stringify(s)), e => done('ERROR ' + e.message));"));
    }

    /** Runs script with a done(result) callback, the result a string. */
    private String async(String script) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; " + script);
        String text = String.valueOf(result);
        assertFalse(text.startsWith("ERROR "), text);
        return text;
    }

    private Object js(String script, Object... args) {
        return browser.driver.executeScript(script, args);
    }

    private static String jsString(String text) {
        return Json.createValue(text).toString();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    /** The bid of SealedBidTest's outside vector (kept in step by the commitment asserted above). */
    static final class SealedBidFixtures {
        static Bid dzongkhaBid() {
            return Bid.of(TENDER, new Bidder("1002345", DZONGKHA_NAME), BidPrice.parse("1250000", "price"),
                    List.of(new BidDocument("technical.pdf", "application/pdf", 22, "ed2658f9e6682203aa592669809c8e2b42bf9b54bf87bb74572f0c0be2ee5efd"),
                            new BidDocument("boq.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 19,
                                    "371a9ac30fc224a70307cc112a40364d75a5d03af79135ac3376f4c96e5977dd")),
                    Instant.parse("2026-03-10T04:15:00Z"));
        }
    }
}
