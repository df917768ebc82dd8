package bt.druk.registry.application.procurement;

import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.Bytes;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.InMemorySealedOpening;
import bt.druk.registry.testing.PortalHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SealedBidsTest {

    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    static final StaffMember NOTARY = PortalHarness.NOTARY_CLERK;
    private static final SecureRandom RANDOM = new SecureRandom();

    final PortalHarness h = new PortalHarness();
    final Map<StaffMember, KeyPair> keys = new LinkedHashMap<>();
    String ocid;
    Tender tender;

    @BeforeEach
    void publishASealedTenderToThreeHolders() {
        for (StaffMember holder : List.of(PROCUREMENT_CLERK, INSPECTOR, NOTARY)) {
            KeyPair pair = P256.generate(RANDOM);
            keys.put(holder, pair);
            h.openingKeys.register(holder, Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()));
        }
        TenderOpening opening = h.openingKeys.openingOf(List.of("procurement.clerk", "inspector", "notary.clerk"), 2);
        var ack = h.tenders.publish(PROCUREMENT_CLERK, "DES", new Tender.Terms("Bitumen", "80/100 grade",
                ProcurementMethod.OPEN, MainCategory.GOODS, new BigDecimal("12500000.00"), null,
                h.clock.instant().plus(Duration.ofDays(1)), List.of(new TenderItem("Bitumen", new BigDecimal("400"), "drum")),
                List.of()), opening, Duration.ZERO);
        h.submitter.submitDue();
        ocid = ack.recordKey().substring("tender:".length());
        tender = TenderService.read(h.pipeline.current(ack.recordKey()).orElseThrow());
    }

    String seal(String supplierId, String price, byte[] document) {
        List<byte[]> spkis = keys.values().stream().map(k -> k.getPublic().getEncoded()).toList();
        String bid = new SealedBidContent(ocid, supplierId, price, "BTN", List.of(new SealedBidContent.Document("boq.pdf",
                "document-1", Bytes.sha256Hex(document)))).toCanonicalJson();
        return EnvelopeSealer.seal(ocid, bid, List.of(document), spkis, 2).toCanonicalJson();
    }

    /** What holder {@code member}'s browser does: decrypt its share of every envelope, post them. */
    String post(StaffMember member) {
        KeyPair pair = keys.get(member);
        Map<String, String> shares = new LinkedHashMap<>();
        h.sealedBids.envelopesToOpen(ocid).forEach((bidKey, text) -> {
            SealedEnvelope envelope;
            try {
                envelope = SealedEnvelope.parse(text);
            } catch (ValidationException unreadable) {
                shares.put(bidKey, null); // as the page does: this holder has no share of that bid to give
                return;
            }
            int index = envelope.holders().stream().filter(x -> x.publicKeySha256().equals(
                    EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic()))).findFirst().orElseThrow().index();
            KeyShare share = ShareCipher.decrypt(envelope, index, pair.getPrivate(), (ECPublicKey) pair.getPublic());
            shares.put(bidKey, Base64.getUrlEncoder().withoutPadding().encodeToString(share.toBytes()));
        });
        return h.sealedBids.postShares(member, ocid, shares);
    }

    SealedBidRecord bid(String bidKey) {
        return SealedBidRecord.fromJson(RecordKey.parse(bidKey),
                RecordDocument.dataOf(h.pipeline.current(bidKey).orElseThrow().canonicalJson()));
    }

    @Test
    void theTenderPutsItsHoldersKeyHashesOnTheLedger() {
        LedgerEntry entry = h.ledger.readRecord("tender:" + ocid).orElseThrow();
        assertEquals("active.tendering", entry.status());
        LedgerCall call = h.ledger.committedCalls().get(0);
        assertEquals("PublishSealedTender", call.function());
        assertEquals(tender.opening().ledgerJson(), call.arguments().get(4));
        assertTrue(call.arguments().get(4).contains(tender.opening().holder(2).publicKeySha256()));
        assertTrue(tender.isSealed());
    }

    @Test
    void aSupplierLodgesOneBidAndMayReplaceItOnlyByWithdrawingIt() {
        var first = h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1}));
        h.submitter.submitDue();
        ValidationException second = assertThrows(ValidationException.class,
                () -> h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "90.00", new byte[] {2})));
        assertEquals("sealedBid.oneBid", second.errors().get(0).code());
        LedgerEntry lodged = h.ledger.readRecord(first.recordKey()).orElseThrow();
        assertEquals("lodged", lodged.status());
        assertEquals(bid(first.recordKey()).envelopeSha256(), lodged.hash());

        assertThrows(ValidationException.class, () -> h.sealedBids.withdraw("CDB-2", first.recordKey()), "another supplier's bid");
        h.sealedBids.withdraw("CDB-1", first.recordKey());
        h.submitter.submitDue();
        assertEquals("withdrawn", h.ledger.readRecord(first.recordKey()).orElseThrow().status());
        var replacement = h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "90.00", new byte[] {2}));
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, h.pipeline.current(replacement.recordKey()).orElseThrow().ledgerState());
        h.clock.advance(Duration.ofDays(2));
        assertEquals(List.of(replacement.recordKey()), List.copyOf(h.sealedBids.envelopesToOpen(ocid).keySet()));
    }

    @Test
    void anEnvelopeSealedForOtherKeysOrAnotherTenderIsRefused() {
        String envelope = seal("CDB-1", "100.00", new byte[] {1});
        String otherKeys = EnvelopeSealer.seal(ocid, "{\"a\":1}", List.of(), List.of(P256.generate(RANDOM).getPublic().getEncoded(),
                P256.generate(RANDOM).getPublic().getEncoded(), P256.generate(RANDOM).getPublic().getEncoded()), 2).toCanonicalJson();
        ValidationException e = assertThrows(ValidationException.class, () -> h.sealedBids.lodge("CDB-1", "D", ocid, otherKeys));
        assertEquals("sealedBid.envelope.tender", e.errors().get(0).code());
        assertThrows(ValidationException.class, () -> h.sealedBids.lodge("CDB-1", "D", ocid, envelope.replace("{\"holders", " {\"holders")));
        assertThrows(ValidationException.class, () -> h.sealedBids.lodge("CDB-1", "D", ocid, ""));
    }

    @Test
    void noHolderPostsBeforeTheDeadlineAndOneHolderOpensNothing() {
        h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1}));
        h.submitter.submitDue();
        ValidationException early = assertThrows(ValidationException.class, () -> h.sealedBids.postShares(INSPECTOR, ocid, Map.of()));
        assertEquals("sealedBid.shares.early", early.errors().get(0).code());

        h.clock.advance(Duration.ofDays(1).plusSeconds(1));
        post(INSPECTOR);
        ValidationException tooFew = assertThrows(ValidationException.class, () -> h.sealedBids.openAll(PROCUREMENT_CLERK, ocid));
        assertEquals("sealedBid.open.shares", tooFew.errors().get(0).code());
        ValidationException twice = assertThrows(ValidationException.class, () -> post(INSPECTOR));
        assertTrue(twice.getMessage().contains("already on the ledger"), twice.getMessage());
    }

    @Test
    void withKSharesEveryBidOpensAtOnceAndATamperedOneIsInvalidWithItsReason() {
        var a = h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1}));
        var b = h.sealedBids.lodge("CDB-2", "Yangphel", ocid, seal("CDB-2", "95.50", new byte[] {2}));
        var c = h.sealedBids.lodge("CDB-3", "Tashi", ocid, seal("CDB-3", "80.00", new byte[] {3}));
        var d = h.sealedBids.lodge("CDB-4", "Norbu", ocid, seal("CDB-0", "70.00", new byte[] {4}));
        h.submitter.submitDue();
        // The operator edits a stored envelope after lodging: its hash no longer matches the ledger's.
        String cHash = bid(c.recordKey()).envelopeSha256();
        h.envelopes.overwrite(cHash, h.envelopes.get(cHash).orElseThrow().replace("\"k\":2", "\"k\":2 "));

        h.clock.advance(Duration.ofDays(1).plusSeconds(1));
        post(INSPECTOR);
        post(NOTARY);
        assertThrows(AccessDeniedException.class, () -> h.sealedBids.openAll(StaffMember.clerk("procurement.paro",
                bt.druk.registry.domain.shared.Register.PROCUREMENT, "PARO"), ocid), "another office does not open");
        SealedBids.OpeningReport report = h.sealedBids.openAll(PROCUREMENT_CLERK, ocid);
        h.submitter.submitDue();

        assertEquals(List.of(a.recordKey() + " valid 100.00 BTN", b.recordKey() + " valid 95.50 BTN",
                c.recordKey() + " invalid hash-mismatch", d.recordKey() + " invalid malformed"),
                report.opened().stream().map(BidVerdict::line).toList());
        assertTrue(report.waiting().isEmpty());
        assertEquals("opened", h.ledger.readRecord(a.recordKey()).orElseThrow().status());
        assertEquals("invalid", h.ledger.readRecord(c.recordKey()).orElseThrow().status());
        assertEquals("Yangphel", bid(b.recordKey()).opening().supplierName());
        assertFalse(bid(d.recordKey()).opening().valid());
        assertEquals(TenderStatus.EVALUATION, TenderService.read(h.pipeline.current("tender:" + ocid).orElseThrow()).status());

        h.tenders.award(PROCUREMENT_CLERK, ocid, null, b.recordKey());
        h.submitter.submitDue();
        assertEquals("awarded", h.ledger.readRecord("tender:" + ocid).orElseThrow().status());
    }

    @Test
    void aValidBidsDocumentsBecomeDownloadableAtTheOpeningAndNotBefore() {
        byte[] boq = "%PDF-1.7 bill of quantities of Druk Builders".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] notPdf = "plain text the file store does not take".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", boq));
        var other = h.sealedBids.lodge("CDB-2", "Yangphel", ocid, seal("CDB-2", "95.50", notPdf));
        h.submitter.submitDue();
        assertTrue(h.files.bytes.isEmpty(), "nothing readable is stored before the opening");

        h.clock.advance(Duration.ofDays(1).plusSeconds(1));
        post(INSPECTOR);
        post(NOTARY);
        h.sealedBids.openAll(PROCUREMENT_CLERK, ocid);

        assertEquals(java.util.Set.of(Bytes.sha256Hex(boq)), h.files.bytes.keySet());
        assertTrue(bid(other.recordKey()).opening().valid(), "a document the store does not take leaves the bid standing");
    }

    /** Issue 25 item 7, and the order of lodging: an acknowledged envelope is on disk; one nothing needs is swept. */
    @Nested
    class Envelopes {

        final Duration overGrace = h.envelopeSweepPolicy.grace().plusSeconds(1);

        String lodged(String supplierId, String price, int document) {
            var ack = h.sealedBids.lodge(supplierId, "Supplier " + supplierId, ocid, seal(supplierId, price, new byte[] {(byte) document}));
            h.submitter.submitDue();
            return ack.recordKey();
        }

        SealedBids withSuppliers(InMemorySealedOpening.Suppliers suppliers) {
            return new SealedBids(h.pipeline, h.tenderRepository, suppliers, h.envelopes, h.openingKeys, h.sealedBidOpening,
                    h.envelopeSweeper, h.ledger, h.procurementPolicy, h.clock);
        }

        @Test
        void theEnvelopeIsOnDiskBeforeTheBidsRowsAreWritten() {
            String text = seal("CDB-1", "100.00", new byte[] {1});
            AtomicBoolean storedFirst = new AtomicBoolean();
            SealedBids bids = withSuppliers(new InMemorySealedOpening.Suppliers() {
                @Override
                public void add(SealedBidSupplier supplier) {
                    storedFirst.set(h.envelopes.contains(CanonicalJson.sha256Hex(text)));
                    super.add(supplier);
                }
            });
            bids.lodge("CDB-1", "Druk Builders", ocid, text);
            assertTrue(storedFirst.get());
        }

        @Test
        void aStoreThatCannotWriteRefusesTheLodgingBeforeAnyRowIsWritten() {
            h.envelopes.failNextPut(new IOException("No space left on device"));
            assertThrows(UncheckedIOException.class,
                    () -> h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1})));
            assertTrue(h.tenderRepository.bidsOf("tender:" + ocid).isEmpty());
            assertTrue(h.sealedBidSuppliers.all().isEmpty());
            assertTrue(h.records.pending(10).isEmpty());
        }

        @Test
        void aLodgingWhoseDatabaseWorkFailsIsNotAcknowledgedAndItsEnvelopeIsSweptOnlyAfterTheGrace() {
            String text = seal("CDB-1", "100.00", new byte[] {1});
            String sha = CanonicalJson.sha256Hex(text);
            SealedBids bids = withSuppliers(new InMemorySealedOpening.Suppliers() {
                @Override
                public void add(SealedBidSupplier supplier) {
                    throw new IllegalStateException("the database connection was lost during the commit");
                }
            });
            assertThrows(IllegalStateException.class, () -> bids.lodge("CDB-1", "Druk Builders", ocid, text), "no 201");
            assertTrue(h.envelopes.contains(sha), "written first, so left behind by the rollback");

            h.clock.advance(h.envelopeSweepPolicy.grace().minusSeconds(1));
            EnvelopeSweeper.Sweep early = h.envelopeSweeper.sweep();
            assertEquals(1, early.recent());
            assertTrue(h.envelopes.contains(sha), "as young as a lodging still in flight: kept");

            h.clock.advance(Duration.ofSeconds(2));
            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 1, 0, 0, 0, 0), h.envelopeSweeper.sweep());
            assertFalse(h.envelopes.contains(sha));
        }

        @Test
        void aWithdrawnBidsEnvelopeGoesOnceTheLedgerHasTheWithdrawal() {
            String key = lodged("CDB-1", "100.00", 1);
            String sha = bid(key).envelopeSha256();
            h.clock.advance(overGrace);
            h.sealedBids.withdraw("CDB-1", key);

            assertEquals(1, h.envelopeSweeper.sweepWithdrawals().inUse(), "the ledger may still refuse the withdrawal");
            assertEquals(1, h.envelopeSweeper.sweep().inUse());
            assertTrue(h.envelopes.contains(sha));

            h.submitter.submitDue();
            assertEquals(new EnvelopeSweeper.Sweep(1, 0, 0, 0, 0, 0, 0), h.envelopeSweeper.sweepWithdrawals());
            assertFalse(h.envelopes.contains(sha));
            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 0, 0, 0, 0, 0), h.envelopeSweeper.sweepWithdrawals(), "forgotten once gone");
        }

        @Test
        void aBidWithdrawnWithinTheGraceLosesItsEnvelopeToALaterSweep() {
            String key = lodged("CDB-1", "100.00", 1);
            String sha = bid(key).envelopeSha256();
            h.sealedBids.withdraw("CDB-1", key);
            h.submitter.submitDue();
            assertEquals(1, h.envelopeSweeper.sweepWithdrawals().recent());
            assertTrue(h.envelopes.contains(sha));

            h.clock.advance(overGrace);
            assertEquals(1, h.envelopeSweeper.sweepWithdrawals().withdrawn());
            assertFalse(h.envelopes.contains(sha));
        }

        @Test
        void aWithdrawalTheLedgerRefusesKeepsTheEnvelopeOfTheBidThatStandsLodged() {
            String key = lodged("CDB-1", "100.00", 1);
            String sha = bid(key).envelopeSha256();
            h.clock.advance(overGrace);
            h.sealedBids.withdraw("CDB-1", key);
            h.ledger.refuseNext("DEADLINE_PASSED", key + ": bids can be withdrawn only before the bid deadline");
            h.submitter.submitDue();
            assertTrue(bid(key).isLodged());

            assertEquals(1, h.envelopeSweeper.sweepWithdrawals().inUse());
            h.clock.advance(Duration.ofDays(2));
            assertEquals(1, h.envelopeSweeper.sweep().inUse());
            assertTrue(h.envelopes.contains(sha));
            assertEquals(List.of(key), List.copyOf(h.sealedBids.envelopesToOpen(ocid).keySet()));
            assertTrue(h.sealedBids.envelopesToOpen(ocid).get(key) != null, "the opening still has it");
        }

        @Test
        void aLodgingTheLedgerRefusedLosesItsEnvelope() {
            h.ledger.refuseNext("ALREADY_EXISTS", "supplier already has a bid on this tender");
            var ack = h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1}));
            h.submitter.submitDue();
            assertEquals(LedgerState.REJECTED, h.records.versionsOf(ack.recordKey()).get(0).ledgerState());
            String sha = h.records.versionsOf(ack.recordKey()).get(0).hash();
            assertTrue(h.envelopes.contains(sha));

            h.clock.advance(overGrace);
            assertEquals(new EnvelopeSweeper.Sweep(0, 1, 0, 0, 0, 0, 0), h.envelopeSweeper.sweep());
            assertFalse(h.envelopes.contains(sha));
        }

        @Test
        void afterARefusedLodgingTheNextBidGetsANewNumberAndTheSupplierMayLodgeAgain() {
            h.ledger.refuseNext("DEADLINE_PASSED", "bids are lodged only before the bid deadline");
            var refused = h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1}));
            h.submitter.submitDue();
            assertEquals(LedgerState.REJECTED, h.records.versionsOf(refused.recordKey()).get(0).ledgerState());

            var other = h.sealedBids.lodge("CDB-2", "Yangphel", ocid, seal("CDB-2", "95.00", new byte[] {2}));
            var again = h.sealedBids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "99.00", new byte[] {3}));
            h.submitter.submitDue();
            assertEquals(List.of(refused.recordKey().replaceAll("\\d+$", "2"), refused.recordKey().replaceAll("\\d+$", "3")),
                    List.of(other.recordKey(), again.recordKey()));
            assertEquals("lodged", h.ledger.readRecord(other.recordKey()).orElseThrow().status());
            assertEquals("lodged", h.ledger.readRecord(again.recordKey()).orElseThrow().status());
        }

        @Test
        void anOrphanYoungerThanTheGraceIsKeptAndAnOlderOneRemoved() throws IOException {
            String old = h.envelopes.put("{\"an\":\"envelope no bid names\"}");
            h.clock.advance(Duration.ofMinutes(30));
            String young = h.envelopes.put("{\"another\":\"envelope no bid names\"}");
            h.clock.advance(Duration.ofMinutes(31));

            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 1, 0, 0, 1, 0), h.envelopeSweeper.sweep());
            assertFalse(h.envelopes.contains(old));
            assertTrue(h.envelopes.contains(young));
        }

        @Test
        void anEnvelopeOfABidTheDatabaseLostButTheLedgerHasIsKept() throws IOException {
            // As after restoring the database from a backup older than the bid.
            String sha = h.envelopes.put(seal("CDB-9", "80.00", new byte[] {9}));
            h.ledger.writeForeign("bid:" + ocid + ":9", sha);
            h.clock.advance(overGrace);
            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 0, 0, 1, 0, 0), h.envelopeSweeper.sweep());
            assertTrue(h.envelopes.contains(sha));
        }

        @Test
        void anOrphanIsKeptWhileTheLedgerCannotBeAsked() throws IOException {
            String sha = h.envelopes.put("{\"an\":\"envelope no bid names\"}");
            h.clock.advance(overGrace);
            h.ledger.setDown(true);
            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 0, 0, 0, 0, 1), h.envelopeSweeper.sweep());
            assertTrue(h.envelopes.contains(sha));
            h.ledger.setDown(false);
            assertEquals(1, h.envelopeSweeper.sweep().orphaned());
        }

        @Test
        void lodgingTheSameTextAgainMakesItNewlyStored() throws IOException {
            String text = "{\"an\":\"envelope\"}";
            String sha = h.envelopes.put(text);
            h.clock.advance(overGrace);
            h.envelopes.put(text);
            assertEquals(1, h.envelopeSweeper.sweep().recent());
            assertTrue(h.envelopes.contains(sha));
        }

        @Test
        void aLodgingStillWaitingForTheLedgerKeepsItsEnvelope() {
            h.ledger.setDown(true);
            String key = lodged("CDB-1", "100.00", 1);
            assertEquals(LedgerState.PENDING, h.pipeline.current(key).orElseThrow().ledgerState());
            h.clock.advance(overGrace);
            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 0, 1, 0, 0, 0), h.envelopeSweeper.sweep());
            assertTrue(h.envelopes.contains(bid(key).envelopeSha256()));
        }

        @Test
        void openedAndInvalidBidsKeepTheirEnvelopesForGood() {
            String valid = lodged("CDB-1", "100.00", 1);
            String invalid = lodged("CDB-2", "95.00", 2);
            String invalidSha = bid(invalid).envelopeSha256();
            h.envelopes.overwrite(invalidSha, h.envelopes.get(invalidSha).orElseThrow().replace("\"k\":2", "\"k\":2 "));
            h.clock.advance(Duration.ofDays(1).plusSeconds(1));
            post(INSPECTOR);
            post(NOTARY);
            h.sealedBids.openAll(PROCUREMENT_CLERK, ocid);
            h.submitter.submitDue();
            assertEquals(SealedBidRecord.OPENED, bid(valid).status());
            assertEquals(SealedBidRecord.INVALID, bid(invalid).status());

            h.clock.advance(Duration.ofDays(3650));
            assertEquals(new EnvelopeSweeper.Sweep(0, 0, 0, 2, 0, 0, 0), h.envelopeSweeper.sweep());
            assertTrue(h.envelopes.contains(bid(valid).envelopeSha256()));
            assertTrue(h.envelopes.contains(invalidSha));
        }

        @Test
        void eachTickLooksAtWithdrawalsAndTheWholeStoreIsSweptOncePerInterval() throws IOException {
            EnvelopeSweeper sweeper = new EnvelopeSweeper(h.envelopes, h.envelopeUses, h.ledger,
                    new EnvelopeSweepPolicy(Duration.ofHours(1), Duration.ofHours(6)), h.clock);
            SealedBids bids = new SealedBids(h.pipeline, h.tenderRepository, h.sealedBidSuppliers, h.envelopes, h.openingKeys,
                    h.sealedBidOpening, sweeper, h.ledger, h.procurementPolicy, h.clock);
            String key = bids.lodge("CDB-1", "Druk Builders", ocid, seal("CDB-1", "100.00", new byte[] {1})).recordKey();
            h.submitter.submitDue();
            String withdrawn = bid(key).envelopeSha256();
            String orphan = h.envelopes.put("{\"an\":\"envelope no bid names\"}");
            sweeper.tick();

            h.clock.advance(Duration.ofHours(2));
            bids.withdraw("CDB-1", key);
            h.submitter.submitDue();
            sweeper.tick();
            assertFalse(h.envelopes.contains(withdrawn), "withdrawals are looked at on every tick");
            assertTrue(h.envelopes.contains(orphan), "the whole store waits for its interval");

            h.clock.advance(Duration.ofHours(4));
            sweeper.tick();
            assertFalse(h.envelopes.contains(orphan));
        }
    }
}
