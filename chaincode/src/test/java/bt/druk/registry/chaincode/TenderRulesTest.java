package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;

class TenderRulesTest {
    static final String OCID = "ocds-b5fd17-2026-0042";
    static final String TENDER = "tender:" + OCID;
    static final String BID1 = "bid:" + OCID + ":1";
    static final String BID2 = "bid:" + OCID + ":2";
    static final String T1 = h("tender v1");
    /** Deadline: one day after T0. */
    static final String DEADLINE = "2026-03-02T08:00:00Z";

    static final String BID1_HASH = h("bid one canonical json");
    static final String SALT1 = "c2FsdC1vbmUtMTIzNDU2Nzg5";
    static final String COMMIT1 = Hashes.commitment(BID1_HASH, SALT1);

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, TENDER, T1, "THIMPHU", DEADLINE));
    }

    @Test
    void publishTenderRecordsDeadlineAndStatus() {
        LedgerEntry t = hx.entry(TENDER);
        assertEquals("tender", t.kind());
        assertEquals("procurement", t.register());
        assertEquals("active.tendering", t.status());
        assertEquals(DEADLINE, t.text("bidDeadline"));
        assertNull(t.text("awardedBid"));
        assertNull(t.text("cancelReason"));
        assertTrue(t.fields().containsKey("unsuccessfulReason"));
        assertNull(t.text("unsuccessfulReason"));
        assertEquals(List.of("AuditMSP", "ProcurementMSP"), StateBasedEndorsementFactory.getInstance()
                .newStateBasedEndorsement(hx.fabric.validationParameters.get(TENDER)).listOrgs().stream().sorted().toList());
    }

    @Test
    void deadlineWithOffsetIsStoredInUtc() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, "tender:ocds-x-1", h("t"), "THIMPHU", "2026-03-05T18:00:00+06:00"));
        assertEquals("2026-03-05T12:00:00Z", hx.entry("tender:ocds-x-1").text("bidDeadline"));
    }

    @Test
    void deadlineMustBeIso8601InTheFuture() {
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.publishTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", "2026-03-05"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.publishTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", "2026-03-05T12:00:00"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.publishTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", "next tuesday"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.publishTender(c, "tender:ocds-x-2", h("t"), "THIMPHU", "2026-03-01T08:00:00Z"));
    }

    @Test
    void retriedPublishIsAlreadyRecordedAndOtherHashAlreadyExists() {
        hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.publishTender(c, TENDER, T1, "THIMPHU", DEADLINE));
        hx.refused(ErrorCode.ALREADY_EXISTS, PROCUREMENT_CLERK, c -> cc.publishTender(c, TENDER, h("other"), "THIMPHU", DEADLINE));
    }

    @Test
    void commitBidBeforeDeadline() {
        hx.advance(Duration.ofHours(23));
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        LedgerEntry b = hx.entry(BID1);
        assertEquals("bid", b.kind());
        assertEquals("committed", b.status());
        assertEquals(COMMIT1, b.hash());
        assertEquals(COMMIT1, b.text("commitment"));
        assertEquals(TENDER, b.text("tenderKey"));
        assertNull(b.text("revealedHash"));
        assertNotNull(hx.fabric.validationParameters.get(BID1));
    }

    @Test
    void lateCommitmentIsRefused() {
        hx.advance(Duration.ofDays(1)); // exactly at the deadline: too late
        RegistryException e = hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK,
                c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        assertEquals(true, e.getMessage().contains(DEADLINE));
    }

    @Test
    void retriedCommitmentAfterDeadlineIsStillAlreadyRecorded() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.advance(Duration.ofDays(2));
        hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.refused(ErrorCode.ALREADY_EXISTS, PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, h("x"), "THIMPHU"));
    }

    @Test
    void commitmentToUnknownOrForeignTenderIsRefused() {
        hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK,
                c -> cc.commitBid(c, "bid:ocds-none:1", "tender:ocds-none", COMMIT1, "THIMPHU"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.commitBid(c, "bid:ocds-other:1", TENDER, COMMIT1, "THIMPHU"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.commitBid(c, "bid:" + OCID, TENDER, COMMIT1, "THIMPHU"));
    }

    @Test
    void commitmentToCancelledTenderIsRefused() {
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
    }

    @Test
    void earlyRevealIsRefused() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.advance(Duration.ofDays(1).minusSeconds(1));
        hx.refused(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
    }

    @Test
    void mismatchedRevealIsRefused() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        hx.refused(ErrorCode.COMMITMENT_MISMATCH, PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, "wrong-salt"));
        hx.refused(ErrorCode.COMMITMENT_MISMATCH, PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, h("another bid"), SALT1));
    }

    @Test
    void revealAfterDeadlineMatchingCommitment() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        hx.submit(PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
        LedgerEntry b = hx.entry(BID1);
        assertEquals("revealed", b.status());
        assertEquals(2, b.version());
        assertEquals(BID1_HASH, b.hash());
        assertEquals(COMMIT1, b.previousHash());
        assertEquals(BID1_HASH, b.text("revealedHash"));
        assertEquals(COMMIT1, b.text("commitment"));
        // a retried reveal is harmless
        hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
        // FindByHash finds the bid by its revealed hash and by its commitment
        assertEquals("[{\"key\":\"" + BID1 + "\",\"version\":2}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, BID1_HASH)));
        assertEquals("[{\"key\":\"" + BID1 + "\",\"version\":1}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, COMMIT1)));
    }

    @Test
    void commitmentSchemeIsSha256OfBidHashColonSalt() {
        // documented in README: lowercase hex SHA-256 of the UTF-8 string "<bidHash>:<salt>"
        assertEquals(Hashes.sha256Hex(BID1_HASH + ":" + SALT1), COMMIT1);
        // fixed vector computed independently (Python hashlib): bidHash = SHA-256("hello bid"), salt "pepper-42"
        assertEquals("28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1", Hashes.sha256Hex("hello bid"));
        assertEquals("03bcaada13ea951ceff119996c5cc946ef3490aeca9404afe9cdc47948445af5", Hashes.commitment("28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1", "pepper-42"));
    }

    @Test
    void openBidsBeforeDeadlineIsRefused() {
        Step s = hx.step(TENDER);
        hx.refused(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_CLERK,
                c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
    }

    @Test
    void awardBeforeOpeningIsRefused() {
        commitAndReveal();
        Step s = hx.step(TENDER);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
    }

    @Test
    void awardToUnrevealedBidIsRefused() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID2, TENDER, Hashes.commitment(h("bid2"), "s2"), "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        hx.submit(PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
        open();
        Step s = hx.step(TENDER);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID2));
        hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "bid:" + OCID + ":99"));
    }

    @Test
    void awardToForeignBidIsRefused() {
        String otherOcid = "ocds-b5fd17-2026-0099";
        String otherTender = "tender:" + otherOcid;
        String foreignBid = "bid:" + otherOcid + ":1";
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, otherTender, h("other tender"), "THIMPHU", DEADLINE));
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, foreignBid, otherTender, Hashes.commitment(h("fb"), "s"), "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        hx.submit(PROCUREMENT_CLERK, c -> cc.revealBid(c, foreignBid, h("fb"), "s"));
        open();
        Step s = hx.step(TENDER);
        RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), foreignBid));
        assertEquals(true, e.getMessage().contains(otherTender), e.getMessage());
    }

    @Test
    void fullTenderLifecycle() {
        commitAndReveal();
        open();
        assertEquals("evaluation", hx.entry(TENDER).status());
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
        LedgerEntry t = hx.entry(TENDER);
        assertEquals("awarded", t.status());
        assertEquals(BID1, t.text("awardedBid"));
        assertEquals(3, t.version());
        // once awarded: no cancellation, no second opening, no late reveal
        Step s2 = hx.step(TENDER);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.cancelTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), "changed our mind"));
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.openBids(c, TENDER, s2.version(), s2.hash(), s2.previousHash()));
    }

    @Test
    void revealAfterAwardIsRefused() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        String c2hash = h("bid2");
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID2, TENDER, Hashes.commitment(c2hash, "s2"), "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        hx.submit(PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
        open();
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK, c -> cc.revealBid(c, BID2, c2hash, "s2"));
    }

    @Test
    void cancelTenderRecordsReason() {
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "  budget withdrawn  "));
        LedgerEntry t = hx.entry(TENDER);
        assertEquals("cancelled", t.status());
        assertEquals("budget withdrawn", t.text("cancelReason"));
    }

    @Test
    void cancelReasonMustBeSaneNonPersonalText() {
        Step s = hx.step(TENDER);
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "   "));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "x".repeat(501)));
        hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "bidder 11512345678 withdrew"));
    }

    @Nested
    class AmendTender {
        static final String LATER = "2026-03-09T08:00:00Z";

        String amend(String deadline) {
            Step s = hx.step(TENDER);
            return hx.submit(PROCUREMENT_CLERK, c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), deadline));
        }

        @Test
        void movesTheDeadlineAndKeepsTheTenderOpen() {
            hx.advance(Duration.ofHours(1));
            String result = amend("2026-03-09T14:00:00+06:00");
            LedgerEntry t = hx.entry(TENDER);
            assertEquals(hx.fabric.stateText(TENDER), result);
            assertEquals(2, t.version());
            assertEquals(T1, t.previousHash());
            assertEquals("active.tendering", t.status());
            assertEquals(LATER, t.text("bidDeadline"));
            assertEquals("tender", hx.lastEvent().payloadText().replaceAll(".*\"kind\":\"([a-z-]+)\".*", "$1"));
        }

        @Test
        void aLaterDeadlineLetsBidsInAfterTheOldOne() {
            amend(LATER);
            hx.advance(Duration.ofDays(3)); // past the original deadline, before the amended one
            hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
            hx.refused(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_CLERK,
                    c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
            hx.advance(Duration.ofDays(5));
            hx.submit(PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
            open();
            assertEquals("evaluation", hx.entry(TENDER).status());
        }

        @Test
        void anEarlierDeadlineClosesBiddingSooner() {
            amend("2026-03-01T12:00:00Z"); // T0 + 4 h instead of T0 + 1 day
            hx.advance(Duration.ofHours(4));
            hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
            open();
            assertEquals("evaluation", hx.entry(TENDER).status());
        }

        @Test
        void isRefusedAtOrAfterTheCurrentDeadline() {
            hx.advance(Duration.ofDays(1));
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), LATER));
        }

        @Test
        void theNewDeadlineMustBeAfterTheTransactionTime() {
            hx.advance(Duration.ofHours(2));
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-01T10:00:00Z"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-01T09:00:00Z"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-09"));
        }

        @Test
        void isRefusedUnlessActiveTendering() {
            Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            Step s2 = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), LATER));
        }

        @Test
        void updateGuardAndIdempotentRetry() {
            Step s = hx.step(TENDER);
            amend(LATER);
            hx.advance(Duration.ofDays(2)); // a retry is recognised even after the old deadline
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), LATER));
            hx.refused(ErrorCode.STALE_VERSION, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), h("other"), s.previousHash(), LATER));
            hx.refused(ErrorCode.HASH_MISMATCH, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, "3", h("v3"), h("not current"), LATER));
            hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, "tender:ocds-none", "2", h("v2"), h("v1"), LATER));
        }
    }

    @Nested
    class CompleteTender {
        @Test
        void anAwardedTenderBecomesComplete() {
            award();
            Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.completeTender(c, TENDER, s.version(), s.hash(), s.previousHash()));
            LedgerEntry t = hx.entry(TENDER);
            assertEquals("complete", t.status());
            assertEquals(4, t.version());
            assertEquals(BID1, t.text("awardedBid"));
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK,
                    c -> cc.completeTender(c, TENDER, s.version(), s.hash(), s.previousHash()));
            Step s2 = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.cancelTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), "too late"));
        }

        @Test
        void isRefusedUnlessAwarded() {
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.completeTender(c, TENDER, s.version(), s.hash(), s.previousHash()));
            commitAndReveal();
            open();
            Step s2 = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.completeTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash()));
        }

        @Test
        void updateGuard() {
            award();
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.STALE_VERSION, PROCUREMENT_CLERK,
                    c -> cc.completeTender(c, TENDER, "9", s.hash(), s.previousHash()));
            hx.refused(ErrorCode.HASH_MISMATCH, PROCUREMENT_CLERK,
                    c -> cc.completeTender(c, TENDER, s.version(), s.hash(), h("not current")));
        }
    }

    @Nested
    class TenderUnsuccessful {
        @Test
        void aTenderInEvaluationBecomesUnsuccessfulWithItsReason() {
            commitAndReveal();
            open();
            Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.tenderUnsuccessful(c, TENDER, s.version(), s.hash(), s.previousHash(),
                    "  no responsive bid  "));
            LedgerEntry t = hx.entry(TENDER);
            assertEquals("unsuccessful", t.status());
            assertEquals("no responsive bid", t.text("unsuccessfulReason"));
            assertNull(t.text("cancelReason"));
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.tenderUnsuccessful(c, TENDER, s.version(),
                    s.hash(), s.previousHash(), "no responsive bid"));
            Step s2 = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.awardTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), BID1));
        }

        @Test
        void isRefusedUnlessInEvaluation() {
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.tenderUnsuccessful(c, TENDER, s.version(), s.hash(), s.previousHash(), "no bids"));
            award();
            Step s2 = hx.step(TENDER);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                    c -> cc.tenderUnsuccessful(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), "no bids"));
        }

        @Test
        void theReasonIsCheckedLikeACancelReason() {
            commitAndReveal();
            open();
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.tenderUnsuccessful(c, TENDER, s.version(), s.hash(), s.previousHash(), " "));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.tenderUnsuccessful(c, TENDER, s.version(), s.hash(), s.previousHash(), "ask x@y.bt"));
        }
    }

    /** A tender published before unsuccessfulReason existed gains the field (null) with its next version. */
    @Test
    void anOlderTenderGainsUnsuccessfulReasonWithItsNextVersion() {
        java.util.TreeMap<String, Object> m = new java.util.TreeMap<>(hx.entry(TENDER).toMap());
        m.remove("unsuccessfulReason");
        hx.fabric.state.put(TENDER, Json.bytes(m));
        assertEquals(false, hx.entry(TENDER).fields().containsKey("unsuccessfulReason"));
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
        assertTrue(hx.fabric.stateText(TENDER).contains("\"unsuccessfulReason\":null"), hx.fabric.stateText(TENDER));
    }

    private void award() {
        commitAndReveal();
        open();
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
    }

    private void commitAndReveal() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.commitBid(c, BID1, TENDER, COMMIT1, "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        hx.submit(PROCUREMENT_CLERK, c -> cc.revealBid(c, BID1, BID1_HASH, SALT1));
    }

    private void open() {
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
    }
}
