package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.CITIZEN;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bt.druk.registry.chaincode.Harness.Step;

/**
 * The proposal timestamp is chosen by the client; every write refuses one that is more than the
 * maximum skew (default 30 s) from the endorsing chaincode's clock, so a client cannot move itself
 * before a bid deadline or past a notice period. {@link Harness#now} is the chaincode's clock and
 * {@link Harness#clientOffset} how far the client's clock is from it.
 */
class ClockSkewTest {
    static final String OCID = "ocds-b5fd17-2026-0042";
    static final String TENDER = "tender:" + OCID;
    static final String BID1 = "bid:" + OCID + ":1";
    static final String DEADLINE = "2026-03-02T08:00:00Z"; // T0 + 1 day
    static final String TITLE = "land-title:PIN-SKEW";

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    void publishTender() {
        hx.submit(PROCUREMENT_CLERK, c -> cc.publishSealedTender(c, TENDER, h("tender"), "THIMPHU", DEADLINE,
                SealedOpeningTest.OPENING));
    }

    /** LodgeSealedBid of BID1 (the envelope format's vector bid). */
    String lodge(org.hyperledger.fabric.contract.Context c) {
        return cc.lodgeSealedBid(c, BID1, TENDER, SealedOpeningTest.ENVELOPE1, SealedOpeningTest.SUPPLIER_COMMIT1,
                Json.string(SealedOpeningTest.SHARE_HASHES1), "THIMPHU");
    }

    /** Registers a title and lodges a transfer at T0: its 30-day notice ends at T0 + 30 days. */
    void lodgeTransfer() {
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, TITLE, h("title v1"), "THIMPHU", "Thimphu"));
        Step s = hx.step(TITLE);
        hx.submit(LAND_CLERK, c -> cc.lodgeTransfer(c, TITLE, s.version(), s.hash(), s.previousHash()));
    }

    @Nested
    class Setting {
        final Clock clock = Clock.fixed(Harness.T0, ZoneOffset.UTC);

        @Test
        void defaultIsThirtySeconds() {
            assertEquals(Duration.ofSeconds(30), ClockSkewGuard.fromSetting(null, clock).maxSkew());
            assertEquals(Duration.ofSeconds(30), ClockSkewGuard.fromSetting("  ", clock).maxSkew());
        }

        @Test
        void wholeSecondsFromOneToAnHourAreAccepted() {
            assertEquals(Duration.ofSeconds(60), ClockSkewGuard.fromSetting("60", clock).maxSkew());
            assertEquals(Duration.ofSeconds(1), ClockSkewGuard.fromSetting(" 1 ", clock).maxSkew());
            assertEquals(Duration.ofHours(1), ClockSkewGuard.fromSetting("3600", clock).maxSkew());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "3601", "30s", "1.5", "0030", "lots"})
        void anythingElseStopsTheServiceFromStarting(String value) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ClockSkewGuard.fromSetting(value, clock));
            assertTrue(e.getMessage().contains(ClockSkewGuard.ENV), e.getMessage());
        }

        @Test
        void theRouterDefaultContractReadsTheEnvironment() {
            // no DRUK_CHAINCODE_MAX_CLOCK_SKEW_SECONDS in the test JVM: the no-argument constructor works
            new RegistryContract();
        }
    }

    @Nested
    class LodgeSealedBid {
        @BeforeEach
        void tender() {
            publishTender();
        }

        @Test
        void aLateBidFromABackDatedClientIsRefusedWithClockSkew() {
            hx.advance(Duration.ofDays(1).plusSeconds(10)); // 10 s after the deadline
            hx.clientOffset = Duration.ofSeconds(-120);     // the client claims 110 s before it
            RegistryException e = hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK,
                    c -> lodge(c));
            assertTrue(e.getMessage().contains("is 120.0 s behind the endorser's clock"), e.getMessage());
            assertTrue(e.getMessage().contains("at most 30 s"), e.getMessage());
            assertTrue(e.getMessage().contains("2026-03-02T07:58:10Z"), e.getMessage());
        }

        @Test
        void theSameLateBidFromAnHonestClientIsDeadlinePassed() {
            hx.advance(Duration.ofDays(1).plusSeconds(10));
            hx.refused(ErrorCode.DEADLINE_PASSED, PROCUREMENT_CLERK, c -> lodge(c));
        }

        @Test
        void aClientWithinTheSkewIsJudgedByItsOwnTimestamp() {
            // the residual window: 20 s after the deadline, a client 25 s behind still gets in
            hx.advance(Duration.ofDays(1).plusSeconds(20));
            hx.clientOffset = Duration.ofSeconds(-25);
            hx.submit(PROCUREMENT_CLERK, c -> lodge(c));
            assertEquals("2026-03-02T07:59:55Z", hx.entry(BID1).txTime());
        }

        @Test
        void aRetryFromASkewedClientIsClockSkewNotAlreadyRecorded() {
            hx.submit(PROCUREMENT_CLERK, c -> lodge(c));
            hx.clientOffset = Duration.ofMinutes(5);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK, c -> lodge(c));
        }
    }

    @Nested
    class PostOpeningShares {
        @Test
        void earlySharesFromAPostDatedClientAreRefused() {
            publishTender();
            hx.submit(PROCUREMENT_CLERK, c -> lodge(c));
            hx.advance(Duration.ofHours(23));
            String shares = Json.string(java.util.Map.of(BID1, SealedOpeningTest.SHARES1.get(1)));
            hx.clientOffset = Duration.ofHours(2);
            hx.refused(ErrorCode.CLOCK_SKEW, INSPECTOR, c -> cc.postOpeningShares(c, TENDER, "2", shares));
            hx.clientOffset = Duration.ZERO;
            hx.refused(ErrorCode.DEADLINE_NOT_REACHED, INSPECTOR, c -> cc.postOpeningShares(c, TENDER, "2", shares));
        }
    }

    @Nested
    class OpenBids {
        @Test
        void anEarlyOpeningFromAPostDatedClientIsRefused() {
            publishTender();
            hx.clientOffset = Duration.ofDays(2);
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK,
                    c -> cc.openBids(c, TENDER, s.version(), s.hash(), s.previousHash()));
        }
    }

    @Nested
    class AmendTender {
        @Test
        void aLateAmendmentFromABackDatedClientIsRefused() {
            publishTender();
            hx.advance(Duration.ofDays(1).plusMinutes(1));
            hx.clientOffset = Duration.ofMinutes(-2);
            Step s = hx.step(TENDER);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK,
                    c -> cc.amendTender(c, TENDER, s.version(), s.hash(), s.previousHash(), "2026-03-09T08:00:00Z"));
        }
    }

    @Nested
    class PublishTender {
        @Test
        void exactlyTheMaximumSkewIsAcceptedEitherWay() {
            hx.clientOffset = Duration.ofSeconds(30);
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, TENDER, h("t1"), "THIMPHU", DEADLINE));
            hx.clientOffset = Duration.ofSeconds(-30);
            hx.submit(PROCUREMENT_CLERK, c -> cc.publishTender(c, "tender:ocds-2", h("t2"), "THIMPHU", DEADLINE));
        }

        @Test
        void aMillisecondMoreIsRefusedEitherWay() {
            hx.clientOffset = Duration.ofMillis(30_001);
            RegistryException ahead = hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK,
                    c -> cc.publishTender(c, TENDER, h("t1"), "THIMPHU", DEADLINE));
            assertTrue(ahead.getMessage().contains("is 30.0 s ahead of the endorser's clock"), ahead.getMessage());
            hx.clientOffset = Duration.ofMillis(-30_001);
            hx.refused(ErrorCode.CLOCK_SKEW, PROCUREMENT_CLERK,
                    c -> cc.publishTender(c, TENDER, h("t1"), "THIMPHU", DEADLINE));
        }
    }

    @Nested
    class FinaliseTransfer {
        @BeforeEach
        void transfer() {
            lodgeTransfer();
        }

        @Test
        void anEarlyFinalisationFromAPostDatedClientIsRefusedWithClockSkew() {
            hx.advance(Duration.ofDays(1));
            hx.clientOffset = Duration.ofDays(30);
            Step s = hx.step(TITLE);
            RegistryException e = hx.refused(ErrorCode.CLOCK_SKEW, LAND_CLERK,
                    c -> cc.finaliseTransfer(c, TITLE, s.version(), s.hash(), s.previousHash()));
            assertTrue(e.getMessage().contains("ahead of"), e.getMessage());
        }

        @Test
        void theSameFinalisationFromAnHonestClientIsNoticePeriodRunning() {
            hx.advance(Duration.ofDays(1));
            Step s = hx.step(TITLE);
            hx.refused(ErrorCode.NOTICE_PERIOD_RUNNING, LAND_CLERK,
                    c -> cc.finaliseTransfer(c, TITLE, s.version(), s.hash(), s.previousHash()));
        }

        @Test
        void afterTheNoticeAnHonestClientFinalises() {
            hx.advance(Duration.ofDays(30));
            Step s = hx.step(TITLE);
            hx.submit(LAND_CLERK, c -> cc.finaliseTransfer(c, TITLE, s.version(), s.hash(), s.previousHash()));
            assertEquals("registered", hx.entry(TITLE).status());
        }
    }

    @Nested
    class ObjectToTransfer {
        @Test
        void aLateObjectionFromABackDatedClientIsRefused() {
            lodgeTransfer();
            hx.advance(Duration.ofDays(30).plusSeconds(5));
            hx.clientOffset = Duration.ofMinutes(-1);
            Step s = hx.step(TITLE);
            hx.refused(ErrorCode.CLOCK_SKEW, LAND_CLERK,
                    c -> cc.objectToTransfer(c, TITLE, s.version(), s.hash(), s.previousHash()));
        }
    }

    @Nested
    class RegisterNotarisation {
        @Test
        void isRefusedFromASkewedClient() {
            hx.clientOffset = Duration.ofHours(-1);
            hx.refused(ErrorCode.CLOCK_SKEW, NOTARY_CLERK,
                    c -> cc.registerNotarisation(c, "notarisation:N-1", h("n"), h("doc"), "THIMPHU"));
        }
    }

    @Nested
    class SetNoticePeriod {
        @Test
        void isRefusedFromASkewedAdmin() {
            hx.clientOffset = Duration.ofMinutes(2);
            hx.refused(ErrorCode.CLOCK_SKEW, ADMIN, c -> cc.setNoticePeriod(c, "120"));
        }
    }

    @Nested
    class OrderOfChecks {
        @Test
        void accessComesBeforeTheClock() {
            hx.clientOffset = Duration.ofHours(1);
            hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.registerTitle(c, TITLE, h("x"), "THIMPHU", "Thimphu"));
            hx.refused(ErrorCode.WRONG_REGISTER, NOTARY_CLERK, c -> cc.registerTitle(c, TITLE, h("x"), "THIMPHU", "Thimphu"));
        }

        @Test
        void theClockComesBeforeTheArguments() {
            hx.clientOffset = Duration.ofHours(1);
            hx.refused(ErrorCode.CLOCK_SKEW, LAND_CLERK, c -> cc.registerTitle(c, TITLE, "not-a-hash", "THIMPHU", "Thimphu"));
        }
    }

    @Nested
    class Reads {
        @Test
        void doNotCheckTheClock() {
            hx.submit(LAND_CLERK, c -> cc.registerTitle(c, TITLE, h("title v1"), "THIMPHU", "Thimphu"));
            hx.clientOffset = Duration.ofDays(-3);
            assertTrue(hx.evaluate(INSPECTOR, c -> cc.getRecord(c, TITLE)).contains(TITLE));
            assertEquals("2592000", hx.evaluate(INSPECTOR, c -> cc.getNoticePeriod(c)));
            assertEquals("[]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, h("nothing"))));
        }
    }
}
