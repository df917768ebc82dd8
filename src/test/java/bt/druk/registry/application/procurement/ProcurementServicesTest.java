package bt.druk.registry.application.procurement;

import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.procurement.Bid;
import bt.druk.registry.domain.procurement.BidDocument;
import bt.druk.registry.domain.procurement.BidPrice;
import bt.druk.registry.domain.procurement.Bidder;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcurementServicesTest {

    final PortalHarness h = new PortalHarness();

    Tender.Terms terms(Instant deadline) {
        return new Tender.Terms("Bitumen for the Thimphu–Paro highway", "Supply of 80/100 grade bitumen", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("12500000.00"), null, deadline,
                List.of(new TenderItem("Bitumen 80/100, drums of 200 l", new BigDecimal("400"), "drum")), List.of());
    }

    String publishCommitted(Duration untilDeadline) {
        SubmissionAck ack = h.tenders.publish(PROCUREMENT_CLERK, "DES", terms(h.clock.instant().plus(untilDeadline)), Duration.ZERO);
        h.submitter.submitDue();
        return ack.recordKey().substring("tender:".length());
    }

    SealedBid sealed(String ocid, String price, List<BidDocument> documents) {
        return SealedBid.seal(Bid.of("tender:" + ocid, new Bidder("1002345", "Druk Builders Pvt. Ltd."),
                BidPrice.parse(price, "price"), documents, h.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    @Test
    void publishingNumbersTheTenderAndPutsItsDocumentHashOnTheLedger() {
        SubmissionAck ack = h.tenders.publish(PROCUREMENT_CLERK, "DES", terms(h.clock.instant().plus(Duration.ofDays(10))));
        int year = h.clock.instant().atZone(ProcurementPolicy.BHUTAN).getYear();
        assertEquals("tender:ocds-drk001-" + year + "-0001", ack.recordKey());
        h.submitter.submitDue();
        RecordVersion v1 = h.pipeline.current(ack.recordKey()).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertEquals(CanonicalJson.sha256Hex(v1.canonicalJson()), h.ledger.readRecord(ack.recordKey()).orElseThrow().hash());
        assertEquals("DES/" + year + "/001", h.procurementQueries.tender(ack.recordKey().substring(7)).orElseThrow().tender().tenderNumber());
        // One serial a year across agencies: an OCID never repeats, and each number still names its agency.
        SubmissionAck second = h.tenders.publish(PROCUREMENT_CLERK, "MOH", terms(h.clock.instant().plus(Duration.ofDays(10))));
        assertEquals("MOH/" + year + "/002", h.procurementQueries.tender(second.recordKey().substring(7)).orElseThrow().tender().tenderNumber());
    }

    @Test
    void aDeadlineInsideTheMinimumBiddingPeriodIsRefusedNextToItsField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> h.tenders.publish(PROCUREMENT_CLERK, "DES", terms(h.clock.instant().plus(Duration.ofDays(2)))));
        assertTrue(e.fieldMessages().containsKey("bidDeadline"), e.getMessage());
        assertEquals(0, h.ledger.commits());
    }

    @Test
    void onlyAProcurementClerkPublishes() {
        assertThrows(AccessDeniedException.class,
                () -> h.tenders.publish(PortalHarness.CLERK, "DES", terms(h.clock.instant().plus(Duration.ofDays(10)))));
    }

    @Test
    void theWholeLifecycleCommitsEveryStepAndTheLedgerHoldsTheCommitmentThenTheBid() {
        String ocid = publishCommitted(Duration.ofHours(2));
        byte[] pdf = "%PDF-1.4 technical proposal".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String pdfHash = CanonicalJson.sha256Hex(new String(pdf, java.nio.charset.StandardCharsets.UTF_8));
        SealedBid cheap = sealed(ocid, "9800000.00", List.of(new BidDocument("technical.pdf", "application/pdf", pdf.length, pdfHash)));
        SealedBid dear = sealed(ocid, "11200000.50", List.of());

        SubmissionAck first = h.bids.lodgeOnline(ocid, cheap.commitment());
        SubmissionAck second = h.bids.lodgeAtCounter(PROCUREMENT_CLERK, ocid, dear.commitment());
        h.submitter.submitDue();
        assertEquals("bid:" + ocid + ":1", first.recordKey());
        assertEquals(cheap.commitment(), h.ledger.readRecord(first.recordKey()).orElseThrow().hash(), "the ledger holds the commitment");
        RecordVersion lodged = h.pipeline.current(first.recordKey()).orElseThrow();
        assertFalse(lodged.canonicalJson().contains("9800000"), "no price reaches the portal before the reveal");
        assertEquals(LedgerState.COMMITTED, lodged.ledgerState());

        assertThrows(ValidationException.class, () -> h.bids.revealOnline(first.recordKey(), cheap.toFileJson(), List.of()),
                "no reveal before the deadline");
        h.clock.advance(Duration.ofHours(2));
        assertThrows(ValidationException.class, () -> h.bids.lodgeOnline(ocid, sealed(ocid, "1.00", List.of()).commitment()),
                "no commitment after the deadline");
        ValidationException swapped = assertThrows(ValidationException.class,
                () -> h.bids.revealOnline(first.recordKey(), dear.toFileJson(), List.of()));
        assertEquals("sealedBid.notLodged", swapped.errors().get(0).code(), "another bid's file cannot open this commitment");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> h.bids.revealOnline(first.recordKey(), cheap.toFileJson(), List.of()));
        assertEquals("bid.reveal.documentMissing", missing.errors().get(0).code());

        h.bids.revealOnline(first.recordKey(), cheap.toFileJson(),
                List.of(new StoredFile(pdfHash, pdf.length, FileType.PDF, "technical.pdf")));
        h.bids.revealAtCounter(PROCUREMENT_CLERK, second.recordKey(), dear.toFileJson(), List.of());
        h.tenders.openBids(PROCUREMENT_CLERK, ocid, 1);
        h.submitter.submitDue();
        assertEquals(cheap.bidHash(), h.ledger.readRecord(first.recordKey()).orElseThrow().hash(), "the reveal puts the bid's hash on the ledger");
        assertTrue(h.tenderRepository.isPublicFile(pdfHash), "a revealed bid's documents are public");

        TenderView view = h.procurementQueries.tender(ocid).orElseThrow();
        assertEquals(TenderStatus.EVALUATION, view.tender().status());
        assertEquals(new BigDecimal("9800000.00"), view.bids().get(0).amount());
        h.tenders.award(PROCUREMENT_CLERK, ocid, 2, first.recordKey());
        h.submitter.submitDue();
        h.tenders.complete(PROCUREMENT_CLERK, ocid, 3);
        h.submitter.submitDue();
        view = h.procurementQueries.tender(ocid).orElseThrow();
        assertEquals(TenderStatus.COMPLETE, view.tender().status());
        assertEquals(first.recordKey(), view.tender().awardedBidKey());
        assertTrue(view.versions().stream().allMatch(v -> v.ledgerState() == LedgerState.COMMITTED));

        LedgerVerification tender = h.verification.verifyOnLedger("tender:" + ocid);
        LedgerVerification bid = h.verification.verifyOnLedger(first.recordKey());
        assertEquals(LedgerVerification.Outcome.VERIFIED, tender.outcome(), tender.message());
        assertEquals(LedgerVerification.Outcome.VERIFIED, bid.outcome(), bid.message());
        assertEquals(cheap.bidHash(), h.queries.publicDocument(cheap.bidHash()).orElseThrow().canonicalJson().transform(CanonicalJson::sha256Hex),
                "anyone can fetch the revealed bid by the hash the ledger holds and recompute it");
    }

    @Test
    void aRevealedPriceEditedInTheDatabaseNoLongerMatchesTheLedger() {
        String ocid = publishCommitted(Duration.ofHours(1));
        SealedBid bid = sealed(ocid, "500000.00", List.of());
        String key = h.bids.lodgeOnline(ocid, bid.commitment()).recordKey();
        h.submitter.submitDue();
        h.clock.advance(Duration.ofHours(1));
        h.bids.revealOnline(key, bid.toFileJson(), List.of());
        h.submitter.submitDue();
        RecordVersion reveal = h.pipeline.current(key).orElseThrow();
        h.records.replaceCanonicalJson(reveal.id(), reveal.canonicalJson().replace("500000.00", "400000.00"));

        LedgerVerification check = h.verification.verifyOnLedger(key);
        assertEquals(LedgerVerification.Outcome.MISMATCH, check.outcome());
        assertNotEquals(check.versions().get(1).ledgerHash(), check.versions().get(1).recomputedHash());
    }

    @Test
    void awardWaitsForTheRevealToBeOnTheLedger() {
        String ocid = publishCommitted(Duration.ofHours(1));
        SealedBid bid = sealed(ocid, "500000.00", List.of());
        String key = h.bids.lodgeOnline(ocid, bid.commitment()).recordKey();
        h.submitter.submitDue();
        h.clock.advance(Duration.ofHours(1));
        h.tenders.openBids(PROCUREMENT_CLERK, ocid, 1);
        h.bids.revealOnline(key, bid.toFileJson(), List.of());
        ValidationException e = assertThrows(ValidationException.class, () -> h.tenders.award(PROCUREMENT_CLERK, ocid, 2, key));
        assertEquals("tender.award.pending", e.errors().get(0).code());
    }

    @Test
    void cancellingNeedsAReasonAndEndsTheTender() {
        String ocid = publishCommitted(Duration.ofHours(1));
        assertThrows(ValidationException.class, () -> h.tenders.cancel(PROCUREMENT_CLERK, ocid, 1, " "));
        h.tenders.cancel(PROCUREMENT_CLERK, ocid, 1, "Budget withdrawn by the Ministry of Finance");
        h.submitter.submitDue();
        Tender t = h.procurementQueries.tender(ocid).orElseThrow().tender();
        assertEquals(TenderStatus.CANCELLED, t.status());
        assertEquals("Budget withdrawn by the Ministry of Finance", t.statusReason());
        assertThrows(ValidationException.class, () -> h.bids.lodgeOnline(ocid, "a".repeat(64)));
    }

    @Test
    void tenderTextRefusesControlAndTextDirectionCharactersAndIsKeptInNfc() {
        Instant deadline = h.clock.instant().plus(Duration.ofDays(10));
        Tender.Terms bad = new Tender.Terms("Bitumen \u202efor the highway", "Supply\u0000 of bitumen", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("1000.00"), null, deadline,
                List.of(new TenderItem("Drums \u2066of bitumen", new BigDecimal("4"), "drum\u200f")), List.of());
        ValidationException e = assertThrows(ValidationException.class, () -> h.tenders.publish(PROCUREMENT_CLERK, "DES", bad));
        assertEquals(List.of("title", "description", "items[0].description", "items[0].unit"),
                e.errors().stream().map(f -> f.field()).toList());
        assertTrue(e.errors().stream().allMatch(f -> f.code().equals("text.characters")));
        assertEquals(0, h.ledger.commits());

        Tender.Terms typed = new Tender.Terms("Cafe\u0301 furniture for ཀུན་ལེགས་ school", "Line one\r\nline two", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("1000.00"), null, deadline,
                List.of(new TenderItem("Table", BigDecimal.ONE, "piece")), List.of());
        String ocid = h.tenders.publish(PROCUREMENT_CLERK, "DES", typed).recordKey().substring("tender:".length());
        Tender kept = h.procurementQueries.tender(ocid).orElseThrow().tender();
        assertEquals("Caf\u00e9 furniture for ཀུན་ལེགས་ school", kept.title());
        assertEquals("Line one\nline two", kept.description());

        h.submitter.submitDue();
        ValidationException multiLine = assertThrows(ValidationException.class,
                () -> h.tenders.cancel(PROCUREMENT_CLERK, ocid, 1, "Budget\nwithdrawn"));
        assertEquals("reason", multiLine.errors().get(0).field(), "the ledger takes a reason of one line");
        assertThrows(ValidationException.class, () -> h.tenders.cancel(PROCUREMENT_CLERK, ocid, 1, "\u0000\u202e<script>alert(1)</script>"));
    }
}
