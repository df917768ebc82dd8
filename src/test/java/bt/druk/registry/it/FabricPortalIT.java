package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.record.CommitFollower;
import bt.druk.registry.application.record.LedgerStatusService;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.testing.RunsAlone;
import jakarta.inject.Inject;
import bt.druk.registry.network.NetworkScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR in Payara Micro against the real Fabric network (profile fabric-it; failsafe hands
 * DRUK_FABRIC_CONFIG to the server): a clerk's registration is committed by the background
 * submitter with a receipt endorsed by two organisations, and the ledger re-check matches.
 */
@ExtendWith(ArquillianExtension.class)
@RunsAlone
class FabricPortalIT {

    static final StaffMember CLERK = StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU");

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, Deployments.builtWar()).addClasses(FabricPortalIT.class, NetworkScript.class, NetworkScript.Result.class);
    }

    @Inject
    LandTitleService land;

    @Inject
    LandPublicService publicLand;

    @Inject
    RecordQueryService queries;

    @Inject
    LedgerStatusService ledgerStatus;

    @Inject
    OutboxProcessor outbox;

    @Inject
    Ledger ledger;

    SubmissionAck registerParcel(String pin) {
        return land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "FP-1", "Bumthang", "Ura",
                new BigDecimal("3.0625"), LandType.DRY_LAND, List.of(new OwnerInput("Sangay Choden", "10509006007", "1"))));
    }

    static String newPin() {
        return "FP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    VersionView await(String key, int version, Predicate<VersionView> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        VersionView last = null;
        while (System.currentTimeMillis() < deadline) {
            last = queries.versions(key).stream().filter(v -> v.version() == version).reduce((a, b) -> b).orElse(null);
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(key + " v" + version + " not as expected after 120 s: " + last);
    }

    @Test
    void clerkRegistersThenTheLedgerCommitsAndTheCheckMatches() throws Exception {
        String pin = "FP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        SubmissionAck ack = land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "FP-1", "Bumthang", "Ura",
                new BigDecimal("3.0625"), LandType.DRY_LAND, List.of(new OwnerInput("Sangay Choden", "10509006007", "1"))));
        assertEquals(LedgerState.PENDING, ack.ledgerState());
        VersionView v1 = await(ack.recordKey(), 1, v -> v.ledgerState() != LedgerState.PENDING && v.receipt() != null
                && !v.receipt().endorsingMspIds().isEmpty());
        assertEquals(LedgerState.COMMITTED, v1.ledgerState(), () -> "rejected: " + v1.rejectionCode() + " " + v1.rejectionReason());
        assertEquals(List.of("AuditMSP", "LandMSP"), v1.receipt().endorsingMspIds());
        assertTrue(v1.receipt().blockNumber() > 0);
        assertNotNull(v1.receipt().commitTime());

        land.lodgeCaveat(CLERK, new LodgeCaveatCommand(pin, 1, "CAV-" + pin, "Pending court case"));
        VersionView v2 = await(ack.recordKey(), 2, v -> v.ledgerState() != LedgerState.PENDING);
        assertEquals(LedgerState.COMMITTED, v2.ledgerState(), () -> "rejected: " + v2.rejectionCode() + " " + v2.rejectionReason());

        LedgerVerification check = publicLand.verifyOnLedger(pin);
        assertEquals(LedgerVerification.Outcome.VERIFIED, check.outcome(), check::message);
        assertEquals(2, check.currentLedgerVersion());
    }

    /**
     * The land clerk's gateway peer and the auditor's peer (the portal's reader: the block stream)
     * are killed under the running portal and started again: a registration made meanwhile waits,
     * readiness says why, and then it is committed exactly once and the block stream resumes from
     * its checkpoint; a registration after that goes through as usual.
     */
    @Test
    void killedAndRestartedPeersUnderALivePortal() throws Exception {
        SubmissionAck before = registerParcel(newPin());
        await(before.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);

        NetworkScript.runOrFail("kill", "peer-land");
        NetworkScript.runOrFail("kill", "peer-audit");
        SubmissionAck during;
        try {
            during = registerParcel(newPin());
            assertEquals(LedgerState.PENDING, during.ledgerState());
            Thread.sleep(8000);
            assertEquals(LedgerState.PENDING, queries.versions(during.recordKey()).get(0).ledgerState(),
                    "nothing can commit while the peers are down");
            LedgerStatusService.Readiness readiness = ledgerStatus.readiness(Duration.ofSeconds(120));
            assertFalse(readiness.ready(), "readiness while the peers are down");
            assertTrue(ledgerStatus.status().backlog().waiting() >= 1);
        } finally {
            NetworkScript.runOrFail("start");
        }

        VersionView committed = await(during.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED
                && v.receipt() != null && !v.receipt().endorsingMspIds().isEmpty());
        List<LedgerHistoryItem> writes = ledger.history(during.recordKey());
        assertEquals(1, writes.size(), "exactly one ledger write: " + writes);
        assertEquals(committed.receipt().txId(), writes.get(0).txId());

        // The block stream is back: the follower's checkpoint passes the block of that commit.
        long deadline = System.currentTimeMillis() + 120_000;
        while (outbox.nextBlock(CommitFollower.CHECKPOINT) <= committed.receipt().blockNumber()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(outbox.nextBlock(CommitFollower.CHECKPOINT) > committed.receipt().blockNumber(),
                "the commit follower resumed after the peers came back");

        SubmissionAck after = registerParcel(newPin());
        await(after.recordKey(), 1, v -> v.ledgerState() == LedgerState.COMMITTED);
        assertTrue(ledgerStatus.readiness(Duration.ofSeconds(120)).ready());
    }
}
