package bt.druk.registry.domain.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProofReceiptTest {

    private static final String A = CanonicalJson.sha256Hex("a");
    private static final String B = CanonicalJson.sha256Hex("b");
    private static final String C = CanonicalJson.sha256Hex("c");

    private static ProofReceipt batchMember(String sha, MerkleTree tree, int index) {
        return new ProofReceipt(sha, ProofReceipt.FoundAs.BATCH_MEMBER, "anchor:x", 1, tree.rootHex(), "registry", "registry",
                "tx1", 7L, Instant.parse("2026-11-30T10:00:00Z"), List.of("AuditMSP", "JusticeMSP"),
                Optional.of(tree.inclusionProof(index)), Optional.empty(), Instant.parse("2026-11-30T10:01:00Z"), "http://x");
    }

    @Test
    void aBatchMembersProofSurvivesTheRoundTripAndHolds() {
        MerkleTree tree = MerkleTree.ofDocumentHashes(List.of(A, B, C));
        ProofReceipt receipt = batchMember(B, tree, 1);
        ProofReceipt read = ProofReceipt.parse(receipt.toJson());
        assertEquals(receipt, read);
        assertTrue(read.offlineCheck().ok(), read.offlineCheck().reason());
    }

    @Test
    void aProofForAnotherDocumentOrAnotherRootFails() {
        MerkleTree tree = MerkleTree.ofDocumentHashes(List.of(A, B, C));
        assertEquals("proof.inclusion.leaf", batchMember(A, tree, 1).offlineCheck().code());
        ProofReceipt otherRoot = new ProofReceipt(B, ProofReceipt.FoundAs.BATCH_MEMBER, "anchor:x", 1, A, "registry", "registry",
                "tx1", null, null, List.of(), Optional.of(tree.inclusionProof(1)), Optional.empty(), Instant.EPOCH, "http://x");
        assertFalse(otherRoot.offlineCheck().ok());
    }

    @Test
    void aTenderDocumentIsTiedThroughTheRecordDocumentThatNamesIt() {
        String document = "{\"files\":[\"" + A + "\"]}";
        String ledgerHash = CanonicalJson.sha256Hex(document);
        ProofReceipt ok = new ProofReceipt(A, ProofReceipt.FoundAs.TENDER_DOCUMENT, "tender:t", 2, ledgerHash, "registry",
                "registry", "tx", 3L, null, List.of(), Optional.empty(), Optional.of(document), Instant.EPOCH, "http://x");
        assertTrue(ok.offlineCheck().ok());
        ProofReceipt edited = new ProofReceipt(A, ProofReceipt.FoundAs.TENDER_DOCUMENT, "tender:t", 2, ledgerHash, "registry",
                "registry", "tx", 3L, null, List.of(), Optional.empty(), Optional.of(document + " "), Instant.EPOCH, "http://x");
        assertEquals("proof.recordDocument.hash", edited.offlineCheck().code());
        ProofReceipt otherFile = new ProofReceipt(B, ProofReceipt.FoundAs.TENDER_DOCUMENT, "tender:t", 2, ledgerHash, "registry",
                "registry", "tx", 3L, null, List.of(), Optional.empty(), Optional.of(document), Instant.EPOCH, "http://x");
        assertEquals("proof.recordDocument.file", otherFile.offlineCheck().code());
    }

    @Test
    void aRecordDocumentsLedgerHashIsItsOwnHash() {
        ProofReceipt wrong = new ProofReceipt(A, ProofReceipt.FoundAs.RECORD_DOCUMENT, "land-title:1", 1, B, "registry", "registry",
                "tx", null, null, List.of(), Optional.empty(), Optional.empty(), Instant.EPOCH, "http://x");
        assertEquals("proof.ledgerHash", wrong.offlineCheck().code());
    }

    @Test
    void malformedFilesAreRefusedFieldByField() {
        ValidationException e = assertThrows(ValidationException.class, () -> ProofReceipt.parse(
                "{\"format\":\"druk-registry-proof/1\",\"sha256\":\"ABC\",\"foundAs\":\"poem\",\"record\":{\"key\":\"k\"},"
                        + "\"ledger\":{},\"issuedAt\":\"yesterday\",\"issuer\":\"x\"}"));
        List<String> fields = e.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.containsAll(List.of("sha256", "foundAs", "record.version", "record.ledgerHash", "ledger.txId", "issuedAt")),
                fields.toString());
        assertEquals("proof.format", assertThrows(ValidationException.class,
                () -> ProofReceipt.parse("{\"format\":\"other\"}")).errors().get(0).code());
        assertEquals("proof.notJson", assertThrows(ValidationException.class,
                () -> ProofReceipt.parse("not json")).errors().get(0).code());
    }
}
