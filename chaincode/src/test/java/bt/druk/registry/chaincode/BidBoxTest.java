package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.SealedOpeningTest.BID1;
import static bt.druk.registry.chaincode.SealedOpeningTest.DEADLINE;
import static bt.druk.registry.chaincode.SealedOpeningTest.ENVELOPE1;
import static bt.druk.registry.chaincode.SealedOpeningTest.OPENING;
import static bt.druk.registry.chaincode.SealedOpeningTest.SALT1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SHARES1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SHARE_HASHES1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SUPPLIER1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SUPPLIER_COMMIT1;
import static bt.druk.registry.chaincode.SealedOpeningTest.TENDER;
import static bt.druk.registry.chaincode.TestIdentities.BIDBOX;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;
import bt.druk.registry.chaincode.TestIdentities.Identity;

/**
 * The bid box ({@code role=bidbox}) is the portal's identity for the sealed bids suppliers send on
 * the public pages. Its key sits on the public-facing server, so the ledger lets it lodge and
 * withdraw sealed bids, for any office's tender, and nothing else: no tender, no opening, no shares,
 * no reads. Clerks still lodge and withdraw paper bids, but only on their own office's tenders.
 * ({@link RouterEndToEndTest} goes through every transaction of the contract as the bid box.)
 */
class BidBoxTest {
    static final String ACCESS_DENIED_MESSAGE = "[ACCESS_DENIED] the bid box procurement.bidbox@ProcurementMSP may only lodge"
            + " and withdraw sealed bids (LodgeSealedBid, WithdrawBid)";

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, TENDER, h("sealed tender v1"), "THIMPHU", DEADLINE, OPENING));
    }

    String lodge(Identity who) {
        return hx.submit(who, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1),
                "THIMPHU"));
    }

    void denied(Identity who, java.util.function.Function<org.hyperledger.fabric.contract.Context, String> call) {
        assertEquals(ACCESS_DENIED_MESSAGE, hx.refused(ErrorCode.ACCESS_DENIED, who, call).getMessage());
    }

    @Nested
    class LodgeSealedBid {
        @Test
        void theBidBoxLodgesOnATenderOfAnyOffice() {
            lodge(BIDBOX);
            LedgerEntry bid = hx.entry(BID1);
            assertEquals("lodged", bid.status());
            assertEquals("THIMPHU", bid.office(), "the tender's office, not the bid box's");
            assertEquals(new Submitter("ProcurementMSP", "procurement.bidbox"), bid.submitter());
        }

        @Test
        void aClerkLodgesAPaperBidOnlyOnTheirOwnOfficesTender() {
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, PROCUREMENT_CLERK2, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            assertTrue(e.getMessage().endsWith("procurement.clerk2 is of the PHUENTSHOLING office"), e.getMessage());
            lodge(PROCUREMENT_CLERK);
        }

        @Test
        void aBidBoxOfAnotherRegisterOrOrganisationIsRefused() {
            Identity landBox = TestIdentities.create("land.bidbox", "LandMSP", Map.of("role", "bidbox", "register", "land"));
            RegistryException e = hx.refused(ErrorCode.WRONG_REGISTER, landBox, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1,
                    SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU"));
            assertEquals("[WRONG_REGISTER] bid box of register land may not write to the procurement register", e.getMessage());
            Identity justiceBox = TestIdentities.create("justice.bidbox", "JusticeMSP",
                    Map.of("role", "bidbox", "register", "procurement"));
            hx.refused(ErrorCode.ACCESS_DENIED, justiceBox, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1, SUPPLIER_COMMIT1,
                    Json.string(SHARE_HASHES1), "THIMPHU"));
        }
    }

    @Nested
    class WithdrawBid {
        @Test
        void theBidBoxWithdrawsABidBeforeTheDeadline() {
            lodge(BIDBOX);
            Step s = hx.step(BID1);
            hx.submit(BIDBOX, c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
            assertEquals("withdrawn", hx.entry(BID1).status());
        }

        @Test
        void aClerkOfAnotherOfficeCannotWithdrawASuppliersBid() {
            lodge(BIDBOX);
            Step s = hx.step(BID1);
            hx.refused(ErrorCode.WRONG_OFFICE, PROCUREMENT_CLERK2, c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
            hx.submit(PROCUREMENT_CLERK, c -> cc.withdrawBid(c, BID1, s.version(), s.hash(), s.previousHash()));
        }
    }

    @Nested
    class NothingElse {
        @Test
        void cannotPublishATender() {
            denied(BIDBOX, c -> cc.publishSealedTender(c, "tender:ocds-box-1", h("t"), "ONLINE", DEADLINE, OPENING));
            denied(BIDBOX, c -> cc.publishTender(c, "tender:ocds-box-1", h("t"), "ONLINE", DEADLINE));
        }

        @Test
        void cannotAmendOrCancelATender() {
            Step s = hx.step(TENDER);
            denied(BIDBOX, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            denied(BIDBOX, c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-09T08:00:00Z"));
        }

        @Test
        void cannotPostSharesNorOpen() {
            lodge(BIDBOX);
            hx.advance(Duration.ofDays(1));
            String shares = Json.string(Map.of(BID1, SHARES1.get(0)));
            denied(BIDBOX, c -> cc.postOpeningShares(c, TENDER, "1", shares));
            Step t = hx.step(TENDER);
            denied(BIDBOX, c -> cc.openBids(c, TENDER, t.version(), t.hash(), t.previousHash()));
            hx.submit(SealedOpeningTest.staffOfHolder(1), c -> cc.postOpeningShares(c, TENDER, "1", shares));
            String shares2 = Json.string(Map.of(BID1, SHARES1.get(1)));
            hx.submit(SealedOpeningTest.staffOfHolder(2), c -> cc.postOpeningShares(c, TENDER, "2", shares2));
            Step b = hx.step(BID1);
            denied(BIDBOX, c -> cc.openBid(c, BID1, b.version(), b.hash(), b.previousHash(),
                    SealedOpeningTest.valid("1250000.50", SUPPLIER1, SALT1)));
        }

        @Test
        void cannotRead() {
            lodge(BIDBOX);
            denied(BIDBOX, c -> cc.getRecord(c, BID1));
            denied(BIDBOX, c -> cc.getOpeningShares(c, TENDER));
        }

        @Test
        void carriesOverOnlyItsOwnTransactions() {
            String at = TxInfo.iso(Harness.T0.minus(Duration.ofDays(1)));
            denied(BIDBOX, c -> cc.carryOver(c, "PublishTender", Json.string(java.util.List.of("tender:ocds-c-1", h("t"), "ONLINE",
                    DEADLINE)), h("old ledger"), "old-tx", at));
            // its own transactions get as far as their own rules (here: the tender was written on this ledger)
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, BIDBOX, c -> cc.carryOver(c, "LodgeSealedBid", Json.string(java.util.List.of(
                    BID1, TENDER, ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "THIMPHU")), h("old ledger"), "old-tx", at));
        }
    }
}
