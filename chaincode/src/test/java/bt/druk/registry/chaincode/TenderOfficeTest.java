package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.SealedOpeningTest.BID1;
import static bt.druk.registry.chaincode.SealedOpeningTest.DEADLINE;
import static bt.druk.registry.chaincode.SealedOpeningTest.ENVELOPE1;
import static bt.druk.registry.chaincode.SealedOpeningTest.OCID;
import static bt.druk.registry.chaincode.SealedOpeningTest.OPENING;
import static bt.druk.registry.chaincode.SealedOpeningTest.SALT1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SHARES1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SHARE_HASHES1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SUPPLIER1;
import static bt.druk.registry.chaincode.SealedOpeningTest.SUPPLIER_COMMIT1;
import static bt.druk.registry.chaincode.SealedOpeningTest.TENDER;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;
import bt.druk.registry.chaincode.TestIdentities.Identity;

/**
 * A tender is kept by the office (and agency) of the clerk who published it, both read from the
 * clerk's certificate, never from an argument: a clerk of another office, or of another agency, can
 * neither publish in an office's name nor change its tenders. The tender is the sealed one of
 * {@link SealedOpeningTest}, published by the Thimphu clerk; the Phuentsholing clerk tries everything.
 */
class TenderOfficeTest {
    static final String RESULT1 = SealedOpeningTest.valid("1250000.50", SUPPLIER1, SALT1);
    static final Identity MOH_CLERK = agencyClerk("moh.clerk", "MOH");
    static final Identity MOH_CLERK2 = agencyClerk("moh.clerk2", "MOH");
    static final Identity DES_CLERK = agencyClerk("des.clerk", "DES");

    Harness hx;
    RegistryContract cc;

    static Identity agencyClerk(String name, String agency) {
        return TestIdentities.create(name, "ProcurementMSP",
                Map.of("role", "clerk", "register", "procurement", "office", "THIMPHU", "agency", agency));
    }

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, TENDER, h("sealed tender v1"), "THIMPHU", DEADLINE, OPENING));
    }

    /** The refusal of {@code who}'s next version of the tender: WRONG_OFFICE naming both offices; nothing written. */
    RegistryException refusedUpdate(Identity who, TenderUpdate update) {
        Step s = hx.step(TENDER);
        RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, who, c -> update.call(c, s));
        assertTrue(e.getMessage().contains("tender " + OCID + " is kept by the THIMPHU office"), e.getMessage());
        return e;
    }

    interface TenderUpdate {
        String call(org.hyperledger.fabric.contract.Context c, Step s);
    }

    String update(Identity who, TenderUpdate update) {
        Step s = hx.step(TENDER);
        return hx.submit(who, c -> update.call(c, s));
    }

    void lodgeBid() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER, ENVELOPE1, SUPPLIER_COMMIT1,
                Json.string(SHARE_HASHES1), "THIMPHU"));
    }

    /** Past the deadline, two holders have posted their shares of the one bid. */
    void sharesPosted() {
        hx.advance(Duration.ofDays(1));
        for (int holder = 1; holder <= 2; holder++) {
            String index = Integer.toString(holder);
            String shares = Json.string(Map.of(BID1, SHARES1.get(holder - 1)));
            hx.submit(SealedOpeningTest.staffOfHolder(holder), c -> cc.postOpeningShares(c, TENDER, index, shares));
        }
    }

    void openAndEvaluate() {
        lodgeBid();
        sharesPosted();
        update(PROCUREMENT_CLERK, (c, s) -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
        Step b = hx.step(BID1);
        hx.submit(PROCUREMENT_CLERK, c -> cc.openBid(c, BID1, b.version(), b.hash(), b.previousHash(), RESULT1));
    }

    @Nested
    class PublishTender {
        @Test
        void theOfficeArgumentIsNotTrusted() {
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, PROCUREMENT_CLERK2,
                    c -> cc.publishTender(c, "tender:ocds-x-1", h("t"), "THIMPHU", DEADLINE));
            assertEquals("[WRONG_OFFICE] tender ocds-x-1 would be kept by the THIMPHU office; procurement.clerk2 is of the"
                    + " PHUENTSHOLING office: a tender is published for the publisher's own office", e.getMessage());
            hx.refused(ErrorCode.WRONG_OFFICE, PROCUREMENT_CLERK2,
                    c -> cc.publishSealedTender(c, "tender:ocds-x-1", h("t"), "THIMPHU", DEADLINE, OPENING));
        }

        @Test
        void aClerkPublishesForTheirOwnOffice() {
            hx.submit(PROCUREMENT_CLERK2, c -> cc.publishSealedTender(c, "tender:ocds-p-1", h("t"), "PHUENTSHOLING", DEADLINE,
                    OPENING));
            assertEquals("PHUENTSHOLING", hx.entry("tender:ocds-p-1").office());
        }

        @Test
        void anIdentityWithoutAnOfficeCannotPublish() {
            Identity noOffice = TestIdentities.create("procurement.nooffice", "ProcurementMSP",
                    Map.of("role", "clerk", "register", "procurement"));
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, noOffice,
                    c -> cc.publishSealedTender(c, "tender:ocds-x-1", h("t"), "THIMPHU", DEADLINE, OPENING));
            assertTrue(e.getMessage().contains("procurement.nooffice is of no office"), e.getMessage());
        }

        @Test
        void theAgencyIsRecordedFromTheCertificate() {
            LedgerEntry plain = hx.entry(TENDER);
            assertTrue(plain.fields().containsKey("agency"), "every tender has the field");
            assertNull(plain.text("agency"));
            hx.submit(MOH_CLERK, c -> cc.publishSealedTender(c, "tender:ocds-moh-1", h("t"), "THIMPHU", DEADLINE, OPENING));
            assertEquals("MOH", hx.entry("tender:ocds-moh-1").text("agency"));
        }

        @Test
        void aRetryIsStillAlreadyRecordedBeforeTheOffice() {
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK2,
                    c -> cc.publishSealedTender(c, TENDER, h("sealed tender v1"), "THIMPHU", DEADLINE, OPENING));
        }
    }

    @Nested
    class AmendTender {
        @Test
        void onlyTheTendersOfficeMovesItsDeadline() {
            RegistryException e = refusedUpdate(PROCUREMENT_CLERK2,
                    (c, s) -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-09T08:00:00Z"));
            assertTrue(e.getMessage().endsWith("; procurement.clerk2 is of the PHUENTSHOLING office"), e.getMessage());
            update(PROCUREMENT_CLERK, (c, s) -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(),
                    "2026-03-09T08:00:00Z"));
        }
    }

    @Nested
    class CancelTender {
        @Test
        void onlyTheTendersOfficeCancelsIt() {
            refusedUpdate(PROCUREMENT_CLERK2, (c, s) -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "no"));
            assertEquals("active.tendering", hx.entry(TENDER).status());
        }
    }

    @Nested
    class OpenBids {
        @Test
        void onlyTheTendersOfficeOpensIt() {
            hx.advance(Duration.ofDays(1));
            refusedUpdate(PROCUREMENT_CLERK2, (c, s) -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
            update(PROCUREMENT_CLERK, (c, s) -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
        }
    }

    @Nested
    class OpenBid {
        @Test
        void onlyTheTendersOfficeRecordsABidsOpening() {
            lodgeBid();
            sharesPosted();
            Step b = hx.step(BID1);
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, PROCUREMENT_CLERK2,
                    c -> cc.openBid(c, BID1, b.version(), b.hash(), b.previousHash(), RESULT1));
            assertEquals("[WRONG_OFFICE] tender " + OCID + " is kept by the THIMPHU office; procurement.clerk2 is of the"
                    + " PHUENTSHOLING office", e.getMessage());
            hx.submit(PROCUREMENT_CLERK, c -> cc.openBid(c, BID1, b.version(), b.hash(), b.previousHash(), RESULT1));
        }
    }

    @Nested
    class AwardTender {
        @Test
        void onlyTheTendersOfficeAwardsIt() {
            openAndEvaluate();
            refusedUpdate(PROCUREMENT_CLERK2, (c, s) -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
            update(PROCUREMENT_CLERK, (c, s) -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
            assertEquals("awarded", hx.entry(TENDER).status());
        }
    }

    @Nested
    class CompleteTender {
        @Test
        void onlyTheTendersOfficeCompletesIt() {
            openAndEvaluate();
            update(PROCUREMENT_CLERK, (c, s) -> cc.awardTender(c, TENDER, s.version(), s.hash(), s.previousHash(), BID1));
            refusedUpdate(PROCUREMENT_CLERK2, (c, s) -> cc.completeTender(c, TENDER, s.version(), s.hash(), s.previousHash()));
        }
    }

    @Nested
    class TenderUnsuccessful {
        @Test
        void onlyTheTendersOfficeDeclaresIt() {
            openAndEvaluate();
            refusedUpdate(PROCUREMENT_CLERK2,
                    (c, s) -> cc.tenderUnsuccessful(c, TENDER, s.version(), s.hash(), s.previousHash(), "no responsive bid"));
        }
    }

    @Nested
    class LodgeSealedBid {
        @Test
        void aBidIsKeptByItsTendersOfficeWhateverTheArgumentSays() {
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, PROCUREMENT_CLERK, c -> cc.lodgeSealedBid(c, BID1, TENDER,
                    ENVELOPE1, SUPPLIER_COMMIT1, Json.string(SHARE_HASHES1), "ONLINE"));
            assertEquals("[WRONG_OFFICE] tender " + OCID + " is kept by the THIMPHU office; a bid on it is kept there too,"
                    + " not by the ONLINE office", e.getMessage());
            lodgeBid();
            assertEquals("THIMPHU", hx.entry(BID1).office());
        }
    }

    @Nested
    class Agency {
        static final String MOH_TENDER = "tender:ocds-moh-1";

        @BeforeEach
        void mohTender() {
            hx.submit(MOH_CLERK, c -> cc.publishSealedTender(c, MOH_TENDER, h("moh v1"), "THIMPHU", DEADLINE, OPENING));
        }

        RegistryException refusedCancel(Identity who, String key) {
            Step s = hx.step(key);
            return hx.refused(ErrorCode.WRONG_OFFICE, who,
                    c -> cc.cancelTender(c, key, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
        }

        @Test
        void anotherAgencyOfTheSameOfficeCannotChangeIt() {
            RegistryException e = refusedCancel(DES_CLERK, MOH_TENDER);
            assertEquals("[WRONG_OFFICE] tender ocds-moh-1 is kept by agency MOH, the THIMPHU office; des.clerk is of"
                    + " agency DES, the THIMPHU office", e.getMessage());
        }

        @Test
        void anIdentityWithoutAnAgencyCannotChangeAnAgencysTenderNorTheOtherWayRound() {
            refusedCancel(PROCUREMENT_CLERK, MOH_TENDER);
            RegistryException e = refusedCancel(MOH_CLERK, TENDER);
            assertTrue(e.getMessage().endsWith("is kept by the THIMPHU office; moh.clerk is of agency MOH, the THIMPHU office"),
                    e.getMessage());
        }

        @Test
        void anyClerkOfTheAgencyAndOfficeChangesIt() {
            Step s = hx.step(MOH_TENDER);
            hx.submit(MOH_CLERK2, c -> cc.cancelTender(c, MOH_TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            assertEquals("cancelled", hx.entry(MOH_TENDER).status());
            assertEquals("MOH", hx.entry(MOH_TENDER).text("agency"), "kept by later versions");
        }

        @Test
        void aTenderPublishedBeforeAgenciesWereRecordedGainsTheFieldAsNone() {
            java.util.TreeMap<String, Object> m = new java.util.TreeMap<>(hx.entry(TENDER).toMap());
            m.remove("agency");
            hx.fabric.state.put(TENDER, Json.bytes(m));
            refusedCancel(MOH_CLERK, TENDER);
            Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.cancelTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "budget withdrawn"));
            assertTrue(hx.fabric.stateText(TENDER).contains("\"agency\":null"), hx.fabric.stateText(TENDER));
        }
    }
}
