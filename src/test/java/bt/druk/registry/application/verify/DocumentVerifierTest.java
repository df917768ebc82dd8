package bt.druk.registry.application.verify;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.verify.VerificationStep.Kind;
import bt.druk.registry.application.verify.VerificationStep.Result;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderDocument;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.ProofReceipt;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import bt.druk.registry.testing.SealedTenders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentVerifierTest {

    static final LedgerCoordinates REGISTRY = new LedgerCoordinates("registry", "registry");
    static final String ISSUER = "https://registry.example.bt";

    final PortalHarness h = new PortalHarness();
    final DocumentVerifier verifier = h.documentVerifier;

    // ---- helpers -------------------------------------------------------------------------------

    static Map<Kind, VerificationStep> byKind(List<VerificationStep> steps) {
        return steps.stream().collect(Collectors.toMap(VerificationStep::kind, s -> s, (a, b) -> b));
    }

    static void assertStep(DocumentMatch match, Kind kind, Result expected, String textPart) {
        VerificationStep step = byKind(match.steps()).get(kind);
        assertEquals(expected, step.result(), kind + ": " + step.text());
        assertTrue(step.text().contains(textPart), kind + " says \"" + step.text() + "\", expected it to mention " + textPart);
    }

    static void assertStep(ProofCheck check, Kind kind, Result expected, String textPart) {
        VerificationStep step = byKind(check.steps()).get(kind);
        assertEquals(expected, step.result(), kind + ": " + step.text());
        assertTrue(step.text().contains(textPart), kind + " says \"" + step.text() + "\", expected it to mention " + textPart);
    }

    String registerLand(String pin) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "t-42", "Thimphu", "Kawang", new BigDecimal("1.2500"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        h.submitter.submitDue();
        return "land-title:" + pin;
    }

    static StoredFile pdf(String text) {
        byte[] bytes = ("%PDF-1.4 " + text).getBytes(StandardCharsets.UTF_8);
        return new StoredFile(CanonicalJson.sha256Hex("%PDF-1.4 " + text), bytes.length, FileType.PDF, text + ".pdf");
    }

    String notarise(StoredFile file) {
        String key = h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.SALE_AGREEMENT, LocalDate.of(2025, 10, 30),
                List.of(new PartyText("Tashi Dorji", "11512005678"))), file.sha256(), file).recordKey();
        h.submitter.submitDue();
        return key;
    }

    DocumentMatch only(DocumentVerification result) {
        assertEquals(1, result.matches().size(), () -> "found " + result.matches());
        return result.matches().get(0);
    }

    ProofReceipt issued(String sha) {
        ProofOutcome outcome = verifier.proof(sha, REGISTRY, ISSUER);
        return assertInstanceOf(ProofOutcome.Issued.class, outcome, () -> outcome.toString()).receipt();
    }

    // ---- a record's own document ---------------------------------------------------------------

    @Test
    void aRecordsOwnDocumentPassesEveryStepAndItsProofChecksOfflineAndOnTheLedger() {
        String key = registerLand("VER-1");
        h.follower.follow(() -> true, h.ledger.blockCount());
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();

        DocumentVerification result = verifier.verify(v1.documentHash().toUpperCase());
        assertEquals(v1.documentHash(), result.sha256(), "upper-case hex is accepted and normalised");
        assertEquals(Result.PASS, result.steps().get(0).result());
        DocumentMatch match = only(result);
        assertEquals(FoundAs.RECORD_DOCUMENT, match.foundAs());
        assertEquals(key, match.recordKey());
        assertStep(match, Kind.FOUND_AS, Result.PASS, "record document of " + key + " version 1");
        assertStep(match, Kind.PORTAL_RECORD, Result.PASS, v1.receipt().txId());
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "this document's SHA-256");
        assertStep(match, Kind.ENDORSEMENT, Result.PASS, "endorsed by AuditMSP and LandMSP");
        assertStep(match, Kind.ENDORSEMENT, Result.PASS, "block " + v1.receipt().blockNumber());
        assertStep(match, Kind.STATUS, Result.PASS, "registered on the ledger, at version 1");
        assertStep(match, Kind.HISTORY, Result.PASS, "1 version of " + key);
        assertEquals(1, match.history().size());
        assertTrue(match.verified() && match.proofAvailable());

        ProofReceipt proof = issued(v1.documentHash());
        assertEquals(FoundAs.RECORD_DOCUMENT, proof.foundAs());
        assertEquals(v1.receipt().txId(), proof.txId());
        assertEquals(v1.receipt().blockNumber(), proof.blockNumber());
        assertEquals(List.of("AuditMSP", "LandMSP"), proof.endorsingMspIds());
        assertEquals(ISSUER, proof.issuer());
        assertTrue(proof.offlineCheck().ok());

        ProofCheck check = verifier.checkProof(proof.toJson(), REGISTRY);
        assertTrue(check.passed(), () -> check.steps().toString());
        assertStep(check, Kind.LEDGER_ENTRY, Result.PASS, proof.ledgerHash());
        assertStep(check, Kind.PROOF_TRANSACTION, Result.PASS, proof.txId());
        assertStep(check, Kind.PROOF_DOCUMENT_HASH, Result.NOT_APPLICABLE, "notarisation");
    }

    @Test
    void anOlderVersionOfARecordWarnsThatTheRecordHasChangedSince() {
        String key = registerLand("VER-2");
        String v1 = h.pipeline.current(key).orElseThrow().documentHash();
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("VER-2", 1, "M-1", "Bank of Bhutan"));
        h.submitter.submitDue();

        DocumentMatch match = only(verifier.verify(v1));
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "version 1");
        assertStep(match, Kind.STATUS, Result.WARN, "the record has changed since");
        assertStep(match, Kind.STATUS, Result.WARN, "at version 2");
        assertStep(match, Kind.HISTORY, Result.PASS, "2 versions");
        assertEquals(2, match.history().size());
        assertTrue(match.attention() && !match.verified() && !match.failed());
    }

    @Test
    void aDatabaseRowEditedAfterTheLedgerRecordedItFailsTheLedgerStep() {
        String key = registerLand("VER-3");
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();
        h.records.replaceCanonicalJson(v1.id(), v1.canonicalJson().replace("Kawang", "Chang"));

        DocumentMatch match = only(verifier.verify(v1.documentHash()));
        assertStep(match, Kind.LEDGER_ENTRY, Result.FAIL, "the portal's database was changed");
        assertStep(match, Kind.HISTORY, Result.FAIL, "does not match the ledger");
        assertTrue(match.failed());
        assertFalse(match.verified());
    }

    @Test
    void aLedgerHoldingAnotherHashFailsTheLedgerStepAndTheProofCheck() {
        String key = registerLand("VER-4");
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();
        ProofReceipt proof = issued(v1.hash());
        h.ledger.tamper(key, 1, "0".repeat(64));

        DocumentMatch match = only(verifier.verify(v1.hash()));
        assertStep(match, Kind.LEDGER_ENTRY, Result.FAIL, "The ledger holds " + "0".repeat(64));
        ProofCheck check = verifier.checkProof(proof.toJson(), REGISTRY);
        assertFalse(check.passed());
        assertStep(check, Kind.LEDGER_ENTRY, Result.FAIL, "not the proof's ledger hash");
    }

    // ---- notarised documents -------------------------------------------------------------------

    @Test
    void aNotarisedDocumentIsValidAndTheLedgerEntryNamesItsHash() {
        StoredFile file = pdf("sale agreement");
        String key = notarise(file);
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();

        DocumentMatch match = only(verifier.verify(file.sha256()));
        assertEquals(FoundAs.NOTARISATION, match.foundAs());
        assertEquals(v1.hash(), match.ledgerHash(), "what the ledger holds is the notarisation record's hash");
        assertStep(match, Kind.FOUND_AS, Result.PASS, "notarisation 2025-000001, sale agreement notarised by THIMPHU on 2025-10-30");
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "document hash " + file.sha256());
        assertStep(match, Kind.ENDORSEMENT, Result.PASS, "endorsed by");
        assertStep(match, Kind.STATUS, Result.PASS, "Valid: notarisation 2025-000001 is registered");
        assertTrue(match.verified());

        ProofReceipt proof = issued(file.sha256());
        assertEquals(FoundAs.NOTARISATION, proof.foundAs());
        assertEquals(key, proof.recordKey());
        assertEquals(v1.hash(), proof.ledgerHash());
        ProofCheck check = verifier.checkProof(proof.toJson(), REGISTRY);
        assertTrue(check.passed(), () -> check.steps().toString());
        assertStep(check, Kind.PROOF_DOCUMENT_HASH, Result.PASS, file.sha256());
        assertStep(check, Kind.PROOF_OFFLINE, Result.NOT_APPLICABLE, "document hash");
    }

    @Test
    void aRevokedNotarisationFailsItsStatusNowInTheStepsAndInItsProofCheck() {
        StoredFile file = pdf("power of attorney");
        String key = notarise(file);
        ProofReceipt proof = issued(file.sha256());
        h.notary.revoke(NOTARY_CLERK, key.substring("notarisation:".length()), 1, "Signed under a mistaken identity");
        h.submitter.submitDue();

        DocumentMatch match = only(verifier.verify(file.sha256()));
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "document hash " + file.sha256());
        assertStep(match, Kind.STATUS, Result.FAIL, "Revoked: notarisation 2025-000001 was revoked (ledger version 2): Signed under a mistaken identity");
        assertStep(match, Kind.HISTORY, Result.PASS, "2 versions");
        assertFalse(match.verified());

        ProofCheck check = verifier.checkProof(proof.toJson(), REGISTRY);
        assertFalse(check.passed());
        assertStep(check, Kind.LEDGER_ENTRY, Result.PASS, "version 1");
        assertStep(check, Kind.STATUS, Result.FAIL, "Revoked");
    }

    @Test
    void aSupersededNotarisationNamesItsReplacement() {
        StoredFile old = pdf("old resolution");
        StoredFile replacement = pdf("corrected resolution");
        String oldKey = notarise(old);
        String newKey = notarise(replacement);
        h.notary.supersede(NOTARY_CLERK, oldKey.substring(13), 1, newKey.substring(13), "Corrected the company's name");
        h.submitter.submitDue();

        DocumentMatch match = only(verifier.verify(old.sha256()));
        VerificationStep status = byKind(match.steps()).get(Kind.STATUS);
        assertEquals(Result.FAIL, status.result());
        assertTrue(status.text().startsWith("Superseded: notarisation 2025-000001 was replaced by notarisation 2025-000002"), status.text());
        assertEquals(newKey, status.relatedKey());
        assertStep(only(verifier.verify(replacement.sha256())), Kind.STATUS, Result.PASS, "Valid: notarisation 2025-000002");
    }

    // ---- from the portal's index ---------------------------------------------------------------

    @Test
    void fromTheIndexACommittedDocumentPassesWithTheStoredReceiptAndTheLedgerIsNotAsked() {
        String key = registerLand("IDX-1");
        h.follower.follow(() -> true, h.ledger.blockCount());
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();
        h.ledger.setDown(true); // any ledger call would now make a step "not checked"

        DocumentVerification result = verifier.verifyFromIndex(v1.documentHash());
        assertEquals(DocumentVerification.Source.PORTAL_INDEX, result.source());
        DocumentMatch match = only(result);
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "in transaction " + v1.receipt().txId());
        assertStep(match, Kind.ENDORSEMENT, Result.PASS, "endorsed by AuditMSP and LandMSP");
        assertStep(match, Kind.STATUS, Result.PASS, key + " is now at version 1");
        assertTrue(match.verified() && match.proofAvailable(), match.steps().toString());
        assertTrue(match.history().isEmpty(), "the ledger's history is read only on request");

        DocumentVerification unknown = verifier.verifyFromIndex("ab".repeat(32));
        assertFalse(unknown.found());
        assertEquals(Result.FAIL, unknown.steps().get(1).result());
        assertEquals(DocumentVerification.Source.LEDGER_NOW, verifier.verify(v1.documentHash()).source());
    }

    @Test
    void fromTheIndexAPendingVersionNeedsAttentionAndARevokedNotarisationFails() {
        h.ledger.setDown(true);
        String key = registerLand("IDX-2");
        DocumentMatch pending = only(verifier.verifyFromIndex(h.pipeline.current(key).orElseThrow().documentHash()));
        assertStep(pending, Kind.LEDGER_ENTRY, Result.WARN, "waiting to be committed");
        assertTrue(pending.attention() && !pending.proofAvailable());
        h.ledger.setDown(false);

        StoredFile file = pdf("revoked from the index");
        String notarisation = notarise(file);
        h.notary.revoke(NOTARY_CLERK, notarisation.substring("notarisation:".length()), 1, "Signed under a mistaken identity");
        h.submitter.submitDue();
        DocumentMatch revoked = only(verifier.verifyFromIndex(file.sha256()));
        assertStep(revoked, Kind.LEDGER_ENTRY, Result.PASS, "with document hash " + file.sha256());
        assertStep(revoked, Kind.STATUS, Result.FAIL, "Revoked: notarisation");
        assertTrue(revoked.failed());
    }

    @Test
    void fromTheIndexABatchMembersInclusionProofIsCheckedAgainstItsAnchorsStoredRoot() {
        List<String> documents = List.of(CanonicalJson.sha256Hex("index filing 1"), CanonicalJson.sha256Hex("index filing 2"));
        h.batchAnchors.enqueue(NOTARY_CLERK, documents);
        h.clock.advance(Duration.ofSeconds(2));
        h.batchAnchors.cutDue().orElseThrow();
        h.submitter.submitDue();
        DocumentMatch match = only(verifier.verifyFromIndex(documents.get(1)));
        assertEquals(FoundAs.BATCH_MEMBER, match.foundAs());
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "the Merkle root of the batch");
    }

    // ---- procurement ---------------------------------------------------------------------------

    @Test
    void aTenderDocumentIsFoundInTheTenderVersionThatNamesItAndItsProofCarriesThatVersion() {
        byte[] notice = "%PDF-1.4 tender notice".getBytes(StandardCharsets.UTF_8);
        String noticeHash = CanonicalJson.sha256Hex(new String(notice, StandardCharsets.UTF_8));
        Tender.Terms terms = new Tender.Terms("Bitumen for the Thimphu–Paro highway", "Supply of bitumen", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("12500000.00"), null, h.clock.instant().plus(Duration.ofDays(10)),
                List.of(new TenderItem("Bitumen 80/100", new BigDecimal("400"), "drum")),
                List.of(new TenderDocument("Tender notice", "tenderNotice", "notice.pdf", "application/pdf", notice.length, noticeHash)));
        String key = h.sealed.publish("DES", terms).recordKey();
        h.submitter.submitDue();
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();

        DocumentMatch match = only(verifier.verify(noticeHash));
        assertEquals(FoundAs.TENDER_DOCUMENT, match.foundAs());
        assertEquals(key, match.recordKey());
        assertStep(match, Kind.FOUND_AS, Result.PASS, "A tender document of tender " + key.substring(7));
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "which names this file");
        assertStep(match, Kind.STATUS, Result.PASS, "active.tendering");

        ProofReceipt proof = issued(noticeHash);
        assertEquals(FoundAs.TENDER_DOCUMENT, proof.foundAs());
        assertEquals(v1.canonicalJson(), proof.recordDocument().orElseThrow());
        assertEquals(v1.hash(), proof.ledgerHash());
        assertTrue(proof.offlineCheck().ok(), proof.offlineCheck().reason());
        assertTrue(verifier.checkProof(proof.toJson(), REGISTRY).passed());
    }

    @Test
    void aBidsDocumentItsEnvelopeAndItsOpenedVersionAreEachFound() {
        String ocid = h.sealed.publish("DES", new Tender.Terms("Footbridge", "A footbridge", ProcurementMethod.OPEN,
                MainCategory.WORKS, new BigDecimal("900000.00"), null, h.clock.instant().plus(Duration.ofHours(2)),
                List.of(new TenderItem("Footbridge", BigDecimal.ONE, "unit")), List.of())).recordKey().substring(7);
        h.submitter.submitDue();
        SealedTenders.Document technical = new SealedTenders.Document("technical.pdf", "%PDF-1.4 technical proposal");
        String pdfHash = CanonicalJson.sha256Hex(technical.text());
        String bidKey = h.sealed.lodge(ocid, "CDB-1", "Druk Builders Pvt Ltd", "9800000.00", technical).recordKey();
        h.submitter.submitDue();
        assertFalse(verifier.verify(pdfHash).found(), "a bid's documents are not public before its opening");
        RecordVersion lodged = h.pipeline.current(bidKey).orElseThrow();

        h.clock.advance(Duration.ofHours(2));
        h.sealed.open(ocid);
        h.submitter.submitDue();
        RecordVersion opened = h.pipeline.current(bidKey).orElseThrow();

        DocumentMatch document = only(verifier.verify(pdfHash));
        assertEquals(FoundAs.BID, document.foundAs());
        assertEquals(2, document.version());
        assertStep(document, Kind.LEDGER_ENTRY, Result.PASS, "the opened bid, which names this file");
        assertStep(document, Kind.STATUS, Result.PASS, "opened");
        ProofReceipt proof = issued(pdfHash);
        assertEquals(opened.hash(), proof.ledgerHash());
        assertTrue(proof.offlineCheck().ok(), proof.offlineCheck().reason());
        assertTrue(verifier.checkProof(proof.toJson(), REGISTRY).passed());

        DocumentMatch envelope = only(verifier.verify(lodged.hash()));
        assertStep(envelope, Kind.FOUND_AS, Result.PASS, "sealed envelope of " + bidKey + " version 1");
        DocumentMatch openedVersion = only(verifier.verify(opened.hash()));
        assertStep(openedVersion, Kind.FOUND_AS, Result.PASS, "record document of " + bidKey + " version 2");
        assertTrue(openedVersion.verified());
    }

    // ---- batch members -------------------------------------------------------------------------

    @Test
    void aBatchMemberIsFoundByItsAnchorAndItsInclusionProofLeadsToTheRootOnTheLedger() {
        List<String> documents = List.of(CanonicalJson.sha256Hex("court filing 1"), CanonicalJson.sha256Hex("court filing 2"),
                CanonicalJson.sha256Hex("court filing 3"));
        h.batchAnchors.enqueue(NOTARY_CLERK, documents);
        DocumentVerification queued = verifier.verify(documents.get(1));
        assertFalse(queued.found());
        assertEquals(Result.WARN, queued.steps().get(1).result());
        assertTrue(queued.steps().get(1).text().contains("Queued for a notary batch by THIMPHU"), queued.steps().get(1).text());
        assertInstanceOf(ProofOutcome.NotCommitted.class, verifier.proof(documents.get(1), REGISTRY, ISSUER));

        h.clock.advance(Duration.ofSeconds(2));
        String anchorKey = h.batchAnchors.cutDue().orElseThrow().recordKey();
        DocumentMatch anchoring = only(verifier.verify(documents.get(1)));
        assertEquals(FoundAs.BATCH_MEMBER, anchoring.foundAs());
        assertStep(anchoring, Kind.PORTAL_RECORD, Result.WARN, "still waiting for the ledger");
        assertFalse(anchoring.proofAvailable());
        assertInstanceOf(ProofOutcome.NotCommitted.class, verifier.proof(documents.get(1), REGISTRY, ISSUER));

        h.submitter.submitDue();
        String root = h.ledger.readRecord(anchorKey).orElseThrow().hash();
        DocumentMatch match = only(verifier.verify(documents.get(1)));
        assertEquals(anchorKey, match.recordKey());
        assertEquals(root, match.ledgerHash());
        assertStep(match, Kind.FOUND_AS, Result.PASS, "(document 2 of 3), queued by THIMPHU");
        assertStep(match, Kind.LEDGER_ENTRY, Result.PASS, "the Merkle root of the batch");
        assertStep(match, Kind.STATUS, Result.PASS, "anchored");
        assertTrue(match.verified() && match.proofAvailable());

        ProofReceipt proof = issued(documents.get(1));
        assertEquals(FoundAs.BATCH_MEMBER, proof.foundAs());
        assertEquals(root, proof.ledgerHash());
        assertEquals(1, proof.inclusion().orElseThrow().leafIndex());
        assertTrue(proof.offlineCheck().ok(), proof.offlineCheck().reason());
        ProofCheck check = verifier.checkProof(proof.toJson(), REGISTRY);
        assertTrue(check.passed(), () -> check.steps().toString());
        assertStep(check, Kind.PROOF_OFFLINE, Result.PASS, "Merkle path leads from the document to the root " + root);

        String otherLeaf = ProofReceipt.parse(proof.toJson().replace(documents.get(1), documents.get(2))).toJson();
        assertStep(verifier.checkProof(otherLeaf, REGISTRY), Kind.PROOF_OFFLINE, Result.FAIL, "does not hold together");
    }

    // ---- not found, bad input, no ledger -------------------------------------------------------

    @Test
    void anUnknownHashIsNotFoundAndALedgerOnlyHashIsNamedAsAnotherPortalsRecord() {
        DocumentVerification unknown = verifier.verify("ab".repeat(32));
        assertFalse(unknown.found());
        assertEquals(Result.FAIL, unknown.steps().get(1).result());
        assertTrue(unknown.steps().get(1).text().contains("does not know it either"), unknown.steps().get(1).text());
        assertTrue(unknown.steps().get(1).text().contains("bid or notary batch member"), unknown.steps().get(1).text());
        assertInstanceOf(ProofOutcome.NotFound.class, verifier.proof("ab".repeat(32), REGISTRY, ISSUER));

        h.ledger.writeForeign("land-title:PARO-9", "cd".repeat(32));
        VerificationStep foreign = verifier.verify("cd".repeat(32)).steps().get(1);
        assertTrue(foreign.text().contains("knows it as land-title:PARO-9 version 1, a record this portal has no copy of"), foreign.text());
    }

    @Test
    void somethingThatIsNotASha256IsRefusedForTheHashField() {
        for (String bad : new String[] {null, "", "abc", "g".repeat(64), "ab".repeat(33)}) {
            ValidationException e = assertThrows(ValidationException.class, () -> verifier.verify(bad));
            assertEquals("hash", e.errors().get(0).field());
            assertEquals("hash.format", e.errors().get(0).code());
            assertThrows(ValidationException.class, () -> verifier.proof(bad, REGISTRY, ISSUER));
        }
    }

    @Test
    void anUnreachableLedgerIsAStepResultNotAnError() {
        String key = registerLand("VER-5");
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();
        ProofReceipt proof = issued(v1.hash());
        h.ledger.setDown(true);

        DocumentMatch match = only(verifier.verify(v1.hash()));
        assertStep(match, Kind.PORTAL_RECORD, Result.PASS, "committed");
        for (Kind kind : List.of(Kind.LEDGER_ENTRY, Kind.ENDORSEMENT, Kind.STATUS, Kind.HISTORY)) {
            assertStep(match, kind, Result.NOT_CHECKED, "could not be reached");
        }
        assertFalse(match.verified());
        assertTrue(match.history().isEmpty());
        assertTrue(verifier.verify("ab".repeat(32)).steps().get(1).text().contains("could not be asked"));

        ProofCheck check = verifier.checkProof(proof.toJson(), REGISTRY);
        assertTrue(check.readable());
        assertFalse(check.passed(), "an unchecked proof has not passed");
        assertStep(check, Kind.PROOF_OFFLINE, Result.PASS, "ledger hash");
        assertStep(check, Kind.LEDGER_ENTRY, Result.NOT_CHECKED, "could not be reached");
    }

    @Test
    void aVersionWaitingForTheLedgerHasNoProofYet() {
        h.ledger.setDown(true);
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("VER-6", "t-42", "Thimphu", "Kawang", new BigDecimal("1.2500"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        h.submitter.submitDue();
        RecordVersion v1 = h.pipeline.current("land-title:VER-6").orElseThrow();
        h.ledger.setDown(false);

        DocumentMatch match = only(verifier.verify(v1.hash()));
        assertStep(match, Kind.PORTAL_RECORD, Result.WARN, "still waiting for the ledger");
        assertStep(match, Kind.LEDGER_ENTRY, Result.WARN, "waiting to be committed");
        assertFalse(match.proofAvailable());
        assertFalse(match.verified(), "waiting for the ledger is not verified");
        assertTrue(match.attention());
        ProofOutcome outcome = verifier.proof(v1.hash(), REGISTRY, ISSUER);
        assertTrue(assertInstanceOf(ProofOutcome.NotCommitted.class, outcome).message().contains("still waiting for the ledger"));
    }

    // ---- proof files checked back --------------------------------------------------------------

    @Test
    void aProofWithAnEditedLedgerHashOrTransactionFailsWithTheReason() {
        String key = registerLand("VER-7");
        RecordVersion v1 = h.pipeline.current(key).orElseThrow();
        String json = issued(v1.hash()).toJson();

        ProofCheck hash = verifier.checkProof(json.replace("\"ledgerHash\":\"" + v1.hash(), "\"ledgerHash\":\"" + "1".repeat(64)), REGISTRY);
        assertFalse(hash.passed());
        assertStep(hash, Kind.PROOF_OFFLINE, Result.FAIL, "is not the document's SHA-256");
        assertStep(hash, Kind.LEDGER_ENTRY, Result.FAIL, "not the proof's ledger hash " + "1".repeat(64));

        String txId = v1.receipt().txId();
        ProofCheck tx = verifier.checkProof(json.replace(txId, "f".repeat(32)), REGISTRY);
        assertFalse(tx.passed());
        assertStep(tx, Kind.PROOF_OFFLINE, Result.PASS, "ledger hash");
        assertStep(tx, Kind.PROOF_TRANSACTION, Result.FAIL, "was written by transaction " + txId + ", not " + "f".repeat(32));
        assertStep(tx, Kind.ENDORSEMENT, Result.FAIL, "knows no transaction " + "f".repeat(32));

        ProofCheck endorsers = verifier.checkProof(json.replace("\"LandMSP\"", "\"JusticeMSP\""), REGISTRY);
        assertStep(endorsers, Kind.ENDORSEMENT, Result.FAIL, "the proof says endorsed by AuditMSP and JusticeMSP");

        ProofCheck otherLedger = verifier.checkProof(json, new LedgerCoordinates("registry", "other"));
        assertStep(otherLedger, Kind.PROOF_FILE, Result.FAIL, "this portal's ledger is channel registry, chaincode other");
    }

    @Test
    void anUnreadableProofIsAnsweredFieldByField() {
        ProofCheck notJson = verifier.checkProof("{not json", REGISTRY);
        assertFalse(notJson.readable());
        assertNull(notJson.receipt());
        assertEquals("proof.notJson", notJson.errors().get(0).code());

        ProofCheck broken = verifier.checkProof("{\"format\":\"druk-registry-proof/1\",\"sha256\":\"xyz\",\"foundAs\":\"gift\","
                + "\"record\":{\"key\":\"land-title:X\",\"version\":0,\"ledgerHash\":\"" + "a".repeat(64) + "\"},"
                + "\"ledger\":{\"channel\":\"registry\",\"chaincode\":\"registry\",\"endorsingMspIds\":[]},"
                + "\"issuedAt\":\"yesterday\",\"issuer\":\"x\"}", REGISTRY);
        List<String> fields = broken.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("sha256", "foundAs", "ledger.txId", "issuedAt", "record.version")), fields.toString());
        assertTrue(broken.steps().isEmpty(), "nothing is checked against the ledger for a file that cannot be read");
    }
}
