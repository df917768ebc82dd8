package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.testing.BrowserOnly;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * {@code verify-page.js} in a real headless Chromium: a file chosen or dropped on the verify page is
 * hashed in the browser (Java's SHA-256 of the same bytes) and only that hash leaves it, in the
 * address of the GET lookup; no request carries any of the file's bytes. A proof file is checked
 * in the browser with no request at all, each check shown, and offered to the ledger check only
 * when it reads as a proof.
 *
 * <p>No portal and no ledger: a {@link StaticSite} on 127.0.0.1 (a secure context) serves a page
 * with the verify page's contract and the portal's own scripts, and records every request with its
 * body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserOnly
class VerifyPageBrowserIT {

    /** One request: method, path, body. */
    record Sent(String method, String path, byte[] body) {
    }

    private StaticSite site;
    private Browser browser;
    private Path work;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        site = StaticSite.start((method, path, body) -> {
            if (!path.equals("/favicon.ico")) {
                sent.add(new Sent(method, path, body));
            }
            return switch (path) {
                case "/verify-test.html" -> StaticSite.Response.testResource("/verify-page/verify-test.html", "text/html; charset=utf-8");
                case "/js/file-hash.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/file-hash.js",
                        "text/javascript; charset=utf-8");
                case "/js/verify-page.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/verify-page.js",
                        "text/javascript; charset=utf-8");
                case "/js/merkle-proof.js" -> StaticSite.Response.projectFile("webapp/resources/druk/js/merkle-proof.js",
                        "text/javascript; charset=utf-8");
                case "/looked-up" -> StaticSite.Response.ok("text/html; charset=utf-8",
                        "<!DOCTYPE html><html lang=\"en\"><head><title>looked up</title></head><body><p id=\"lookedUp\">looked up</p></body></html>");
                default -> null;
            };
        });
        work = Files.createTempDirectory("druk-verify-page-");
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }

    @BeforeEach
    void openPage() {
        browser.open(site.baseUrl + "/verify-test.html");
        browser.wait.until(d -> (Boolean) js().executeScript("return !!window.DrukVerify && !!window.DrukMerkle;"));
        sent.clear();
    }

    private JavascriptExecutor js() {
        return browser.driver;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A document of several read slices, full of a marker that must never reach the server. */
    static byte[] document(String marker, int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] line = ("%PDF-1.4 " + marker + " sale agreement of parcel KAW1-1108\n").getBytes(StandardCharsets.UTF_8);
        while (out.size() < megabytes * 1024 * 1024) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    private void assertNoRequestCarried(String marker, byte[] document) {
        byte[] probe = java.util.Arrays.copyOfRange(document, Math.min(1000, document.length / 2), Math.min(1064, document.length));
        for (Sent s : sent) {
            String body = new String(s.body(), StandardCharsets.ISO_8859_1);
            assertFalse(body.contains(marker) || s.path().contains(marker), s.method() + " " + s.path() + " carried the file");
            assertFalse(body.contains(new String(probe, StandardCharsets.ISO_8859_1)), s.method() + " " + s.path() + " carried file bytes");
        }
    }

    @Test
    void aChosenFileIsHashedHereAndOnlyItsHashLeavesInTheAddress() throws Exception {
        String marker = "NOTARISED-" + System.nanoTime();
        byte[] bytes = document(marker, 9);
        Path file = Files.write(work.resolve("agreement.pdf"), bytes);
        WebElement input = browser.byId("verifyFile");
        assertNull(input.getDomAttribute("name"), "the file input has no name, so no form can send it");

        input.sendKeys(file.toString());
        browser.wait.until(d -> d.getCurrentUrl().contains("/looked-up"));
        browser.byId("lookedUp");

        assertEquals(site.baseUrl + "/looked-up?hash=" + sha256(bytes), browser.driver.getCurrentUrl());
        assertEquals(List.of("GET /looked-up"), sent.stream().map(s -> s.method() + " " + s.path()).toList(),
                "one request: the lookup by hash");
        assertTrue(sent.stream().allMatch(s -> s.body().length == 0));
        assertNoRequestCarried(marker, bytes);
    }

    @Test
    void aDroppedFileIsHashedTheSameWay() throws Exception {
        String marker = "DROPPED-" + System.nanoTime();
        byte[] bytes = ("%PDF-1.4 " + marker + " power of attorney").getBytes(StandardCharsets.UTF_8);
        js().executeScript("const file = new File([arguments[0]], 'attorney.pdf', {type: 'application/pdf'});"
                + " const data = new DataTransfer(); data.items.add(file);"
                + " document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
                new String(bytes, StandardCharsets.UTF_8));
        browser.wait.until(d -> d.getCurrentUrl().contains("/looked-up"));
        assertEquals(site.baseUrl + "/looked-up?hash=" + sha256(bytes), browser.driver.getCurrentUrl());
        assertNoRequestCarried(marker, bytes);
    }

    @Test
    void somethingThatIsNotASha256IsRefusedNextToTheFieldWithoutARequest() {
        browser.type("hash", "abc123");
        browser.byId("verifyButton").click();
        browser.wait.until(d -> !d.findElement(By.id("hashMessage")).getText().isEmpty());
        assertEquals("A SHA-256 has exactly 64 hexadecimal characters (0-9, a-f).", browser.text("hashMessage"));
        assertEquals("true", browser.byId("hash").getAttribute("aria-invalid"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/verify-test.html"));
        assertEquals(List.of(), sent);

        String pasted = "AB".repeat(32);
        browser.type("hash", "  " + pasted + " ");
        browser.byId("verifyButton").click();
        browser.wait.until(d -> d.getCurrentUrl().contains("/looked-up"));
        assertEquals(site.baseUrl + "/looked-up?hash=" + "ab".repeat(32), browser.driver.getCurrentUrl(), "pasted hex is trimmed, lower case");
    }

    // ---- proof files ---------------------------------------------------------------------------

    static ProofReceipt proof(String sha, FoundAs foundAs, String key, String ledgerHash, Optional<String> recordDocument,
                              Optional<bt.druk.registry.domain.notary.merkle.InclusionProof> inclusion) {
        return new ProofReceipt(sha, foundAs, key, 1, ledgerHash, "registry", "registry", "4f1c0a9e5b", 12L,
                Instant.parse("2026-11-30T10:00:00Z"), List.of("AuditMSP", "LandMSP"), inclusion, recordDocument,
                Instant.parse("2026-11-30T10:05:00Z"), "https://registry.example.bt");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Chooses the proof (and a document), waits for the offline checks; answers check id → result. */
    private List<String> checkOffline(Path proofFile, Path documentFile) {
        js().executeScript("document.getElementById('proofFile').value = ''; document.getElementById('proofDocument').value = '';"
                + " document.getElementById('proof').removeAttribute('data-druk-proof-result');"
                + " document.getElementById('offlineChecks').textContent = '';");
        if (documentFile != null) {
            browser.byId("proofDocument").sendKeys(documentFile.toString());
        }
        browser.byId("proofFile").sendKeys(proofFile.toString());
        browser.wait.until(d -> d.findElement(By.id("proof")).getAttribute("data-druk-proof-result") != null
                && !d.findElements(By.cssSelector("#offlineChecks li")).isEmpty());
        return browser.driver.findElements(By.cssSelector("#offlineChecks li")).stream()
                .map(li -> li.getAttribute("data-check") + "=" + li.getAttribute("data-result")).toList();
    }

    @Test
    void aRecordDocumentsProofIsCheckedHereWithTheDocumentAndNothingIsSent() throws Exception {
        byte[] document = "{\"data\":{\"pin\":\"KAW1-1108\"},\"version\":1}".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(document);
        Path documentFile = Files.write(work.resolve("record.json"), document);
        Path proofFile = write("record-proof.json", proof(sha, FoundAs.RECORD_DOCUMENT, "land-title:KAW1-1108", sha, Optional.empty(),
                Optional.empty()).toJson());

        assertEquals(List.of("format=pass", "document-ok=pass", "record-ok=pass"), checkOffline(proofFile, documentFile));
        assertEquals("passed", browser.byId("proof").getAttribute("data-druk-proof-result"));
        assertEquals(Files.readString(proofFile), browser.byId("proofText").getAttribute("value"), "the proof's text is ready to send");
        assertTrue(browser.byId("checkProof").isEnabled());
        String shown = browser.text("offlineChecks");
        assertTrue(shown.contains("Passed. The document you chose hashes to " + sha), shown);
        assertTrue(shown.contains("land-title:KAW1-1108 version 1, issued by https://registry.example.bt"), shown);

        Path other = Files.write(work.resolve("other.json"), "{\"other\":true}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("format=pass", "document-bad=fail", "record-ok=pass"), checkOffline(proofFile, other));
        assertTrue(browser.text("offlineChecks").contains("Failed. The document you chose hashes to " + sha256(Files.readAllBytes(other))));

        Path edited = write("edited-proof.json", Files.readString(proofFile).replace("\"ledgerHash\":\"" + sha, "\"ledgerHash\":\"" + "1".repeat(64)));
        assertEquals(List.of("format=pass", "document-none=not-applicable", "record-bad=fail"), checkOffline(edited, null));
        assertEquals("failed", browser.byId("proof").getAttribute("data-druk-proof-result"));
        assertEquals(List.of(), sent, "checking proofs offline sends nothing");
    }

    @Test
    void aTenderDocumentsProofChecksItsRecordDocument() throws Exception {
        String fileSha = sha256("%PDF-1.4 tender notice".getBytes(StandardCharsets.UTF_8));
        String recordDocument = CanonicalJson.canonicalize("{\"data\":{\"documents\":[{\"sha256\":\"" + fileSha
                + "\",\"title\":\"Tender notice ཀ\"}]},\"key\":\"tender:ocds-drk001-2026-0001\",\"version\":1}");
        String ledgerHash = CanonicalJson.sha256Hex(recordDocument);
        ProofReceipt receipt = proof(fileSha, FoundAs.TENDER_DOCUMENT, "tender:ocds-drk001-2026-0001", ledgerHash,
                Optional.of(recordDocument), Optional.empty());
        assertTrue(receipt.offlineCheck().ok(), "Java agrees the proof holds");
        assertEquals(List.of("format=pass", "document-none=not-applicable", "named-ok=pass"),
                checkOffline(write("tender-proof.json", receipt.toJson()), null));

        String changedDocument = recordDocument.replace("Tender notice", "Tender notise");
        ProofReceipt changed = proof(fileSha, FoundAs.TENDER_DOCUMENT, "tender:ocds-drk001-2026-0001", ledgerHash,
                Optional.of(changedDocument), Optional.empty());
        assertFalse(changed.offlineCheck().ok());
        assertEquals(List.of("format=pass", "document-none=not-applicable", "named-hash-bad=fail"),
                checkOffline(write("changed-proof.json", changed.toJson()), null));
        assertTrue(browser.text("offlineChecks").contains("The record document hashes to " + CanonicalJson.sha256Hex(changedDocument)
                + ", not to the ledger hash " + ledgerHash));
        assertEquals(List.of(), sent);
    }

    @Test
    void aBatchMembersProofFollowsItsMerklePathToTheLedgerHash() throws Exception {
        List<String> leaves = IntStream.range(0, 5).mapToObj(i -> CanonicalJson.sha256Hex("court filing " + i)).toList();
        MerkleTree tree = MerkleTree.ofDocumentHashes(leaves);
        ProofReceipt member = proof(leaves.get(3), FoundAs.BATCH_MEMBER, "anchor:2026-11-30-001", tree.rootHex(), Optional.empty(),
                Optional.of(tree.inclusionProof(3)));
        assertEquals(List.of("format=pass", "document-none=not-applicable", "inclusion-ok=pass"),
                checkOffline(write("batch-proof.json", member.toJson()), null));

        ProofReceipt otherRoot = proof(leaves.get(3), FoundAs.BATCH_MEMBER, "anchor:2026-11-30-001", "2".repeat(64), Optional.empty(),
                Optional.of(tree.inclusionProof(3)));
        assertFalse(otherRoot.offlineCheck().ok());
        assertEquals(List.of("format=pass", "document-none=not-applicable", "inclusion-bad=fail"),
                checkOffline(write("other-root-proof.json", otherRoot.toJson()), null));
        assertEquals(List.of(), sent);
    }

    @Test
    void aFileThatIsNoProofIsSaidSoAndNotOfferedToTheLedgerCheck() throws Exception {
        assertEquals(List.of("not-proof=fail"), checkOffline(write("notes.json", "{\"format\":\"something-else/1\"}"), null));
        assertTrue(browser.text("offlineChecks").contains("This is not a Druk Registry proof file: format is not druk-registry-proof/1"));
        assertEquals("", browser.byId("proofText").getAttribute("value"));
        assertFalse(browser.byId("checkProof").isEnabled());
        assertEquals(List.of("not-proof=fail"), checkOffline(write("garbage.json", "%PDF-1.4 not json"), null));
        assertEquals(List.of(), sent);
    }
}
