package bt.druk.registry.application.record;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.testing.FakeLedger;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The submitter's window, leases and per-record order, with answers that take their time. */
class PipelinedSubmitterTest {

    private final PortalHarness h = new PortalHarness();
    private final ExecutorService workers = Executors.newFixedThreadPool(32);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private String register(String pin) {
        return h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-1", "Punakha", "Guma",
                new BigDecimal("0.5"), LandType.WETLAND, List.of(new OwnerInput("Tshering Dema", "10901002233", "1")))).recordKey();
    }

    /** A fake ledger that runs {@link #beforeSend()} in the sender's thread just before each endorsed transaction is sent. */
    private abstract static class ObservedLedger extends FakeLedger {
        abstract void beforeSend();

        @Override
        public Endorsement endorse(LedgerCall call, String identityName) {
            Endorsement endorsement = super.endorse(call, identityName);
            if (!endorsement.isEndorsed()) {
                return endorsement;
            }
            Endorsement.Transaction inner = endorsement.transaction();
            return Endorsement.endorsed(new Endorsement.Transaction() {
                @Override
                public String txId() {
                    return inner.txId();
                }

                @Override
                public SubmissionOutcome send() {
                    beforeSend();
                    return inner.send();
                }
            });
        }
    }

    /** A ledger whose commits take a while and that counts how many calls are in flight at once. */
    private static final class SlowLedger extends ObservedLedger {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        void beforeSend() {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        }
    }

    /** A guard over this test's database for a ledger of the test's own. */
    private LedgerBindingGuard guardOver(FakeLedger ledger) {
        return new LedgerBindingGuard(ledger, h.ledgerBindings, h.health, h.staffLog,
                new LedgerCarryOver(h.records, new InMemoryAuditTrail(h.records), h.clock), h.clock);
    }

    private static void pumpUntilDone(LedgerSubmitter submitter, ExecutorService workers, PortalHarness h) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            submitter.pump(workers);
            if (h.records.pending(1000).isEmpty() && submitter.inFlight() == 0) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("still pending: " + h.records.pending(1000).size());
    }

    @Test
    void keepsUpToTheWindowInFlightAndCommitsEachVersionOnceInOrder() throws InterruptedException {
        SlowLedger ledger = new SlowLedger();
        ledger.release = new CountDownLatch(1);
        LedgerSubmitter submitter = new LedgerSubmitter(ledger, h.processor, h.health,
                new SubmitterPolicy(8, Duration.ofMinutes(2), "portal-a"), guardOver(ledger), h.clock);
        for (int i = 0; i < 30; i++) {
            register("PW-" + i);
        }
        // Version 2 of a record waits for its version 1.
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("PW-0", 1, "M-1", "BNB"));

        assertEquals(8, submitter.pump(workers), "claims only what the window holds");
        assertEquals(0, submitter.pump(workers), "the window is full");
        ledger.release.countDown();
        pumpUntilDone(submitter, workers, h);

        assertTrue(ledger.mostInFlight.get() > 1, "sent in parallel: " + ledger.mostInFlight.get());
        assertTrue(ledger.mostInFlight.get() <= 8, "never more than the window: " + ledger.mostInFlight.get());
        assertEquals(31, ledger.commits(), "each version exactly once");
        assertEquals(List.of(1, 2), ledger.history("land-title:PW-0").stream().map(w -> w.value().version()).toList());
        for (OutboxEntry entry : h.records.allOutbox()) {
            assertEquals(OutboxEntry.Status.DONE, entry.status());
            assertNotNull(entry.txId());
            assertNull(entry.leaseOwner());
        }
    }

    @Test
    void aClaimedEntryIsNotSentByAnotherPortalUntilItsLeaseRunsOut() {
        String key = register("PL-1");
        LedgerSubmitter other = new LedgerSubmitter(h.ledger, h.processor, h.health,
                new SubmitterPolicy(8, Duration.ofMinutes(2), "portal-b"), h.ledgerBinding, h.clock);
        // Portal A claims the entry and stops before sending it (a crash).
        List<OutboxWork> claimed = h.processor.claim(8, "portal-a", Duration.ofMinutes(2));
        assertEquals(1, claimed.size());
        assertEquals(0, other.submitDue(), "leased to portal A");
        assertEquals(0, h.ledger.commits());

        h.clock.advance(Duration.ofMinutes(3));
        assertEquals(1, other.submitDue(), "the lease ran out: portal B sends it");
        assertEquals(LedgerState.COMMITTED, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState());
        assertEquals(1, h.ledger.commits());
        // Portal A waking up late may not send it: its lease is gone.
        assertEquals(Set.of(), h.processor.recordSending(
                List.of(new OutboxProcessor.Sending(claimed.get(0).outboxId(), "late-tx")), "portal-a"));
    }

    @Test
    void storesTheTransactionIdsOfARoundTogetherBeforeSendingAnyOfThem() {
        for (int i = 0; i < 5; i++) {
            register("TX-" + i);
        }
        List<Long> storedAtFirstSend = new java.util.ArrayList<>();
        FakeLedger ledger = new ObservedLedger() {
            @Override
            void beforeSend() {
                if (storedAtFirstSend.isEmpty()) {
                    h.records.allOutbox().stream().filter(e -> e.txId() != null).forEach(e -> storedAtFirstSend.add(e.id()));
                }
            }
        };
        LedgerSubmitter submitter = new LedgerSubmitter(ledger, h.processor, h.health, PortalHarness.SUBMITTER_POLICY, guardOver(ledger), h.clock);

        assertEquals(5, submitter.submitDue());
        assertEquals(5, storedAtFirstSend.size(), "all five ids were stored in the round's one write before the first send");
        assertEquals(5, ledger.commits());
        h.records.allOutbox().forEach(e -> assertEquals(OutboxEntry.Status.DONE, e.status()));
    }

    @Test
    void aRestartedPortalTakesBackItsLeasesAndACommitItMissedIsNotWrittenTwice() {
        String key = register("PL-2");
        // Sent and committed, but the portal died before recording anything but the transaction id.
        OutboxWork work = h.processor.claim(8, PortalHarness.SUBMITTER_POLICY.owner(), Duration.ofMinutes(2)).get(0);
        Endorsement endorsement = h.ledger.endorse(work.call(), work.identity());
        assertEquals(Set.of(work.outboxId()), h.processor.recordSending(
                List.of(new OutboxProcessor.Sending(work.outboxId(), endorsement.transaction().txId())), PortalHarness.SUBMITTER_POLICY.owner()));
        endorsement.transaction().send();
        assertEquals(1, h.ledger.commits());
        assertEquals(0, h.submitter.submitDue(), "still leased");

        assertEquals(1, h.submitter.resume());
        assertEquals(1, h.submitter.submitDue());
        assertEquals(1, h.ledger.commits(), "ALREADY_RECORDED, not a second write");
        assertEquals(LedgerState.COMMITTED, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState());
        assertEquals(endorsement.transaction().txId(), h.records.findLiveVersion(key, 1).orElseThrow().receipt().txId());
    }

    /**
     * The database side of the submitter, whose writes of outcomes fail while {@link #down} is set
     * (claims fail their own way, through {@link #loseNextClaimAnswer}).
     */
    private static final class AwayDatabase extends OutboxProcessor {
        volatile boolean down;
        /** The next claim commits, but its answer never reaches the portal (the connection dropped). */
        volatile boolean loseNextClaimAnswer;

        AwayDatabase(PortalHarness h) {
            super(h.records, h.clock, h.pipeline);
        }

        private void failIfDown() {
            if (down) {
                throw new IllegalStateException("the database cannot be reached");
            }
        }

        @Override
        public List<OutboxWork> claim(int limit, String owner, Duration lease) {
            List<OutboxWork> claimed = super.claim(limit, owner, lease);
            if (loseNextClaimAnswer) {
                loseNextClaimAnswer = false;
                throw new IllegalStateException("connection reset while committing the claim");
            }
            return claimed;
        }

        @Override
        public Set<Long> recordSending(List<Sending> sendings, String owner) {
            failIfDown();
            return super.recordSending(sendings, owner);
        }

        @Override
        public void recordCommitted(List<SentCommit> commits) {
            failIfDown();
            super.recordCommitted(commits);
        }

        @Override
        public void recordRetry(long outboxId, String error, String owner) {
            failIfDown();
            super.recordRetry(outboxId, error, owner);
        }
    }

    /** The harness's submitter and ledger, with this database side. */
    private LedgerSubmitter submitterOver(AwayDatabase database) {
        return new LedgerSubmitter(h.ledger, database, h.health, PortalHarness.SUBMITTER_POLICY, h.ledgerBinding, h.clock);
    }

    @Test
    void entriesWhoseOutcomesTheDatabaseMissedAreSentAgainSoonAfterItReturnsNotAfterTheirLease() {
        List<String> keys = List.of(register("DB-10"), register("DB-11"), register("DB-12"));
        AwayDatabase database = new AwayDatabase(h);
        LedgerSubmitter submitter = submitterOver(database);
        database.down = true;
        assertEquals(3, submitter.submitDue(), "claimed and endorsed; their transaction ids could not be stored");
        assertEquals(0, h.ledger.commits(), "not sent without their ids stored");

        database.down = false;
        submitter.submitDue();
        h.clock.advance(Duration.ofSeconds(5)); // the back-off, far short of the 2-minute lease
        assertEquals(3, submitter.submitDue(), "due again once the database took the retries");
        assertEquals(3, h.ledger.commits());
        for (String key : keys) {
            assertEquals(LedgerState.COMMITTED, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState());
        }
    }

    @Test
    void aCommitTheDatabaseMissedIsRecordedOnceItReturns() {
        String key = register("DB-2");
        AwayDatabase database = new AwayDatabase(h);
        FakeLedger ledger = new ObservedLedger() {
            @Override
            void beforeSend() {
                database.down = true; // goes away while the transaction is out
            }
        };
        LedgerSubmitter submitter = new LedgerSubmitter(ledger, database, h.health, PortalHarness.SUBMITTER_POLICY,
                guardOver(ledger), h.clock);
        assertEquals(1, submitter.submitDue());
        assertEquals(1, ledger.commits());
        assertEquals(LedgerState.PENDING, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState());

        database.down = false;
        submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState(),
                "recorded by the submitter itself, without waiting for the commit follower");
        assertEquals(1, ledger.commits());
    }

    @Test
    void entriesLeasedByAClaimWhoseAnswerWasLostAreClaimedAgainInTheNextRound() {
        String key = register("DB-3");
        AwayDatabase database = new AwayDatabase(h);
        LedgerSubmitter submitter = submitterOver(database);
        database.loseNextClaimAnswer = true;
        assertThrows(IllegalStateException.class, () -> submitter.pump(Runnable::run));
        assertEquals(PortalHarness.SUBMITTER_POLICY.owner(), h.records.allOutbox().get(0).leaseOwner(), "leased all the same");

        assertEquals(1, submitter.submitDue(), "released and claimed again, not left to wait out the lease");
        assertEquals(1, h.ledger.commits());
        assertEquals(LedgerState.COMMITTED, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState());
    }

    @Test
    void releasingStrayLeasesLeavesTheEntriesInFlightAlone() throws InterruptedException {
        SlowLedger ledger = new SlowLedger();
        ledger.release = new CountDownLatch(1);
        AwayDatabase database = new AwayDatabase(h);
        LedgerSubmitter submitter = new LedgerSubmitter(ledger, database, h.health,
                new SubmitterPolicy(8, Duration.ofMinutes(2), "portal-a"), guardOver(ledger), h.clock);
        register("DB-40");
        register("DB-41");
        assertEquals(2, submitter.pump(workers));
        register("DB-42");
        database.loseNextClaimAnswer = true;
        assertThrows(IllegalStateException.class, () -> submitter.pump(workers));

        assertEquals(1, submitter.pump(workers), "only the entry whose claim was lost is claimed again");
        ledger.release.countDown();
        pumpUntilDone(submitter, workers, h);
        assertEquals(3, ledger.commits());
        assertEquals(3, ledger.mostInFlight.get(), "each sent once, the first two held by their lease throughout");
    }
}
