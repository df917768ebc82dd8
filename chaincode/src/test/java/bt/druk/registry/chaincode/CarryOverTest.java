package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A portal bound to a new ledger carries its earlier ledger's versions over: each through its own
 * function's rule at the time it was first committed, marked as carried, and never onto, or
 * back-dated into, this ledger's own records.
 */
class CarryOverTest {
    static final String OLD_LEDGER = h("the earlier ledger's genesis block");
    static final String TITLE = "land-title:PIN-CARRY";
    static final String V1 = h("carried title v1");
    static final String V2 = h("carried title v2");
    static final String V3 = h("carried title v3");

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    private String carry(TestIdentities.Identity who, String function, String argumentsJson, String originalTxId, Instant at) {
        return hx.submit(who, c -> cc.carryOver(c, function, argumentsJson, OLD_LEDGER, originalTxId, TxInfo.iso(at)));
    }

    private RegistryException refusedCarry(ErrorCode code, TestIdentities.Identity who, String function, String argumentsJson,
            String fromLedger, Instant at) {
        return hx.refused(code, who, c -> cc.carryOver(c, function, argumentsJson, fromLedger, "old-tx", TxInfo.iso(at)));
    }

    private static String args(String... values) {
        return Json.string(java.util.List.of(values));
    }

    /** A title registered 40 days ago and its transfer lodged 35 days ago, both on the earlier ledger. */
    private void carryTitleWithLodgedTransfer() {
        carry(LAND_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), "old-tx-1", Harness.T0.minus(Duration.ofDays(40)));
        carry(LAND_CLERK, "LodgeTransfer", args(TITLE, "2", V2, V1), "old-tx-2", Harness.T0.minus(Duration.ofDays(35)));
    }

    @Test
    void aCarriedVersionKeepsItsFirstTimeAndSaysWhereItCameFrom() {
        carryTitleWithLodgedTransfer();
        LedgerEntry e = hx.entry(TITLE);
        assertEquals(2, e.version());
        assertEquals(V2, e.hash());
        assertEquals(V1, e.previousHash());
        assertEquals("transfer-pending", e.status());
        assertEquals("2026-01-25T08:00:00Z", e.txTime(), "the rule ran at the version's first commit");
        assertEquals(Map.of("fromLedger", OLD_LEDGER, "txId", "old-tx-2", "txTime", "2026-01-25T08:00:00Z",
                "carriedAt", "2026-03-01T08:00:00Z"), e.object(CarryOver.FIELD));
        assertEquals("tx0002", e.txId(), "this ledger's own transaction");
        FakeFabric.Event event = hx.lastEvent();
        assertTrue(new String(event.payload(), java.nio.charset.StandardCharsets.UTF_8).contains("\"version\":2"));
    }

    @Test
    void aCarriedLodgementsNoticePeriodRunsFromItsFirstTime() {
        carryTitleWithLodgedTransfer();
        // lodged 35 days before now on the earlier ledger: the 30-day notice is over, on this ledger's own write
        hx.submit(LAND_CLERK, c -> cc.finaliseTransfer(c, TITLE, "3", V3, V2));
        LedgerEntry e = hx.entry(TITLE);
        assertEquals("registered", e.status());
        assertTrue(!CarryOver.isCarried(e), "a write of this ledger is not marked as carried");
    }

    @Test
    void theCarriedFunctionStillChecksWhoWrites() {
        refusedCarry(ErrorCode.WRONG_REGISTER, NOTARY_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), OLD_LEDGER,
                Harness.T0.minus(Duration.ofDays(1)));
    }

    @Test
    void aRetriedCarryIsAlreadyRecorded() {
        carry(LAND_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), "old-tx-1", Harness.T0.minus(Duration.ofDays(40)));
        refusedCarry(ErrorCode.ALREADY_RECORDED, LAND_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), OLD_LEDGER,
                Harness.T0.minus(Duration.ofDays(40)));
    }

    @Test
    void nothingIsCarriedOntoARecordOfThisLedger() {
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, TITLE, V1, "THIMPHU", "Thimphu"));
        RegistryException e = refusedCarry(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK, "LodgeTransfer", args(TITLE, "2", V2, V1),
                OLD_LEDGER, Harness.T0.minus(Duration.ofDays(1)));
        assertTrue(e.getMessage().contains("written on this ledger"), e.getMessage());
    }

    @Test
    void aCarriedSealedBidNeedsACarriedTender() {
        String tender = "tender:ocds-b5fd17-2026-0078";
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, tender, h("tender"), "THIMPHU", "2026-03-05T08:00:00Z",
                SealedOpeningTest.OPENING));
        RegistryException e = refusedCarry(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK, "LodgeSealedBid",
                args("bid:ocds-b5fd17-2026-0078:1", tender, h("envelope"), h("supplier"), Json.string(SealedOpeningTest.shareHashes("b", 3)),
                        "THIMPHU"), OLD_LEDGER, Harness.T0.minus(Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("tender ocds-b5fd17-2026-0078 was written on this ledger"), e.getMessage());
    }

    @Test
    void openingSharesAreNotCarried() {
        RegistryException e = refusedCarry(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK, "PostOpeningShares",
                args(SealedOpeningTest.TENDER, "1", "{}"), OLD_LEDGER, Harness.T0.minus(Duration.ofDays(1)));
        assertTrue(e.getMessage().contains("is not a record write that can be carried over"), e.getMessage());
        assertTrue(e.getMessage().contains("LodgeSealedBid") && e.getMessage().contains("OpenBid")
                && e.getMessage().contains("WithdrawBid") && e.getMessage().contains("PublishSealedTender"), e.getMessage());
    }

    /**
     * A sealed tender of the earlier ledger, published 3 days ago with its deadline a day ago: the
     * tender and its bids are carried under their own rules, then its holders post their shares
     * again here (shares are not carried), and then a bid's opening can be carried.
     */
    @Test
    void aSealedTenderIsCarriedAndItsOpeningsOnceHoldersPostAgain() {
        String tender = SealedOpeningTest.TENDER;
        String bid1 = SealedOpeningTest.BID1;
        String bid2 = SealedOpeningTest.BID2;
        String deadline = TxInfo.iso(Harness.T0.minus(Duration.ofDays(1)));
        carry(PROCUREMENT_CLERK, "PublishSealedTender", args(tender, h("sealed"), "THIMPHU", deadline, SealedOpeningTest.OPENING),
                "old-tx-1", Harness.T0.minus(Duration.ofDays(3)));
        carry(PROCUREMENT_CLERK, "LodgeSealedBid", args(bid1, tender, SealedOpeningTest.ENVELOPE1, SealedOpeningTest.SUPPLIER_COMMIT1,
                Json.string(SealedOpeningTest.SHARE_HASHES1), "THIMPHU"), "old-tx-2", Harness.T0.minus(Duration.ofDays(2)));
        carry(PROCUREMENT_CLERK, "LodgeSealedBid", args(bid2, tender, h("envelope 2"), SealedOpeningTest.SUPPLIER_COMMIT2,
                Json.string(SealedOpeningTest.shareHashes(bid2, 3)), "THIMPHU"), "old-tx-3", Harness.T0.minus(Duration.ofHours(47)));
        assertEquals(SealedOpeningRules.LODGED, hx.entry(bid1).status());
        assertTrue(CarryOver.isCarried(hx.entry(bid1)));
        // the rules hold for carried versions: one live bid per supplier
        refusedCarry(ErrorCode.ALREADY_EXISTS, PROCUREMENT_CLERK, "LodgeSealedBid", args(SealedOpeningTest.BID3, tender, h("envelope 3"),
                SealedOpeningTest.SUPPLIER_COMMIT1, Json.string(SealedOpeningTest.shareHashes(SealedOpeningTest.BID3, 3)), "THIMPHU"),
                OLD_LEDGER, Harness.T0.minus(Duration.ofHours(46)));
        carry(PROCUREMENT_CLERK, "WithdrawBid", args(bid2, "2", h("withdrawn"), h("envelope 2")), "old-tx-4",
                Harness.T0.minus(Duration.ofHours(36)));
        assertEquals(SealedOpeningRules.WITHDRAWN, hx.entry(bid2).status());

        String result = "{\"valid\":true,\"price\":\"1250000.50\",\"currency\":\"BTN\",\"supplierId\":\""
                + SealedOpeningTest.SUPPLIER1 + "\",\"supplierSalt\":\"" + SealedOpeningTest.SALT1 + "\"}";
        String openBid1 = args(bid1, "2", h("opened"), SealedOpeningTest.ENVELOPE1, result);
        RegistryException e = refusedCarry(ErrorCode.NOT_ALLOWED_IN_STATE, PROCUREMENT_CLERK, "OpenBid", openBid1, OLD_LEDGER,
                Harness.T0.minus(Duration.ofHours(12)));
        assertTrue(e.getMessage().contains("0 of the 3 opening key holders"), e.getMessage());
        for (int holder = 1; holder <= 2; holder++) {
            String shares = Json.string(Map.of(bid1, SealedOpeningTest.SHARES1.get(holder - 1)));
            String index = Integer.toString(holder);
            hx.submit(holder == 1 ? TestIdentities.PROCUREMENT_INSPECTOR : TestIdentities.INSPECTOR,
                    c -> cc.postOpeningShares(c, tender, index, shares));
        }
        carry(PROCUREMENT_CLERK, "OpenBid", openBid1, "old-tx-5", Harness.T0.minus(Duration.ofHours(12)));
        LedgerEntry opened = hx.entry(bid1);
        assertEquals(SealedOpeningRules.OPENED, opened.status());
        assertEquals("2026-02-28T20:00:00Z", opened.txTime());
        assertEquals("old-tx-5", opened.object(CarryOver.FIELD).get("txId"));
    }

    @Test
    void aCarriedVersionIsOlderThanTheCarryOverAndNotOlderThanTheOneBefore() {
        carry(LAND_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), "old-tx-1", Harness.T0.minus(Duration.ofDays(40)));
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "LodgeTransfer", args(TITLE, "2", V2, V1), OLD_LEDGER, Harness.T0);
        RegistryException e = refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "LodgeTransfer", args(TITLE, "2", V2, V1), OLD_LEDGER,
                Harness.T0.minus(Duration.ofDays(41)));
        assertTrue(e.getMessage().contains("cannot be older"), e.getMessage());
    }

    @Test
    void theWindowBelongsToOneEarlierLedgerAndCloses() {
        carry(LAND_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), "old-tx-1", Harness.T0.minus(Duration.ofDays(40)));
        String other = "land-title:PIN-OTHER";
        refusedCarry(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK, "RegisterTitle", args(other, V1, "THIMPHU", "Thimphu"), h("a third ledger"),
                Harness.T0.minus(Duration.ofDays(2)));
        hx.advance(CarryOver.WINDOW);
        refusedCarry(ErrorCode.DEADLINE_PASSED, LAND_CLERK, "RegisterTitle", args(other, V1, "THIMPHU", "Thimphu"), OLD_LEDGER,
                Harness.T0.minus(Duration.ofDays(2)));
    }

    @Test
    void onlyRecordWritesWithTheirOwnArgumentsCanBeCarried() {
        Instant before = Harness.T0.minus(Duration.ofDays(1));
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "SetNoticePeriod", args("60"), OLD_LEDGER, before);
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "GetRecord", args(TITLE), OLD_LEDGER, before);
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "CarryOver", args("RegisterTitle", "[]", OLD_LEDGER, "x", "y"), OLD_LEDGER,
                before);
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "RegisterTitle", args(TITLE, V1), OLD_LEDGER, before);
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "RegisterTitle", "{\"not\":\"an array\"}", OLD_LEDGER, before);
        refusedCarry(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, "RegisterTitle", args(TITLE, V1, "THIMPHU", "Thimphu"), "not-a-hash", before);
    }
}
