package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.CITIZEN;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bt.druk.registry.chaincode.Harness.Step;

/**
 * The minimum bid period: a network setting of the procurement register (like the land register's
 * notice period) that every bid deadline, published or amended, keeps from the transaction time.
 * Each endorser has a floor ({@value RegistryContract#MIN_BID_PERIOD_ENV}, a week unless set; the
 * harness's is an hour): an admin cannot set the period below it, and until one sets it, it is the
 * period.
 */
class MinBidPeriodTest {
    static final String TENDER = "tender:ocds-period-1";
    static final String WEEK = "604800";

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    String publish(String key, String deadline) {
        return hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, key, h(key), "THIMPHU", deadline, SealedOpeningTest.OPENING));
    }

    RegistryException tooShort(String key, String deadline) {
        return hx.refused(ErrorCode.BID_PERIOD_TOO_SHORT, PROCUREMENT_CLERK,
                c -> cc.publishSealedTender(c, key, h(key), "THIMPHU", deadline, SealedOpeningTest.OPENING));
    }

    @Nested
    class Setting {
        @Test
        void aWeekUnlessTheServiceIsStartedWithAnother() {
            assertEquals(604_800L, RegistryContract.minimumBidPeriodSetting(null));
            assertEquals(604_800L, RegistryContract.minimumBidPeriodSetting(" "));
            assertEquals(0L, RegistryContract.minimumBidPeriodSetting("0"));
            assertEquals(31_536_000L, RegistryContract.minimumBidPeriodSetting("31536000"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "31536001", "7d", "1.5", "lots"})
        void anythingElseStopsTheServiceFromStarting(String value) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RegistryContract.minimumBidPeriodSetting(value));
            assertTrue(e.getMessage().startsWith("DRUK_CHAINCODE_MIN_BID_PERIOD_SECONDS must be a whole number of seconds from 0"
                    + " to 31536000"), e.getMessage());
        }
    }

    @Nested
    class GetMinBidPeriod {
        @Test
        void isTheEndorsersFloorUntilAnAdminSetsIt() {
            assertEquals("3600", hx.evaluate(PROCUREMENT_CLERK, c -> cc.getMinBidPeriod(c)));
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
            assertEquals(WEEK, hx.evaluate(INSPECTOR, c -> cc.getMinBidPeriod(c)));
        }

        @Test
        void isForReaders() {
            hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.getMinBidPeriod(c));
            hx.refused(ErrorCode.ACCESS_DENIED, TestIdentities.BIDBOX, c -> cc.getMinBidPeriod(c));
        }
    }

    @Nested
    class SetMinBidPeriod {
        @Test
        void storesTheSettingUnderTheProcurementRegistersPolicy() {
            assertEquals(WEEK, hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK)));
            String stored = hx.fabric.stateText(Ledger.MIN_BID_PERIOD_KEY);
            assertTrue(stored.startsWith("{\"key\":\"config:minBidPeriodSeconds\",\"kind\":\"config\",\"seconds\":604800,"
                    + "\"submitter\":{\"mspId\":\"ProcurementMSP\",\"subject\":\"procurement.supervisor\"},"), stored);
            assertTrue(stored.endsWith(",\"version\":1}"), stored);
            assertTrue(hx.lastEvent().payloadText().contains("\"kind\":\"config\""), hx.lastEvent().payloadText());
            assertEquals(List.of("AuditMSP", "ProcurementMSP"), StateBasedEndorsementFactory.getInstance()
                    .newStateBasedEndorsement(hx.fabric.validationParameters.get(Ledger.MIN_BID_PERIOD_KEY)).listOrgs().stream()
                    .sorted().toList());
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "86400"));
            assertTrue(hx.fabric.stateText(Ledger.MIN_BID_PERIOD_KEY).endsWith(",\"version\":2}"));
        }

        @Test
        void notBelowTheEndorsersFloorNorAboveAYear() {
            RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "3599"));
            assertEquals("[INVALID_ARGUMENT] seconds must be an integer from 3600 to 31536000, got '3599'", e.getMessage());
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "0"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "31536001"));
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "7d"));
            assertEquals("3600", hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "3600")), "the floor itself is allowed");
        }

        @Test
        void onlyAnAdminOfTheProcurementRegistersOrganisation() {
            RegistryException e = hx.refused(ErrorCode.ACCESS_DENIED, ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
            assertEquals("[ACCESS_DENIED] only an admin of ProcurementMSP may change the procurement register's configuration;"
                    + " identity admin@LandMSP", e.getMessage());
            hx.refused(ErrorCode.ACCESS_DENIED, PROCUREMENT_CLERK, c -> cc.setMinBidPeriod(c, WEEK));
            hx.refused(ErrorCode.ACCESS_DENIED, INSPECTOR, c -> cc.setMinBidPeriod(c, WEEK));
            hx.refused(ErrorCode.ACCESS_DENIED, TestIdentities.BIDBOX, c -> cc.setMinBidPeriod(c, WEEK));
            hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.setMinBidPeriod(c, WEEK));
        }

        @Test
        void isRefusedFromASkewedAdmin() {
            hx.clientOffset = Duration.ofMinutes(2);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
        }

        @Test
        void isNoRecordAndCannotBeCarriedOver() {
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_ADMIN, c -> cc.carryOver(c, "SetMinBidPeriod", "[\"604800\"]",
                    h("old ledger"), "old-tx", TxInfo.iso(Harness.T0.minus(Duration.ofDays(1)))));
        }
    }

    @Nested
    class PublishTender {
        @Test
        void aDeadlineInsideTheFloorIsRefusedWithBothTimes() {
            RegistryException e = tooShort(TENDER, "2026-03-01T08:59:59Z");
            assertEquals("[BID_PERIOD_TOO_SHORT] tender ocds-period-1: bidDeadline 2026-03-01T08:59:59Z is less than the minimum"
                    + " bid period of 3600 s after the transaction time 2026-03-01T08:00:00Z; the earliest deadline is"
                    + " 2026-03-01T09:00:00Z", e.getMessage());
            publish(TENDER, "2026-03-01T09:00:00Z");
        }

        @Test
        void aDeadlineInsideTheSetPeriodIsRefused() {
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
            RegistryException e = tooShort(TENDER, "2026-03-02T08:00:00Z");
            assertTrue(e.getMessage().contains("604800 s (7 days) after the transaction time 2026-03-01T08:00:00Z; the earliest"
                    + " deadline is 2026-03-08T08:00:00Z"), e.getMessage());
            hx.refused(ErrorCode.BID_PERIOD_TOO_SHORT, PROCUREMENT_CLERK,
                    c -> cc.publishTender(c, TENDER, h(TENDER), "THIMPHU", "2026-03-08T07:59:59Z"));
            publish(TENDER, "2026-03-08T14:00:00+06:00");
        }

        @Test
        void aPastDeadlineIsStillAnInvalidArgument() {
            hx.refused(ErrorCode.INVALID_ARGUMENT, PROCUREMENT_CLERK,
                    c -> cc.publishSealedTender(c, TENDER, h(TENDER), "THIMPHU", "2026-03-01T08:00:00Z", SealedOpeningTest.OPENING));
        }

        @Test
        void aRetryAfterThePeriodWasRaisedIsStillAlreadyRecorded() {
            publish(TENDER, "2026-03-02T08:00:00Z");
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
            hx.refused(ErrorCode.ALREADY_RECORDED, PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, TENDER, h(TENDER), "THIMPHU",
                    "2026-03-02T08:00:00Z", SealedOpeningTest.OPENING));
        }

        @Test
        void aTenderPublishedBeforeThePeriodWasRaisedKeepsItsDeadline() {
            publish(TENDER, "2026-03-01T10:00:00Z");
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
            hx.advance(Duration.ofHours(2));
            Step s = hx.step(TENDER);
            hx.submit(PROCUREMENT_CLERK, c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
            assertEquals("evaluation", hx.entry(TENDER).status());
        }

        @Test
        void anEndorsersFloorHoldsOverALowerSetting() {
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, "3600"));
            // another organisation's endorser, started with a floor of a day
            RegistryContract strict = new RegistryContract(new ClockSkewGuard(hx.chaincodeClock,
                    Duration.ofSeconds(ClockSkewGuard.DEFAULT_SECONDS)), Harness.MIN_NOTICE_SECONDS, 86_400);
            hx.refused(ErrorCode.BID_PERIOD_TOO_SHORT, PROCUREMENT_CLERK, c -> strict.publishSealedTender(c, TENDER, h(TENDER),
                    "THIMPHU", "2026-03-01T12:00:00Z", SealedOpeningTest.OPENING));
            assertEquals("86400", hx.evaluate(INSPECTOR, c -> strict.getMinBidPeriod(c)));
            publish(TENDER, "2026-03-01T12:00:00Z");
        }
    }

    @Nested
    class AmendTender {
        @BeforeEach
        void tender() {
            publish(TENDER, "2026-03-20T08:00:00Z");
            hx.submit(PROCUREMENT_ADMIN, c -> cc.setMinBidPeriod(c, WEEK));
            hx.advance(Duration.ofDays(2));
        }

        String amend(String deadline) {
            Step s = hx.step(TENDER);
            return hx.submit(PROCUREMENT_CLERK, c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), deadline));
        }

        @Test
        void aNewDeadlineInsideThePeriodIsRefused() {
            Step s = hx.step(TENDER);
            RegistryException e = hx.refused(ErrorCode.BID_PERIOD_TOO_SHORT, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-09T08:00:00Z"));
            assertTrue(e.getMessage().contains("the transaction time 2026-03-03T08:00:00Z; the earliest deadline is"
                    + " 2026-03-10T08:00:00Z"), e.getMessage());
            amend("2026-03-10T08:00:00Z");
            assertEquals("2026-03-10T08:00:00Z", hx.entry(TENDER).text("bidDeadline"), "earlier than before, still a week off");
        }
    }
}
