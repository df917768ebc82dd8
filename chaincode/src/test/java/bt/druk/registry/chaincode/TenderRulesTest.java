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
import java.util.Map;

import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;

/**
 * The tender's own life: publishing, amending, opening, award, cancellation, completion. Its bids
 * are sealed bids (their own rules: {@link SealedOpeningTest}); the bid here is the envelope
 * format's vector bid, opened by two of the three holders' shares.
 */
class TenderRulesTest {
    static final String OCID = "ocds-b5fd17-2026-0042";
    static final String TENDER = "tender:" + OCID;
    static final String BID1 = "bid:" + OCID + ":1";
    static final String T1 = h("tender v1");
    /** Deadline: one day after T0. */
    static final String DEADLINE = "2026-03-02T08:00:00Z";

    static final String SUPPLIER1 = SealedOpeningTest.SUPPLIER1;
    static final String SALT1 = SealedOpeningTest.SALT1;
    static final String SUPPLIER_COMMIT1 = Hashes.supplierCommitment(TENDER, SUPPLIER1, SALT1);
    static final String RESULT1 = SealedOpeningTest.valid("1250000.00", SUPPLIER1, SALT1);

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, TENDER, T1, "THIMPHU", DEADLINE, SealedOpeningTest.OPENING));
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
    void openBidsBeforeDeadlineIsRefused() {
        Step s = hx.step(TENDER);
        hx.refused(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_CLERK,
                c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
    }

    @Test
    void awardBeforeOpeningIsRefused() {
        lodgeAndPostShares();
        openBid1();
        Step s = hx.step(TENDER);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
    }

    @Test
    void awardToABidNotOpenedAsValidIsRefused() {
        lodgeAndPostShares();
        open();
        Step s = hx.step(TENDER);
        RegistryException e = hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
        assertEquals("[NOT_ALLOWED_IN_STATE] bid " + OCID + ":1 is lodged; only an opened (valid) bid can be awarded",
                e.getMessage());
        Step b = hx.step(BID1);
        hx.submit(PROCUREMENT_CLERK, c -> cc.openBid(c, BID1, b.version(), b.hash(), b.previousHash(),
                SealedOpeningTest.invalid("malformed", SUPPLIER1, SALT1)));
        Step s2 = hx.step(TENDER);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), BID1));
        hx.refused(ErrorCode.NOT_FOUND, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), "bid:" + OCID + ":99"));
    }

    @Test
    void awardToForeignBidIsRefused() {
        String otherOcid = "ocds-b5fd17-2026-0099";
        String otherTender = "tender:" + otherOcid;
        String foreignBid = "bid:" + otherOcid + ":1";
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, otherTender, h("other tender"), "THIMPHU", DEADLINE,
                SealedOpeningTest.OPENING));
        hx.submit(PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, foreignBid, otherTender, h("foreign envelope"),
                Hashes.supplierCommitment(otherTender, SUPPLIER1, SALT1), Json.string(SealedOpeningTest.shareHashes(foreignBid, 3)),
                "THIMPHU"));
        hx.advance(Duration.ofDays(1));
        open();
        Step s = hx.step(TENDER);
        RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), foreignBid));
        assertEquals(true, e.getMessage().contains(otherTender), e.getMessage());
    }

    @Test
    void fullTenderLifecycle() {
        lodgeAndPostShares();
        open();
        openBid1();
        assertEquals("evaluation", hx.entry(TENDER).status());
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
        LedgerEntry t = hx.entry(TENDER);
        assertEquals("awarded", t.status());
        assertEquals(BID1, t.text("awardedBid"));
        assertEquals(3, t.version());
        // once awarded: no cancellation, no second opening
        Step s2 = hx.step(TENDER);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.cancelTender(c, TENDER, s2.version(), s2.hash(), s2.previousHash(), "changed our mind"));
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK,
                c -> cc.openBids(c, TENDER, s2.version(), s2.hash(), s2.previousHash()));
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
            lodge();
            hx.refused(ErrorCode.DEADLINE_NOT_REACHED, SealedOpeningTest.staffOfHolder(1),
                    c -> cc.postOpeningShares(c, TENDER, "1", sharesOf(1)));
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.DEADLINE_NOT_REACHED, PROCUREMENT_CLERK,
                    c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
            hx.advance(Duration.ofDays(5));
            postShares();
            open();
            openBid1();
            assertEquals("evaluation", hx.entry(TENDER).status());
        }

        @Test
        void anEarlierDeadlineClosesBiddingSooner() {
            amend("2026-03-01T12:00:00Z"); // T0 + 4 h instead of T0 + 1 day
            hx.advance(Duration.ofHours(4));
            hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    SealedOpeningTest.ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SealedOpeningTest.SHARE_HASHES1), "THIMPHU"));
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
            lodgeAndPostShares();
            open();
            openBid1();
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
            lodgeAndPostShares();
            open();
            openBid1();
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
            lodgeAndPostShares();
            open();
            openBid1();
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
        lodgeAndPostShares();
        open();
        openBid1();
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
    }

    private void lodge() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, SealedOpeningTest.ENVELOPE1, SUPPLIER_COMMIT1,
                Json.string(SealedOpeningTest.SHARE_HASHES1), "THIMPHU"));
    }

    /** Holder i's share of the vector bid BID1. */
    private static String sharesOf(int holder) {
        return Json.string(Map.of(BID1, SealedOpeningTest.SHARES1.get(holder - 1)));
    }

    /** Holders 1 and 2 post their shares: enough to open. */
    private void postShares() {
        for (int holder = 1; holder <= 2; holder++) {
            String index = Integer.toString(holder);
            String shares = sharesOf(holder);
            hx.submit(SealedOpeningTest.staffOfHolder(holder), c -> cc.postOpeningShares(c, TENDER, index, shares));
        }
    }

    /** BID1 lodged, then past the deadline two holders' shares. */
    private void lodgeAndPostShares() {
        lodge();
        hx.advance(Duration.ofDays(1));
        postShares();
    }

    /** OpenBid of BID1: valid, Nu. 1,250,000. */
    private void openBid1() {
        Step b = hx.step(BID1);
        hx.submit(PROCUREMENT_CLERK, c -> cc.openBid(c, BID1, b.version(), b.hash(), b.previousHash(), RESULT1));
    }

    private void open() {
        Step s = hx.step(TENDER);
        hx.submit(PROCUREMENT_CLERK, c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
    }
}
