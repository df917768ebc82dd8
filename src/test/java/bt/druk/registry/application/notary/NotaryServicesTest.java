package bt.druk.registry.application.notary;

import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static bt.druk.registry.testing.PortalHarness.PARO_NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotarisationStatus;
import bt.druk.registry.domain.notary.NotarisationSummary;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.testing.PortalHarness;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotaryServicesTest {

    final PortalHarness h = new PortalHarness();

    static final PartyText KINLEY = new PartyText("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", "10705001234");
    static final PartyText TASHI = new PartyText("Tashi  Dorji", "11512005678");

    static StoredFile pdf(String text) {
        byte[] bytes = ("%PDF-1.4 " + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new StoredFile(CanonicalJson.sha256Hex("%PDF-1.4 " + text), bytes.length, FileType.PDF, "affidavit-kinley-wangmo.pdf");
    }

    Notarisation.Details details() {
        return new Notarisation.Details(DocumentType.POWER_OF_ATTORNEY, LocalDate.of(2025, 10, 30), List.of(KINLEY, TASHI));
    }

    SubmissionAck register(StoredFile file) {
        return h.notary.register(NOTARY_CLERK, details(), file.sha256(), file);
    }

    String registerCommitted(String text) {
        SubmissionAck ack = register(pdf(text));
        h.submitter.submitDue();
        return ack.recordKey().substring("notarisation:".length());
    }

    LedgerCall callOf(String recordKey, int version) {
        RecordVersion v = h.records.findLiveVersion(recordKey, version).orElseThrow();
        OutboxEntry entry = h.records.findOutboxForVersion(v.id()).orElseThrow();
        return entry.call();
    }

    @Test
    void registeringCommitsTheRecordHashAndTheDocumentHashToTheLedger() {
        StoredFile file = pdf("power of attorney");
        SubmissionAck ack = register(file);
        assertEquals("notarisation:2025-000001", ack.recordKey());
        assertEquals(LedgerState.PENDING, ack.ledgerState());
        h.submitter.submitDue();

        RecordVersion v1 = h.pipeline.current(ack.recordKey()).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertEquals(CanonicalJson.sha256Hex(v1.canonicalJson()), h.ledger.readRecord(ack.recordKey()).orElseThrow().hash());
        assertEquals(LedgerCall.of("RegisterNotarisation", ack.recordKey(), v1.hash(), file.sha256(), "THIMPHU"),
                callOf(ack.recordKey(), 1), "(key, hash, documentHash, office) as chaincode/README.md says");

        NotarisationView view = h.notaryQueries.notarisation("2025-000001").orElseThrow();
        assertEquals(NotarisationStatus.REGISTERED, view.notarisation().status());
        assertEquals(DocumentType.POWER_OF_ATTORNEY, view.notarisation().documentType());
        assertEquals("Tashi Dorji", view.notarisation().parties().get(1).name(), "names are normalised");
        assertEquals("10705001234", view.notarisation().parties().get(0).cid());
        assertEquals("affidavit-kinley-wangmo.pdf", view.fileName());
        assertTrue(view.committed());
        NotarisationSummary row = h.notaryQueries.byDocumentHash(file.sha256().toUpperCase()).get(0);
        assertEquals("2025-000001", row.notarisationId());
        assertEquals("THIMPHU", row.notaryOffice());
        assertEquals(LocalDate.of(2025, 10, 30), row.notarisedOn());
        assertEquals(1, row.currentVersion());
        assertEquals(List.of(row), h.notaryQueries.recent(10));
    }

    @Test
    void theHashedRecordNamesPartiesOnlyByCommitmentAndLeavesOutTheFileName() {
        String key = register(pdf("affidavit")).recordKey();
        String json = h.pipeline.current(key).orElseThrow().canonicalJson();
        for (String personal : List.of("Kinley", "ཀུན་ལེགས", "Tashi", "10705001234", "11512005678", "affidavit-kinley-wangmo")) {
            assertFalse(json.contains(personal), personal + " must not be in " + json);
        }
        Notarisation n = h.notaryQueries.notarisation(key.substring(13)).orElseThrow().notarisation();
        for (var party : n.parties()) {
            assertTrue(json.contains(party.commitment()));
        }
        assertTrue(h.queries.publicDocument(CanonicalJson.sha256Hex(json)).isPresent(), "the hashed record is public");
    }

    @Test
    void aFileWhoseServerHashDiffersFromTheBrowsersIsRefusedAndNothingIsSaved() {
        StoredFile received = pdf("received bytes");
        ValidationException e = assertThrows(ValidationException.class,
                () -> h.notary.register(NOTARY_CLERK, details(), pdf("what the browser hashed").sha256(), received));
        assertEquals("file", e.errors().get(0).field());
        assertEquals("notary.file.hashMismatch", e.errors().get(0).code());
        ValidationException none = assertThrows(ValidationException.class,
                () -> h.notary.register(NOTARY_CLERK, details(), " ", received));
        assertEquals("notary.file.browserHash", none.errors().get(0).code());
        assertTrue(h.records.allOutbox().isEmpty());
        assertEquals("notarisation:2025-000001", register(received).recordKey(), "no number was used up");
        assertEquals("notarisation:2025-000002",
                h.notary.register(NOTARY_CLERK, details(), pdf("other").sha256().toUpperCase(), pdf("other")).recordKey(),
                "the browser's hex may be upper case");
    }

    @Test
    void aDocumentHeldByARegisteredNotarisationIsRefusedUntilThatOneIsRevoked() {
        String id = registerCommitted("sale agreement");
        ValidationException e = assertThrows(ValidationException.class, () -> register(pdf("sale agreement")));
        assertEquals("notary.file.duplicate", e.errors().get(0).code());
        assertTrue(e.getMessage().contains(id));

        h.notary.revoke(NOTARY_CLERK, id, 1, "Signed under a mistaken identity");
        h.submitter.submitDue();
        SubmissionAck again = register(pdf("sale agreement"));
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, h.pipeline.current(again.recordKey()).orElseThrow().ledgerState());
        assertEquals(2, h.notaryQueries.byDocumentHash(pdf("sale agreement").sha256()).size());
        assertEquals(NotarisationStatus.REGISTERED, h.notaryQueries.byDocumentHash(pdf("sale agreement").sha256()).get(0).status(),
                "newest first");
    }

    @Test
    void aParoNotaryCannotRevokeAThimphuNotarisation() {
        String id = registerCommitted("deed of gift");
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> h.notary.revoke(PARO_NOTARY_CLERK, id, 1, "Forged seal"));
        assertEquals("notary.clerk2 is of the PARO office; notarisation " + id + " was notarised by the THIMPHU office, and only"
                + " its notaries may revoke or supersede it", e.getMessage());
        assertEquals(1, h.records.versionsOf("notarisation:" + id).size(), "nothing saved, nothing sent to the ledger");
        h.notary.revoke(NOTARY_CLERK, id, 1, "Forged seal");
        assertEquals(2, h.records.versionsOf("notarisation:" + id).size());
    }

    @Test
    void aParoNotaryCannotSupersedeAThimphuNotarisation() {
        String old = registerCommitted("lease v1");
        String replacement = registerCommitted("lease v2");
        assertThrows(AccessDeniedException.class, () -> h.notary.supersede(PARO_NOTARY_CLERK, old, 1, replacement, "Corrected lease"));
        assertEquals(1, h.records.versionsOf("notarisation:" + old).size(), "nothing saved, nothing sent to the ledger");
        h.notary.supersede(NOTARY_CLERK, old, 1, replacement, "Corrected lease");
        assertEquals(2, h.records.versionsOf("notarisation:" + old).size());
    }

    @Test
    void aNotarisationAndItsLedgerCallAreOfTheNotarysOwnOffice() {
        StoredFile file = pdf("paro affidavit");
        SubmissionAck ack = h.notary.register(PARO_NOTARY_CLERK, details(), file.sha256(), file);
        RecordVersion v1 = h.pipeline.current(ack.recordKey()).orElseThrow();
        assertEquals(LedgerCall.of("RegisterNotarisation", ack.recordKey(), v1.hash(), file.sha256(), "PARO"), callOf(ack.recordKey(), 1));
    }

    @Test
    void revokingNeedsARegisteredNotarisationAndAReasonWithoutPersonalData() {
        String id = registerCommitted("affidavit");
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> h.notary.revoke(NOTARY_CLERK, id, 1, "  ")).errors().get(0).field());
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> h.notary.revoke(NOTARY_CLERK, id, 1, "Party 10705001234 withdrew")).errors().get(0).field());
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> h.notary.revoke(NOTARY_CLERK, id, 1, "ask kinley@example.bt")).errors().get(0).field());
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> h.notary.revoke(NOTARY_CLERK, id, 1, "x".repeat(501))).errors().get(0).field());

        SubmissionAck ack = h.notary.revoke(NOTARY_CLERK, id, 1, "  Document found to be forged \n".strip() + "  ");
        h.submitter.submitDue();
        RecordVersion v2 = h.pipeline.current(ack.recordKey()).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v2.ledgerState());
        RecordVersion v1 = h.records.findLiveVersion(ack.recordKey(), 1).orElseThrow();
        assertEquals(LedgerCall.of("RevokeNotarisation", ack.recordKey(), "2", v2.hash(), v1.hash(), "Document found to be forged"),
                callOf(ack.recordKey(), 2));
        NotarisationView view = h.notaryQueries.notarisation(id).orElseThrow();
        assertEquals(NotarisationStatus.REVOKED, view.notarisation().status());
        assertEquals("Document found to be forged", view.notarisation().reason());

        ValidationException twice = assertThrows(ValidationException.class,
                () -> h.notary.revoke(NOTARY_CLERK, id, 2, "Again"));
        assertEquals("notary.state", twice.errors().get(0).code());
        assertEquals("", twice.errors().get(0).field());
    }

    @Test
    void supersedingNeedsAReplacementThatIsRegisteredAndAlreadyOnTheLedger() {
        String old = registerCommitted("resolution v1");
        String pending = register(pdf("resolution v2")).recordKey().substring(13);

        assertEquals("notary.supersede.unknown", assertThrows(ValidationException.class,
                () -> h.notary.supersede(NOTARY_CLERK, old, 1, "2025-000099", "Corrected resolution")).errors().get(0).code());
        assertEquals("notary.supersede.replacement", assertThrows(ValidationException.class,
                () -> h.notary.supersede(NOTARY_CLERK, old, 1, "nonsense", "Corrected resolution")).errors().get(0).code());
        assertEquals("notary.supersede.self", assertThrows(ValidationException.class,
                () -> h.notary.supersede(NOTARY_CLERK, old, 1, old, "Corrected resolution")).errors().get(0).code());
        assertEquals("notary.supersede.pending", assertThrows(ValidationException.class,
                () -> h.notary.supersede(NOTARY_CLERK, old, 1, pending, "Corrected resolution")).errors().get(0).code());

        h.submitter.submitDue();
        SubmissionAck ack = h.notary.supersede(NOTARY_CLERK, old, 1, pending, "Corrected resolution");
        h.submitter.submitDue();
        RecordVersion v2 = h.pipeline.current(ack.recordKey()).orElseThrow();
        RecordVersion v1 = h.records.findLiveVersion(ack.recordKey(), 1).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v2.ledgerState());
        assertEquals(LedgerCall.of("SupersedeNotarisation", ack.recordKey(), "2", v2.hash(), v1.hash(),
                "notarisation:" + pending, "Corrected resolution"), callOf(ack.recordKey(), 2),
                "(key, version, hash, previousHash, supersededByKey, reason)");
        NotarisationView view = h.notaryQueries.notarisation(old).orElseThrow();
        assertEquals(NotarisationStatus.SUPERSEDED, view.notarisation().status());
        assertEquals(pending, view.notarisation().supersededBy());
        assertEquals(pending, h.notarisationRepository.findSummary(ack.recordKey()).orElseThrow().supersededBy());

        // A revoked notarisation cannot replace another.
        String third = registerCommitted("resolution v3");
        h.notary.revoke(NOTARY_CLERK, third, 1, "Withdrawn");
        h.submitter.submitDue();
        assertEquals("notary.supersede.replacementState", assertThrows(ValidationException.class,
                () -> h.notary.supersede(NOTARY_CLERK, pending, 1, third, "Corrected again")).errors().get(0).code());
        assertEquals("notary.state", assertThrows(ValidationException.class,
                () -> h.notary.supersede(NOTARY_CLERK, old, 2, pending, "Corrected again")).errors().get(0).code());
    }

    @Test
    void theFormIsCheckedFieldByFieldBeforeAnythingIsSaved() {
        StoredFile file = pdf("form");
        ValidationException e = assertThrows(ValidationException.class, () -> h.notary.register(NOTARY_CLERK,
                new Notarisation.Details(null, LocalDate.of(2025, 11, 2), List.of(new PartyText(" ", "123"), KINLEY, KINLEY)),
                file.sha256(), file));
        var fields = e.fieldMessages().keySet();
        assertTrue(fields.containsAll(List.of("documentType", "notarisedOn", "parties[0].name", "parties[0].cid", "parties[2].name")),
                fields.toString());
        assertEquals("parties", assertThrows(ValidationException.class, () -> h.notary.register(NOTARY_CLERK,
                new Notarisation.Details(DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 1), List.of()), file.sha256(), file))
                .errors().get(0).field());
        assertTrue(h.records.allOutbox().isEmpty());
        SubmissionAck foreign = h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.CERTIFIED_TRANSLATION,
                LocalDate.of(2025, 11, 1), List.of(new PartyText("Acme GmbH", ""))), file.sha256(), file);
        assertNull(h.notaryQueries.notarisation(foreign.recordKey().substring(13)).orElseThrow().notarisation().parties().get(0).cid(),
                "a party without a CID");
    }

    @Test
    void partiesAndReasonsRefuseControlAndTextDirectionCharactersAndAreKeptInNfc() {
        StoredFile file = pdf("text rule");
        ValidationException e = assertThrows(ValidationException.class, () -> h.notary.register(NOTARY_CLERK,
                new Notarisation.Details(DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 30),
                        List.of(new PartyText("\u0000\u202e<script>alert(1)</script>", "10705001234"), TASHI)), file.sha256(), file));
        assertEquals(List.of("parties[0].name"), List.copyOf(e.fieldMessages().keySet()));
        assertEquals("text.characters", e.errors().get(0).code());
        assertTrue(h.records.allOutbox().isEmpty(), "nothing saved");

        SubmissionAck ack = h.notary.register(NOTARY_CLERK, new Notarisation.Details(DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 30),
                List.of(KINLEY, new PartyText("Rene\u0301 Dorji", null))), file.sha256(), file);
        String id = ack.recordKey().substring("notarisation:".length());
        var parties = h.notaryQueries.notarisation(id).orElseThrow().notarisation().parties();
        assertEquals("ཀུན་ལེགས་དབང་མོ་ Kinley Wangmo", parties.get(0).name(), "Dzongkha kept");
        assertEquals("Ren\u00e9 Dorji", parties.get(1).name(), "composed before its commitment is made");
        h.submitter.submitDue();

        ValidationException reason = assertThrows(ValidationException.class,
                () -> h.notary.revoke(NOTARY_CLERK, id, 1, "forged \u202edrow"));
        assertEquals("reason", reason.errors().get(0).field());
        assertEquals("text.characters", reason.errors().get(0).code());
    }

    @Test
    void onlyANotaryClerkChangesTheRegister() {
        StoredFile file = pdf("x");
        assertThrows(AccessDeniedException.class, () -> h.notary.register(PortalHarness.CLERK, details(), file.sha256(), file));
        String id = registerCommitted("y");
        StaffMember procurement = PortalHarness.PROCUREMENT_CLERK;
        assertThrows(AccessDeniedException.class, () -> h.notary.revoke(procurement, id, 1, "No"));
        assertThrows(AccessDeniedException.class,
                () -> h.batchAnchors.enqueue(StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU"), List.of(file.sha256())));
    }

    @Test
    void verifyOnLedgerMatchesUntilARowIsEditedInTheDatabase() {
        String id = registerCommitted("deed");
        h.notary.revoke(NOTARY_CLERK, id, 1, "Superseded by a court order");
        h.submitter.submitDue();
        String key = "notarisation:" + id;
        LedgerVerification ok = h.verification.verifyOnLedger(key);
        assertEquals(LedgerVerification.Outcome.VERIFIED, ok.outcome(), ok.message());

        RecordVersion v1 = h.records.findLiveVersion(key, 1).orElseThrow();
        h.records.replaceCanonicalJson(v1.id(), v1.canonicalJson().replace("power-of-attorney", "affidavit"));
        LedgerVerification edited = h.verification.verifyOnLedger(key);
        assertEquals(LedgerVerification.Outcome.MISMATCH, edited.outcome());
        assertNotEquals(edited.versions().get(0).ledgerHash(), edited.versions().get(0).recomputedHash());
    }

    @Test
    void aBatchAnchorPutsTheMerkleRootOfItsLeavesOnTheLedgerAndTheImprintRecomputesIt() {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            leaves.add(CanonicalJson.sha256Hex("court filing " + i));
        }
        String root = MerkleTree.ofDocumentHashes(leaves).rootHex();
        h.batchAnchors.enqueue(NOTARY_CLERK, leaves);
        h.clock.advance(java.time.Duration.ofSeconds(2));
        SubmissionAck ack = h.batchAnchors.cutDue().orElseThrow();
        assertTrue(ack.recordKey().matches("anchor:2025-11-01-[0-9a-f]{12}"), ack.recordKey());
        assertEquals(root, ack.hash());
        h.submitter.submitDue();

        RecordVersion v1 = h.pipeline.current(ack.recordKey()).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertEquals(MerkleRootImprint.CODE, v1.imprint());
        assertEquals(root, h.ledger.readRecord(ack.recordKey()).orElseThrow().hash());
        assertEquals(LedgerCall.of("AnchorBatch", ack.recordKey(), root, "7", "THIMPHU"), callOf(ack.recordKey(), 1),
                "(key, merkleRoot, leafCount, office)");
        assertEquals(root, h.imprints.of("merkle-root").ledgerHash(v1.canonicalJson()));
        assertTrue(h.imprints.of("merkle-root").hashedText(v1.canonicalJson()).isEmpty());
        assertEquals(LedgerVerification.Outcome.VERIFIED, h.verification.verifyOnLedger(ack.recordKey()).outcome());

        InclusionProof proof = MerkleTree.ofDocumentHashes(leaves).inclusionProof(4);
        assertTrue(proof.verifyAgainst(h.ledger.readRecord(ack.recordKey()).orElseThrow().hash()).ok(),
                "a document's inclusion proof leads to the root on the ledger");

        // A leaf edited in the database (or two swapped) no longer gives the root the ledger holds.
        String swapped = v1.canonicalJson().replace(leaves.get(0), "@").replace(leaves.get(1), leaves.get(0)).replace("@", leaves.get(1));
        h.records.replaceCanonicalJson(v1.id(), swapped);
        assertNotEquals(root, h.imprints.of("merkle-root").ledgerHash(swapped));
        assertEquals(LedgerVerification.Outcome.MISMATCH, h.verification.verifyOnLedger(ack.recordKey()).outcome());
    }
}
