package bt.druk.registry.application.procurement;

import static bt.druk.registry.testing.PortalHarness.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import bt.druk.registry.testing.SealedTenders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcurementServicesTest {

    /** A lodged bid's envelope hash, as its record keeps it. */
    static final class SealedBidRecordOf {
        static String envelopeSha256(RecordVersion v) {
            return bt.druk.registry.domain.procurement.SealedBidRecord.fromJson(bt.druk.registry.domain.record.RecordKey.parse(v.recordKey()),
                    bt.druk.registry.domain.record.RecordDocument.dataOf(v.canonicalJson())).envelopeSha256();
        }
    }

    final PortalHarness h = new PortalHarness();

    Tender.Terms terms(Instant deadline) {
        return new Tender.Terms("Bitumen for the Thimphu–Paro highway", "Supply of 80/100 grade bitumen", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("12500000.00"), null, deadline,
                List.of(new TenderItem("Bitumen 80/100, drums of 200 l", new BigDecimal("400"), "drum")), List.of());
    }

    String publishCommitted(Duration untilDeadline) {
        SubmissionAck ack = h.sealed.publish("DES", terms(h.clock.instant().plus(untilDeadline)));
        h.submitter.submitDue();
        return ack.recordKey().substring("tender:".length());
    }

    @Test
    void publishingNumbersTheTenderAndPutsItsDocumentHashAndItsHoldersOnTheLedger() {
        SubmissionAck ack = h.tenders.publish(PROCUREMENT_CLERK, "DES", terms(h.clock.instant().plus(Duration.ofDays(10))), h.sealed.opening());
        int year = h.clock.instant().atZone(ProcurementPolicy.BHUTAN).getYear();
        assertEquals("tender:ocds-drk001-" + year + "-0001", ack.recordKey());
        h.submitter.submitDue();
        RecordVersion v1 = h.pipeline.current(ack.recordKey()).orElseThrow();
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertEquals(CanonicalJson.sha256Hex(v1.canonicalJson()), h.ledger.readRecord(ack.recordKey()).orElseThrow().hash());
        assertEquals("PublishSealedTender", h.ledger.committedCalls().get(0).function(), "every tender is sealed");
        assertEquals(h.sealed.opening().ledgerJson(), h.ledger.committedCalls().get(0).arguments().get(4));
        assertEquals("DES/" + year + "/001", h.procurementQueries.tender(ack.recordKey().substring(7)).orElseThrow().tender().tenderNumber());
        // One serial a year across agencies: an OCID never repeats, and each number still names its agency.
        SubmissionAck second = h.tenders.publish(PROCUREMENT_CLERK, "MOH", terms(h.clock.instant().plus(Duration.ofDays(10))), h.sealed.opening());
        assertEquals("MOH/" + year + "/002", h.procurementQueries.tender(second.recordKey().substring(7)).orElseThrow().tender().tenderNumber());
    }

    @Test
    void aDeadlineInsideTheMinimumBiddingPeriodIsRefusedNextToItsField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> h.tenders.publish(PROCUREMENT_CLERK, "DES", terms(h.clock.instant().plus(Duration.ofDays(2))), h.sealed.opening()));
        assertTrue(e.fieldMessages().containsKey("bidDeadline"), e.getMessage());
        assertEquals(0, h.ledger.commits());
    }

    @Test
    void onlyAProcurementClerkPublishes() {
        assertThrows(AccessDeniedException.class, () -> h.tenders.publish(PortalHarness.CLERK, "DES",
                terms(h.clock.instant().plus(Duration.ofDays(10))), h.sealed.opening()));
    }

    @Test
    void theWholeLifecycleCommitsEveryStepAndTheLedgerHoldsTheEnvelopeThenTheVerdict() {
        String ocid = publishCommitted(Duration.ofHours(2));
        SealedTenders.Document technical = new SealedTenders.Document("technical.pdf", "%PDF-1.4 technical proposal");
        SubmissionAck first = h.sealed.lodge(ocid, "CDB-1", "Druk Builders Pvt Ltd", "9800000.00", technical);
        SubmissionAck second = h.sealed.lodge(ocid, "CDB-2", "Yangphel Construction", "11200000.50");
        h.submitter.submitDue();
        assertEquals("bid:" + ocid + ":1", first.recordKey());
        RecordVersion lodged = h.pipeline.current(first.recordKey()).orElseThrow();
        assertEquals(h.ledger.readRecord(first.recordKey()).orElseThrow().hash(),
                SealedBidRecordOf.envelopeSha256(lodged), "the ledger holds the envelope's hash");
        assertFalse(lodged.canonicalJson().contains("9800000") || lodged.canonicalJson().contains("CDB-1"),
                "no price and no supplier reach the portal's record before the opening");
        assertEquals(LedgerState.COMMITTED, lodged.ledgerState());

        h.clock.advance(Duration.ofHours(2));
        assertThrows(ValidationException.class, () -> h.sealed.lodge(ocid, "CDB-3", "Tashi", "1.00"), "no bid after the deadline");
        SealedBids.OpeningReport report = h.sealed.open(ocid);
        assertEquals(2, report.opened().size(), report.toString());
        h.submitter.submitDue();
        assertEquals("opened", h.ledger.readRecord(first.recordKey()).orElseThrow().status());
        String pdfHash = CanonicalJson.sha256Hex(technical.text());
        assertTrue(h.tenderRepository.isPublicFile(pdfHash), "a validly opened bid's documents are public");

        TenderView view = h.procurementQueries.tender(ocid).orElseThrow();
        assertEquals(TenderStatus.EVALUATION, view.tender().status());
        assertEquals(new BigDecimal("9800000.00"), view.bids().get(0).amount());
        assertEquals("Druk Builders Pvt Ltd", view.bids().get(0).bidderName());
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
    }

    @Test
    void anOpenedPriceEditedInTheDatabaseNoLongerMatchesTheLedger() {
        String ocid = publishCommitted(Duration.ofHours(1));
        String key = h.sealed.lodge(ocid, "CDB-1", "Druk Builders Pvt Ltd", "500000.00").recordKey();
        h.submitter.submitDue();
        h.clock.advance(Duration.ofHours(1));
        h.sealed.open(ocid);
        h.submitter.submitDue();
        RecordVersion opened = h.pipeline.current(key).orElseThrow();
        h.records.replaceCanonicalJson(opened.id(), opened.canonicalJson().replace("500000.00", "400000.00"));

        LedgerVerification check = h.verification.verifyOnLedger(key);
        assertEquals(LedgerVerification.Outcome.MISMATCH, check.outcome());
        assertNotEquals(check.versions().get(1).ledgerHash(), check.versions().get(1).recomputedHash());
    }

    @Test
    void awardWaitsForTheOpeningToBeOnTheLedgerAndTakesOnlyAValidBid() {
        String ocid = publishCommitted(Duration.ofHours(1));
        String valid = h.sealed.lodge(ocid, "CDB-1", "Druk Builders Pvt Ltd", "500000.00").recordKey();
        String invalid = h.sealed.lodge(ocid, "CDB-2", "Yangphel Construction", "450000").recordKey();
        h.submitter.submitDue();
        h.clock.advance(Duration.ofHours(1));
        h.sealed.open(ocid);
        ValidationException e = assertThrows(ValidationException.class, () -> h.tenders.award(PROCUREMENT_CLERK, ocid, 2, valid));
        assertEquals("tender.award.pending", e.errors().get(0).code());
        h.submitter.submitDue();
        ValidationException notValid = assertThrows(ValidationException.class, () -> h.tenders.award(PROCUREMENT_CLERK, ocid, 2, invalid));
        assertEquals("tender.award.sealed", notValid.errors().get(0).code());
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
        assertThrows(ValidationException.class, () -> h.sealed.lodge(ocid, "CDB-1", "Druk Builders Pvt Ltd", "100.00"));
    }

    @Test
    void tenderTextRefusesControlAndTextDirectionCharactersAndIsKeptInNfc() {
        Instant deadline = h.clock.instant().plus(Duration.ofDays(10));
        Tender.Terms bad = new Tender.Terms("Bitumen \u202efor the highway", "Supply\u0000 of bitumen", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("1000.00"), null, deadline,
                List.of(new TenderItem("Drums \u2066of bitumen", new BigDecimal("4"), "drum\u200f")), List.of());
        ValidationException e = assertThrows(ValidationException.class, () -> h.sealed.publish("DES", bad));
        assertEquals(List.of("title", "description", "items[0].description", "items[0].unit"),
                e.errors().stream().map(f -> f.field()).toList());
        assertTrue(e.errors().stream().allMatch(f -> f.code().equals("text.characters")));
        assertEquals(0, h.ledger.commits());

        Tender.Terms typed = new Tender.Terms("Cafe\u0301 furniture for ཀུན་ལེགས་ school", "Line one\r\nline two", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("1000.00"), null, deadline,
                List.of(new TenderItem("Table", BigDecimal.ONE, "piece")), List.of());
        String ocid = h.sealed.publish("DES", typed).recordKey().substring("tender:".length());
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
