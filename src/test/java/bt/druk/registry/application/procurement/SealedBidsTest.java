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
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
                "document-1", sha256(document)))).toCanonicalJson();
        return EnvelopeSealer.seal(ocid, bid, List.of(document), spkis, 2).toCanonicalJson();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
