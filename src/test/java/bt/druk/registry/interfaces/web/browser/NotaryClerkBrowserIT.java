package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.interfaces.web.support.PdfProbe;
import bt.druk.registry.it.RealLedger;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
 * The notary clerk in a real headless Chromium against a portal of its own on the real network: a
 * file's SHA-256 computed by the page (Web Crypto) is refused when it is not the uploaded file's,
 * with the message next to the file and nothing saved; the clerk registers the file, the page's hash
 * is the server's, the notarisation commits and the ledger's entry (read through the real
 * fabric-gateway adapter) holds the file's SHA-256; the clerk revokes it, the ledger says revoked and
 * the public page says so, verified against the ledger.
 *
 * <p>The ledger outlives this test's fresh database, so the portal numbers its notarisations from a
 * random serial ({@code druk.notary.firstSerial}) and every file is random bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotaryClerkBrowserIT {

    private static final String PARTY = "Sonam Tobgay Wangchuk";
    private static final String PARTY_CID = "10911004455";
    private static final String REASON = "The principal withdrew the power of attorney at the notary office";
    private static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
            "Caused by:|\\bat (java|jakarta|org|com|bt)\\.[\\w.$]+\\(|[\\w.]+Exception: ");

    private final int firstSerial = ThreadLocalRandom.current().nextInt(200_000, 999_000);
    private final String expectedId = LocalDate.now(ZoneId.of("Asia/Thimphu")).getYear() + "-" + String.format("%06d", firstSerial);
    private final HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build();

    private PortalUnderTest portal;
    private Browser clerk;
    private Browser citizen;
    private RealLedger realLedger;
    private FabricLedger ledger;
    private Path file;
    private String fileSha256;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        String prefix = "ocds-n" + HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(256),
                (byte) ThreadLocalRandom.current().nextInt(256)}).substring(0, 4) + "b";
        portal = PortalUnderTest.startOwn("notary-clerk-it", Integer.getInteger("druk.notaryClerk.port", 18399),
                Map.of("DRUK_DEMO_CONTENT", "false", "DRUK_OCDS_PREFIX", prefix,
                        "DRUK_NOTARY_FIRSTSERIAL", String.valueOf(firstSerial)));
        clerk = new Browser();
        citizen = new Browser();
        realLedger = RealLedger.open();
        ledger = realLedger.ledger();
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        ThreadLocalRandom.current().nextBytes(bytes);
        byte[] head = "%PDF-1.4\n% notarised power of attorney\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        file = Files.createTempFile(PortalUnderTest.buildDir(), "power-of-attorney-", ".pdf");
        Files.write(file, bytes);
        fileSha256 = sha256(bytes);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {citizen, clerk, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[notary-it] close failed: " + e);
            }
        }
        if (realLedger != null) {
            realLedger.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private String url(String path) {
        return portal.baseUrl + path;
    }

    @Test
    @Order(1)
    void theNotaryClerkSignsInAndFindsTheNewNotarisationAction() {
        clerk.open(url("/clerk/notary/new.xhtml"));
        assertTrue(clerk.driver.getCurrentUrl().contains("/login.xhtml"), clerk.driver.getCurrentUrl());
        clerk.type("login:username", "notary.clerk");
        clerk.type("login:password", portal.demoPassword);
        clerk.click("login:signIn");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/new.xhtml"));
        clerk.open(url("/clerk/index.xhtml"));
        assertFalse(clerk.driver.findElements(By.linkText("New notarisation")).isEmpty(), "the dashboard offers the action");
    }

    @Test
    @Order(2)
    void aBrowserHashThatIsNotTheUploadedFilesIsRefusedNextToTheFileAndNothingIsSaved() {
        fillForm();
        String browserHash = awaitBrowserHash();
        assertEquals(fileSha256, browserHash, "Web Crypto's SHA-256 of the chosen file");
        // As if the bytes had changed on the way: the hash sent is another file's.
        String other = CanonicalJson.sha256Hex("another file");
        ((JavascriptExecutor) clerk.driver).executeScript("document.getElementById('notarisation:browserSha256').value = arguments[0];", other);
        clerk.click("notarisation:save");
        clerk.waitForText("is not the file your browser hashed");
        String message = fieldMessage("notarisation:file");
        assertTrue(message.contains(fileSha256) && message.contains(other), message);
        assertTrue(clerk.driver.getCurrentUrl().contains("/clerk/notary/new.xhtml"), "stays on the form");
        assertFalse(STACK_TRACE.matcher(clerk.pageText()).find(), "no stack trace");
        assertEquals("", clerk.byId("notarisation:browserSha256").getAttribute("value"), "the refused hash is not sent again");
        clerk.screenshot("notary-01-hash-mismatch");

        clerk.open(url("/notary/notarisation.xhtml?id=" + expectedId));
        assertTrue(clerk.pageText().contains("No notarisation with this number."), "nothing saved, no number used up");
        clerk.open(url("/clerk/index.xhtml"));
        assertTrue(clerk.driver.findElements(By.id("submissionsTable")).isEmpty(), "no submission");
    }

    @Test
    @Order(3)
    void theClerkRegistersTheFileAndThePagesHashIsTheServers() {
        fillForm();
        String browserHash = awaitBrowserHash();
        clerk.screenshot("notary-02-hashed");
        clerk.click("notarisation:save");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/notarisation.xhtml") && d.getCurrentUrl().contains("saved=1"));
        clerk.waitForAjax();
        assertTrue(clerk.driver.getCurrentUrl().contains("id=" + expectedId), clerk.driver.getCurrentUrl());
        String headline = clerk.text("savedHeadline");
        assertTrue(headline.contains("Saved — awaiting ledger") || headline.contains("Saved and committed"), headline);
        assertEquals(browserHash, clerk.text("factDocumentHash").trim(), "the server's hash of the uploaded bytes");
        assertEquals(file.getFileName().toString(), clerk.text("factFileName").trim());
        assertTrue(clerk.byId("partiesTable").getText().contains(PARTY_CID), "staff see the parties");
        awaitCommitted(1);
        clerk.screenshot("notary-03-committed");
    }

    @Test
    @Order(4)
    void theLedgerHoldsTheRegistrationWithTheFilesHash() {
        JsonObject entry = ledgerEntry(1);
        assertEquals("registered", entry.getString("status"));
        assertEquals(fileSha256, entry.getString("documentHash"));
        assertEquals(1, entry.getInt("version"));
    }

    @Test
    @Order(5)
    void thePublicPageAndTheCertificateShowNoPersonalData() throws Exception {
        citizen.open(url("/notary/notarisation.xhtml?id=" + expectedId));
        assertTrue(citizen.text("statusNow").startsWith("Valid"), citizen.text("statusNow"));
        assertEquals(fileSha256, citizen.text("factDocumentHash").trim());
        assertTrue(citizen.text("partyCount").contains("one party"), citizen.text("partyCount"));
        String page = citizen.pageText();
        assertFalse(page.contains(PARTY) || page.contains(PARTY_CID) || page.contains(file.getFileName().toString()),
                "no name, CID or file name on the public page");
        assertTrue(citizen.byId("checkFile").getAttribute("href").endsWith("/verify.xhtml?hash=" + fileSha256));

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(citizen.byId("certificate").getAttribute("href"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String text = PdfProbe.text(pdf.body());
        assertTrue(text.replaceAll("\\s+", "").contains(fileSha256), text);
        assertFalse(text.contains(PARTY) || text.contains(PARTY_CID), text);
        assertEquals(url("/verify.xhtml?hash=" + fileSha256), PdfProbe.qrText(pdf.body()));
        assertTrue(PdfProbe.signer(pdf.body()).startsWith("Druk Registry"), "handed out signed by the portal's key");
    }

    @Test
    @Order(6)
    void theClerkRevokesItAndThePublicPageSaysRevokedVerifiedOnTheLedger() {
        clerk.open(url("/clerk/notary/notarisation.xhtml?id=" + expectedId));
        clerk.click("revoke:submit");
        assertTrue(fieldMessage("revoke:reason").contains("Give the reason"), fieldMessage("revoke:reason"));
        clerk.type("revoke:reason", REASON);
        clerk.click("revoke:submit");
        clerk.wait.until(d -> d.getCurrentUrl().contains("saved=2"));
        clerk.waitForAjax();
        awaitCommitted(2);
        assertEquals("Revoked", clerk.driver.findElement(By.cssSelector("#statusBadge .badge")).getText().trim());

        JsonObject entry = ledgerEntry(2);
        assertEquals("revoked", entry.getString("status"));
        assertEquals(REASON, entry.getString("reason"));

        citizen.open(url("/notary/notarisation.xhtml?id=" + expectedId));
        String now = citizen.text("statusNow");
        assertTrue(now.startsWith("Revoked") && now.contains(REASON), now);
        citizen.click("verify:verifyButton");
        String outcome = citizen.text("verifyOutcome");
        assertTrue(outcome.startsWith("Verified"), outcome);
        assertEquals(2, citizen.driver.findElements(By.cssSelector("[data-check='MATCH']")).size(), "both versions match the ledger");
        citizen.screenshot("notary-04-public-revoked");
    }

    @Test
    @Order(7)
    void aSupersededNotarisationLinksToItsReplacement() throws Exception {
        String first = registerThroughThePage(randomPdf("sale-agreement-", 40_000));
        String replacement = registerThroughThePage(randomPdf("sale-agreement-corrected-", 40_000));
        assertEquals(expectedId.substring(0, 5) + String.format("%06d", firstSerial + 1), first, "numbers follow on");

        clerk.open(url("/clerk/notary/notarisation.xhtml?id=" + first));
        clerk.type("supersede:replacement", expectedId.substring(0, 5) + "000000");
        clerk.type("supersede:reason", "Clause 2 gave the wrong plot area");
        clerk.click("supersede:submit");
        assertTrue(fieldMessage("supersede:replacement").contains("There is no notarisation"), fieldMessage("supersede:replacement"));
        clerk.type("supersede:replacement", replacement);
        clerk.click("supersede:submit");
        clerk.wait.until(d -> d.getCurrentUrl().contains("saved=2"));
        clerk.waitForAjax();
        awaitCommitted(2);
        JsonObject superseded = ledgerEntry(first, 2);
        assertEquals("superseded", superseded.getString("status"));
        assertEquals("notarisation:" + replacement, superseded.getString("supersededBy"));

        citizen.open(url("/notary/notarisation.xhtml?id=" + first));
        assertTrue(citizen.text("statusNow").startsWith("Superseded"), citizen.text("statusNow"));
        citizen.click("replacementLink");
        citizen.wait.until(d -> d.getCurrentUrl().contains("id=" + replacement));
        assertTrue(citizen.text("statusNow").startsWith("Valid"), citizen.text("statusNow"));
        citizen.screenshot("notary-05-replacement");
    }

    // ---------------------------------------------------------------- helpers

    private Path randomPdf(String prefix, int size) throws Exception {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        Path pdf = Files.createTempFile(PortalUnderTest.buildDir(), prefix, ".pdf");
        Files.write(pdf, bytes);
        pdf.toFile().deleteOnExit();
        return pdf;
    }

    /** Registers a file through the form, waits for its commit, and answers its number. */
    private String registerThroughThePage(Path pdf) {
        clerk.open(url("/clerk/notary/new.xhtml"));
        clerk.selectOne("notarisation:documentType", "Sale agreement");
        clerk.type("notarisation:parties:0:name", PARTY);
        clerk.byId("notarisation:file").sendKeys(pdf.toString());
        awaitBrowserHash();
        clerk.click("notarisation:save");
        clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/notarisation.xhtml") && d.getCurrentUrl().contains("saved=1"));
        clerk.waitForAjax();
        awaitCommitted(1);
        return clerk.text("factNumber").trim();
    }

    private void fillForm() {
        clerk.open(url("/clerk/notary/new.xhtml"));
        clerk.selectOne("notarisation:documentType", "Power of attorney");
        clerk.type("notarisation:parties:0:name", PARTY);
        clerk.type("notarisation:parties:0:cid", PARTY_CID);
        clerk.byId("notarisation:file").sendKeys(file.toString());
    }

    /** Waits for the page's own SHA-256 of the chosen file, which it also puts in the hidden field. */
    private String awaitBrowserHash() {
        clerk.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("browserHash")).getText().length() == 64);
        String shown = clerk.text("browserHash");
        assertEquals(shown, clerk.byId("notarisation:browserSha256").getAttribute("value"));
        return shown;
    }

    private JsonObject ledgerEntry(int version) {
        return ledgerEntry(expectedId, version);
    }

    /** The notarisation on the auditor's peer once it has {@code version}, which the page saw committed. */
    private JsonObject ledgerEntry(String id, int version) {
        LedgerEntry entry = RealLedger.awaitEntry(ledger, "notarisation:" + id, version);
        try (var reader = Json.createReader(new StringReader(entry.json()))) {
            return reader.readObject();
        }
    }

    /** Waits (the page polls; refreshing too) until the version is committed; fails at once if the ledger refused it. */
    private void awaitCommitted(int version) {
        By row = By.cssSelector("#chainList > li[data-version='" + version + "']");
        clerk.waitUpTo(Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            clerk.waitForAjax();
            WebElement li = d.findElement(row);
            assertFalse(li.getAttribute("class").contains("chain__version--rejected"), "ledger refused v" + version + ": " + li.getText());
            return li.getAttribute("class").contains("chain__version--committed");
        });
    }

    /** The message rendered inside the same labelled field block as the input. */
    private String fieldMessage(String inputId) {
        WebElement input = clerk.byId(inputId);
        WebElement field = input.findElement(By.xpath("ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]"));
        return field.findElement(By.cssSelector(".field__message")).getText().trim();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
