package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.it.RealLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A notary clerk notarises five documents in one go on the batch page, in Chromium, against a
 * portal on the real network that cuts a batch at 3 documents or after 500 ms: the browser hashes
 * them (the page lists the same SHA-256 as Java), the page follows them until every one is anchored,
 * and the ledger (the auditor's peer) holds two anchors whose roots are those of the documents in
 * queue order.
 */
class NotaryBatchBrowserIT {

    @Test
    void aClerkNotarisesABatchOfDocumentsAndEachIsAnchoredOnTheLedger() throws Exception {
        assertTrue(Browser.available(), "install chromium and chromium-driver");
        Path dir = Files.createTempDirectory("druk-notary-batch-");
        List<Path> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            byte[] bytes = ("Court filing " + i + " of run " + run).getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(dir.resolve("filing-" + i + ".txt"), bytes);
            files.add(file);
            hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        RealLedger realLedger = RealLedger.open();
        FabricLedger ledger = realLedger.ledger();
        try (PortalUnderTest portal = PortalUnderTest.startOwn("notary-batch-it", Integer.getInteger("druk.notaryBatch.port", 18397),
                Map.of("DRUK_NOTARY_BATCHSIZE", "3", "DRUK_NOTARY_BATCHMAXWAITMILLIS", "500", "DRUK_DEMO_CONTENT", "false"));
             Browser clerk = new Browser()) {
            clerk.open(portal.baseUrl + "/clerk/notary/batch.xhtml");
            clerk.type("login:username", "notary.clerk");
            clerk.type("login:password", portal.demoPassword);
            clerk.click("login:signIn");
            clerk.wait.until(d -> d.getCurrentUrl().contains("/clerk/notary/batch.xhtml"));

            clerk.byId("batchFiles").sendKeys(files.stream().map(Path::toString).collect(Collectors.joining("\n")));
            clerk.wait.until(d -> clerk.byId("batch:queue").isEnabled());
            List<String> shown = clerk.driver.findElements(By.cssSelector("#batchHashes tbody code")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(hashes, shown, "the browser's SHA-256 of each file, in the order chosen");

            clerk.click("batch:queue");
            List<String> anchors = BatchPage.awaitAnchored(clerk, 5);
            assertEquals(2, anchors.stream().distinct().count(), "3 documents at once, then 2 after the wait: " + anchors);

            LedgerEntry first = RealLedger.awaitEntry(ledger, anchors.get(0), 1);
            LedgerEntry second = RealLedger.awaitEntry(ledger, anchors.get(4), 1);
            assertEquals(MerkleTree.ofDocumentHashes(hashes.subList(0, 3)).rootHex(), first.hash());
            assertEquals(MerkleTree.ofDocumentHashes(hashes.subList(3, 5)).rootHex(), second.hash());
            assertEquals("JusticeMSP", first.submitterMspId());
        } finally {
            realLedger.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
