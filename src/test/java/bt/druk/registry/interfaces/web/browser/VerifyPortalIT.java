package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.ProofReceipt;
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
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;

/**
 * The public verify page in a real headless Chromium against a portal on the real Fabric network:
 * a land clerk registers a parcel; once it is on the ledger, its public record document
 * ({@code /records/documents/<hash>.json}, saved to a file) is dropped on {@code /verify.xhtml} and
 * every step passes (the ledger read now from the auditor's peer, endorsed by the land registry and
 * the auditor); its proof file downloads, is chosen again on the page with the document, holds in
 * the browser and against the ledger; a proof with an edited transaction id or ledger hash fails
 * with the reason. Every request the browser makes goes through a recording proxy: none carries
 * the document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyPortalIT {

    private static final Pattern DOCUMENT_LINK = Pattern.compile("/records/documents/([0-9a-f]{64})\\.json");

    private PortalUnderTest portal;
    private Browser browser;
    private RecordingProxy proxy;
    private String browserBase;
    private List<RecordingProxy.Sent> sent;
    private Path work;
    private Path downloads;

    private String pin;
    private String hash;
    private String txId;
    private Path document;
    private Path proofFile;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        // The ledger outlives the portal's database: a PIN of this run's own.
        pin = "VRF" + ThreadLocalRandom.current().nextInt(1, 9) + "-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        portal = PortalUnderTest.shared();
        System.out.println("[verify-it] portal " + portal.baseUrl + ", parcel " + pin);
        proxy = new RecordingProxy(URI.create(portal.baseUrl));
        browserBase = proxy.base();
        sent = proxy.sent();
        work = Files.createTempDirectory("druk-verify-portal-");
        downloads = Files.createDirectories(work.resolve("downloads"));
        browser = new Browser();
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {browser, portal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("[verify-it] closing: " + e);
            }
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Order(1)
    void aRegisteredParcelsDocumentIsOnTheLedgerAndItsProofWaitsForTheCommit() throws Exception {
        FacesHttpSession clerk = new FacesHttpSession(portal.baseUrl);
        clerk.signIn("land.clerk", portal.demoPassword);
        FacesHttpSession.Registration registration = clerk.registerParcel(pin, 3);
        assertTrue(registration.saved(), registration.failure());

        HttpClient http = PortalHttp.builder().connectTimeout(Duration.ofSeconds(5)).build();
        String landPage = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/records/land.xhtml?pin=" + pin)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher link = DOCUMENT_LINK.matcher(landPage);
        assertTrue(link.find(), "the land page links its version's public document");
        hash = link.group(1);
        byte[] bytes = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/records/documents/" + hash + ".json")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertEquals(hash, NetworkScript.sha256(new String(bytes, StandardCharsets.UTF_8)));
        document = Files.write(work.resolve("land-" + pin + ".json"), bytes);

        // The proof file exists once the version is committed and its receipt complete: 409 until then.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int status;
        do {
            HttpResponse<String> proof = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/verify/proof/" + hash + ".json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            status = proof.statusCode();
            assertTrue(status == 200 || status == 409, "proof download answered " + status + ": " + proof.body());
            if (status == 409) {
                assertTrue(proof.body().contains("\"error\""), proof.body());
                Thread.sleep(2000);
            }
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the registration reached the ledger within two minutes");
        // The verify page answers from the portal's own receipts: wait until the commit follower has recorded the endorsers.
        String record;
        do {
            record = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/records/land-title:" + pin)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (!record.contains("\"endorsingMspIds\":[\"")) {
                Thread.sleep(1000);
            }
        } while (!record.contains("\"endorsingMspIds\":[\"") && System.nanoTime() < deadline + Duration.ofSeconds(60).toNanos());
        assertTrue(record.contains("\"endorsingMspIds\":[\""), "the portal's receipt names the endorsers: " + record);
        String onLedger = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", "land-title:" + pin).output();
        assertTrue(onLedger.contains(hash), "the auditor's peer holds the document's hash: " + onLedger);
        txId = NetworkScript.txIdOf(onLedger);
    }

    @Test
    @Order(2)
    void theDocumentDroppedOnTheVerifyPagePassesEveryStepAndNeverLeavesTheBrowser() throws Exception {
        browser.open(browserBase + "/verify.xhtml");
        assertTrue(browser.pageText().contains("Verify a document"));
        sent.clear();
        browser.byId("verifyFile").sendKeys(document.toString());
        browser.wait.until(d -> d.getCurrentUrl().contains("hash=" + hash));
        browser.byId("verifyReport");
        assertEquals("PORTAL_INDEX", browser.byId("verifySource").getAttribute("data-source"), "answered from the portal's index first");
        WebElement fromIndex = browser.byId("match0");
        assertEquals("verified", fromIndex.findElement(By.cssSelector(".verify-match__verdict")).getAttribute("data-verdict"),
                fromIndex.getText());
        assertEquals(List.of("FOUND_AS=pass", "PORTAL_RECORD=pass", "LEDGER_ENTRY=pass", "ENDORSEMENT=pass", "STATUS=pass"),
                steps(fromIndex), fromIndex.getText());
        ledgerNow();
        browser.screenshot("verify-portal-steps");

        WebElement match = browser.byId("match0");
        assertEquals("verified", match.findElement(By.cssSelector(".verify-match__verdict")).getAttribute("data-verdict"),
                match.getText());
        List<String> steps = match.findElements(By.cssSelector(".verify-step")).stream()
                .map(li -> li.getAttribute("data-step") + "=" + li.getAttribute("data-result")).toList();
        assertEquals(List.of("FOUND_AS=pass", "PORTAL_RECORD=pass", "LEDGER_ENTRY=pass", "ENDORSEMENT=pass", "STATUS=pass", "HISTORY=pass"),
                steps, match.getText());
        String text = match.getText();
        assertTrue(text.contains("Passed."), "results are words, not colour alone: " + text);
        assertTrue(text.contains("endorsed by AuditMSP and LandMSP"), text);
        assertTrue(text.contains(txId), "the transaction the auditor's peer reports: " + text);
        assertTrue(text.contains("land-title:" + pin + " is now registered on the ledger, at version 1"), text);

        String documentText = Files.readString(document);
        for (RecordingProxy.Sent s : sent) {
            String body = new String(s.body(), StandardCharsets.UTF_8);
            assertFalse(body.contains(documentText.substring(0, Math.min(60, documentText.length())))
                    || body.contains("\"data\":{"), s.method() + " " + s.target() + " carried the document");
        }
        assertTrue(sent.stream().anyMatch(s -> s.method().equals("GET") && s.target().contains("hash=" + hash)),
                "the page looked up the hash: " + sent.stream().map(RecordingProxy.Sent::target).toList());
        assertTrue(sent.stream().noneMatch(s -> s.method().equals("POST")), "dropping a file posts nothing");
    }

    @Test
    @Order(3)
    void itsProofFileDownloadsAndHoldsInTheBrowserAndAgainstTheLedger() throws Exception {
        browser.click("proofDownload");
        Path expected = downloads.resolve("druk-proof-" + hash.substring(0, 16) + ".json");
        browser.wait.until(d -> Files.isRegularFile(expected) && readOrEmpty(expected).endsWith("}"));
        proofFile = expected;
        ProofReceipt proof = ProofReceipt.parse(Files.readString(proofFile));
        assertEquals(hash, proof.sha256());
        assertEquals("land-title:" + pin, proof.recordKey());
        assertEquals(txId, proof.txId());
        assertTrue(proof.endorsingMspIds().containsAll(List.of("AuditMSP", "LandMSP")), proof.endorsingMspIds().toString());
        assertEquals(portal.baseUrl, proof.issuer(), "the portal's own address (druk.public.base-url is not set)");

        browser.open(browserBase + "/verify.xhtml");
        sent.clear();
        browser.byId("proofDocument").sendKeys(document.toString());
        browser.byId("proofFile").sendKeys(proofFile.toString());
        browser.wait.until(d -> "passed".equals(d.findElement(By.cssSelector("[data-druk-proof]")).getAttribute("data-druk-proof-result")));
        assertEquals(List.of("format=pass", "document-ok=pass", "record-ok=pass"), offlineChecks());
        assertEquals(List.of(), sent, "the offline checks send nothing");

        assertEquals("verified", checkAgainstLedger(), browser.text("proofForm:proofResult"));
        assertTrue(browser.text("proofForm:proofResult").contains("written by transaction " + txId + ", as the proof says"));
        for (RecordingProxy.Sent s : sent) {
            assertFalse(new String(s.body(), StandardCharsets.UTF_8).contains("\"data\":{"), s.target() + " carried the document");
        }
        assertTrue(sent.stream().anyMatch(s -> s.method().equals("POST") && new String(s.body(), StandardCharsets.UTF_8)
                .contains("druk-registry-proof")), "the ledger check sent the proof's text");
    }

    @Test
    @Order(4)
    void aProofWithAnEditedTransactionOrLedgerHashFailsWithTheReason() throws Exception {
        String original = Files.readString(proofFile);
        String fakeTx = "0".repeat(64);
        Path editedTx = Files.writeString(work.resolve("edited-tx.json"), original.replace(txId, fakeTx));
        browser.open(browserBase + "/verify.xhtml");
        browser.byId("proofFile").sendKeys(editedTx.toString());
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-druk-proof]")).getAttribute("data-druk-proof-result") != null);
        assertEquals("failed", checkAgainstLedger());
        String result = browser.text("proofForm:proofResult");
        assertTrue(result.contains("was written by transaction " + txId + ", not " + fakeTx + " as the proof says"), result);
        assertTrue(result.contains("The ledger knows no transaction " + fakeTx), result);

        String fakeHash = "1".repeat(64);
        Path editedHash = Files.writeString(work.resolve("edited-hash.json"), original.replace("\"ledgerHash\":\"" + hash, "\"ledgerHash\":\"" + fakeHash));
        browser.open(browserBase + "/verify.xhtml");
        browser.byId("proofFile").sendKeys(editedHash.toString());
        browser.wait.until(d -> "failed".equals(d.findElement(By.cssSelector("[data-druk-proof]")).getAttribute("data-druk-proof-result")));
        assertTrue(offlineChecks().contains("record-bad=fail"), offlineChecks().toString());
        assertEquals("failed", checkAgainstLedger());
        result = browser.text("proofForm:proofResult");
        assertTrue(result.contains("The ledger holds " + hash + " for land-title:" + pin + " version 1, not the proof's ledger hash " + fakeHash), result);
    }

    @Test
    @Order(5)
    void aHashNobodyRegisteredIsNotFoundAndBadInputIsRefusedNextToTheField() {
        browser.open(browserBase + "/verify.xhtml?hash=" + "ab".repeat(32));
        assertTrue(browser.text("verifyReport").contains("Not found"), browser.text("verifyReport"));
        browser.open(browserBase + "/verify.xhtml?hash=not-a-hash");
        assertEquals("A SHA-256 has exactly 64 hexadecimal characters (0-9, a-f).", browser.text("hashMessage"));
        assertEquals("true", browser.byId("hash").getAttribute("aria-invalid"));
        assertTrue(browser.driver.findElements(By.id("verifyReport")).isEmpty());
    }

    @Test
    @Order(6)
    void aNotarisedFileIsValidUntilRevokedAndTheSameFileWithOneByteChangedIsNotFound() throws Exception {
        byte[] bytes = new byte[30_000];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        Path pdf = Files.write(work.resolve("affidavit.pdf"), bytes);
        String fileHash = sha256(bytes);
        try (Browser clerk = new Browser()) {
            clerk.open(portal.baseUrl + "/login.xhtml");
            clerk.type("login:username", "notary.clerk");
            clerk.type("login:password", portal.demoPassword);
            clerk.click("login:signIn");
            // Signed in only once the answer to the sign-in has arrived; opening a page before would cancel it.
            clerk.wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
            clerk.open(portal.baseUrl + "/clerk/notary/new.xhtml");
            clerk.selectOne("notarisation:documentType", "Affidavit");
            clerk.type("notarisation:parties:0:name", "Pema Lhamo");
            clerk.byId("notarisation:file").sendKeys(pdf.toString());
            clerk.wait.until(d -> d.findElement(By.id("browserHash")).getText().length() == 64);
            clerk.click("notarisation:save");
            clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/notarisation.xhtml") && d.getCurrentUrl().contains("saved=1"));
            String id = clerk.text("factNumber").trim();
            awaitCommitted(clerk, 1);

            browser.open(browserBase + "/verify.xhtml");
            browser.byId("verifyFile").sendKeys(pdf.toString());
            browser.wait.until(d -> d.getCurrentUrl().contains("hash=" + fileHash));
            ledgerNow();
            WebElement valid = browser.byId("match0");
            assertEquals(List.of("FOUND_AS=pass", "PORTAL_RECORD=pass", "LEDGER_ENTRY=pass", "ENDORSEMENT=pass", "STATUS=pass", "HISTORY=pass"),
                    steps(valid), valid.getText());
            assertTrue(valid.getText().contains("A notarised document: notarisation " + id), valid.getText());
            assertTrue(valid.getText().contains("and document hash " + fileHash + ": this document"), valid.getText());
            assertTrue(valid.getText().contains("Valid: notarisation " + id + " is registered"), valid.getText());

            byte[] changed = bytes.clone();
            changed[20_000] ^= 1;
            Path changedPdf = Files.write(work.resolve("affidavit-changed.pdf"), changed);
            browser.open(browserBase + "/verify.xhtml");
            browser.byId("verifyFile").sendKeys(changedPdf.toString());
            String changedHash = sha256(changed);
            browser.wait.until(d -> d.getCurrentUrl().contains("hash=" + changedHash));
            assertTrue(browser.text("verifyReport").contains("Failed. Not found"), browser.text("verifyReport"));
            assertTrue(browser.driver.findElements(By.id("match0")).isEmpty());

            clerk.open(portal.baseUrl + "/clerk/notary/notarisation.xhtml?id=" + id);
            clerk.type("revoke:reason", "Signed under a mistaken identity");
            clerk.click("revoke:submit");
            clerk.wait.until(d -> d.getCurrentUrl().contains("saved=2"));
            awaitCommitted(clerk, 2);
            browser.open(browserBase + "/verify.xhtml?hash=" + fileHash);
            assertTrue(steps(browser.byId("match0")).contains("STATUS=fail"), "revoked, by the portal's index too");
            // A ledger check's answer is reused for druk.ledgerCheck.cacheSeconds (5 s by default): past that, it is read anew.
            Thread.sleep(6000);
            ledgerNow();
            WebElement revoked = browser.byId("match0");
            assertEquals("failed", revoked.findElement(By.cssSelector(".verify-match__verdict")).getAttribute("data-verdict"));
            assertTrue(steps(revoked).contains("STATUS=fail"), steps(revoked).toString());
            assertTrue(revoked.getText().contains("Revoked: notarisation " + id + " was revoked (ledger version 2): Signed under a mistaken identity"),
                    revoked.getText());
            browser.screenshot("verify-portal-revoked");
        }
    }

    @Test
    @Order(7)
    void aBatchMembersStepsPassAndItsProofFollowsTheMerklePathToTheAnchorOnTheLedger() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(Files.writeString(work.resolve("filing-" + i + ".txt"), "Court filing " + i + " of " + pin + " " + System.nanoTime()));
        }
        String memberHash = sha256(Files.readAllBytes(files.get(1)));
        try (Browser clerk = new Browser()) {
            clerk.open(portal.baseUrl + "/clerk/notary/batch.xhtml");
            clerk.type("login:username", "notary.clerk");
            clerk.type("login:password", portal.demoPassword);
            clerk.click("login:signIn");
            clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/batch.xhtml"));
            clerk.byId("batchFiles").sendKeys(files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining("\n")));
            clerk.wait.until(d -> clerk.byId("batch:queue").isEnabled());
            clerk.click("batch:queue");
            BatchPage.awaitAnchored(clerk, 3);
        }

        browser.open(browserBase + "/verify.xhtml");
        browser.byId("verifyFile").sendKeys(files.get(1).toString());
        browser.wait.until(d -> d.getCurrentUrl().contains("hash=" + memberHash));
        ledgerNow();
        WebElement member = browser.byId("match0");
        assertEquals(List.of("FOUND_AS=pass", "PORTAL_RECORD=pass", "LEDGER_ENTRY=pass", "ENDORSEMENT=pass", "STATUS=pass", "HISTORY=pass"),
                steps(member), member.getText());
        assertTrue(member.getText().contains("A member of notary batch") && member.getText().contains("(document 2 of 3)"), member.getText());
        assertTrue(member.getText().contains("the Merkle root of the batch, to which this document's inclusion proof leads"), member.getText());

        browser.click("proofDownload");
        Path proofPath = downloads.resolve("druk-proof-" + memberHash.substring(0, 16) + ".json");
        browser.wait.until(d -> Files.isRegularFile(proofPath) && readOrEmpty(proofPath).endsWith("}"));
        ProofReceipt proof = ProofReceipt.parse(Files.readString(proofPath));
        assertEquals(ProofReceipt.FoundAs.BATCH_MEMBER, proof.foundAs());
        assertEquals(1, proof.inclusion().orElseThrow().leafIndex());
        String anchor = NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", proof.recordKey()).output();
        assertTrue(anchor.contains("\"merkleRoot\":\"" + proof.ledgerHash() + "\""), "the anchor on the auditor's peer: " + anchor);

        browser.open(browserBase + "/verify.xhtml");
        browser.byId("proofDocument").sendKeys(files.get(1).toString());
        browser.byId("proofFile").sendKeys(proofPath.toString());
        browser.wait.until(d -> "passed".equals(d.findElement(By.cssSelector("[data-druk-proof]")).getAttribute("data-druk-proof-result")));
        assertEquals(List.of("format=pass", "document-ok=pass", "inclusion-ok=pass"), offlineChecks());
        assertEquals("verified", checkAgainstLedger(), browser.text("proofForm:proofResult"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** "Check on the ledger now": the same hash answered from the ledger read now instead of the portal's index. */
    private void ledgerNow() {
        browser.click("ledgerNow");
        browser.wait.until(d -> d.getCurrentUrl().contains("ledger=now"));
        assertEquals("LEDGER_NOW", browser.byId("verifySource").getAttribute("data-source"));
    }

    private static List<String> steps(WebElement match) {
        return match.findElements(By.cssSelector(".verify-step")).stream()
                .map(li -> li.getAttribute("data-step") + "=" + li.getAttribute("data-result")).toList();
    }

    /** Waits (refreshing the clerk's page) until the notarisation's version is committed. */
    private static void awaitCommitted(Browser clerk, int version) {
        By row = By.cssSelector("#chainList > li[data-version='" + version + "']");
        clerk.waitUpTo(Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            clerk.waitForAjax();
            WebElement li = d.findElement(row);
            assertFalse(li.getAttribute("class").contains("chain__version--rejected"), "ledger refused v" + version + ": " + li.getText());
            return li.getAttribute("class").contains("chain__version--committed");
        });
    }

    private List<String> offlineChecks() {
        return browser.driver.findElements(By.cssSelector("#offlineChecks li")).stream()
                .map(li -> li.getAttribute("data-check") + "=" + li.getAttribute("data-result")).toList();
    }

    /** Clicks "check against the ledger now" and answers the verdict the page shows. */
    private String checkAgainstLedger() {
        browser.click("proofForm:checkProof");
        browser.wait.until(d -> !d.findElements(By.id("proofVerdict")).isEmpty());
        return browser.byId("proofVerdict").getAttribute("data-verdict");
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

}
