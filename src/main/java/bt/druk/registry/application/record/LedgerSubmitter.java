package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox entries to the ledger with up to {@link SubmitterPolicy#window()} transactions
 * in flight, at most one per record and in version order (an entry is only claimed once the earlier
 * versions of its record are done). Each entry is claimed with a lease and endorsed; the ids of the
 * transactions endorsed since the last round are stored together in one database transaction, and
 * only then is each sent; the results are recorded in batches too. (On the embedded H2 database every
 * commit writes the store under one lock, so a write per ledger transaction would bound throughput.) A network problem leaves the entry
 * due and retries it with back-off; a chaincode refusal rejects the version with the chaincode's
 * reason; ALREADY_RECORDED (a retry of something that did commit) counts as success. Because the
 * chaincode only accepts version n+1 on top of version n's hash, sending an entry again can never
 * create a second ledger version; the commit follower completes each receipt from its block.
 */
@ApplicationScoped
public class LedgerSubmitter {

    private static final Logger LOG = Logger.getLogger(LedgerSubmitter.class.getName());

    private Ledger ledger;
    private OutboxProcessor processor;
    private LedgerHealth health;
    private SubmitterPolicy policy;
    private LedgerBindingGuard binding;
    private Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Result> finished = new ConcurrentLinkedQueue<>();
    private final Queue<Endorsed> endorsed = new ConcurrentLinkedQueue<>();
    /** Outbox ids claimed whose outcome is not written yet; only the pumping thread changes it. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    /**
     * Set when a claim failed: the database may have committed it all the same, leasing entries to
     * this portal that it never received and that would wait out their lease unsent.
     */
    private volatile boolean strayLeasesPossible;

    protected LedgerSubmitter() {
    }

    @Inject
    public LedgerSubmitter(Ledger ledger, OutboxProcessor processor, LedgerHealth health, SubmitterPolicy policy,
                           LedgerBindingGuard binding, Clock clock) {
        this.ledger = ledger;
        this.processor = processor;
        this.health = health;
        this.policy = policy;
        this.binding = binding;
        this.clock = clock;
    }

    /** At startup: takes back at once what this portal had claimed when it stopped, rather than waiting out the leases. */
    public int resume() {
        return processor.releaseLeases(policy.owner(), Set.of());
    }

    /**
     * Records what finished since the last call, claims due entries up to the window's free room and
     * starts endorsing each on {@code workers}, then stores the ids of the transactions endorsed so
     * far and starts sending them. Claims nothing unless the network serves this database's ledger.
     *
     * @return how many entries were claimed
     */
    public int pump(Executor workers) {
        recordFinished();
        if (strayLeasesPossible) {
            int released = processor.releaseLeases(policy.owner(), Set.copyOf(held));
            strayLeasesPossible = false;
            if (released > 0) {
                LOG.info(() -> released + " outbox entries leased by a claim that seemed to fail are due again");
            }
        }
        int room = policy.window() - inFlight.get();
        List<OutboxWork> claimed = room <= 0 || !binding.permitsWrites() ? List.of() : claim(room);
        for (OutboxWork work : claimed) {
            held.add(work.outboxId());
            inFlight.incrementAndGet();
            start(workers, work, () -> endorse(work));
        }
        sendEndorsed(workers);
        return claimed.size();
    }

    private List<OutboxWork> claim(int room) {
        try {
            return processor.claim(room, policy.owner(), policy.lease());
        } catch (RuntimeException e) {
            strayLeasesPossible = true;
            throw e;
        }
    }

    /** Sends everything due now from the calling thread, one after another, and records the results (tests, tools). */
    public int submitDue() {
        int total = 0;
        int started;
        do {
            started = pump(Runnable::run);
            total += started;
        } while (started > 0);
        recordFinished();
        return total;
    }

    /** Transactions being endorsed, sent or awaited right now. */
    public int inFlight() {
        return inFlight.get();
    }

    private void endorse(OutboxWork work) {
        try {
            Endorsement endorsement = ledger.endorse(work.call(), work.identity());
            if (endorsement.isEndorsed()) {
                endorsed.add(new Endorsed(work, endorsement.transaction()));
            } else {
                finish(resultOf(work, endorsement.outcome()));
            }
        } catch (RuntimeException e) {
            // The adapter does not throw; should anything else, the entry stays due and is tried again.
            LOG.log(Level.FINE, "endorsing " + work.recordKey() + " v" + work.version() + " failed", e);
            finish(Result.retry(work, e.toString()));
        }
    }

    /** Stores the endorsed transactions' ids in one database transaction, then sends those whose lease still holds. */
    private void sendEndorsed(Executor workers) {
        List<Endorsed> batch = new ArrayList<>();
        for (Endorsed next = endorsed.poll(); next != null; next = endorsed.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<Long> granted;
        try {
            granted = processor.recordSending(batch.stream()
                    .map(e -> new OutboxProcessor.Sending(e.work().outboxId(), e.transaction().txId())).toList(), policy.owner());
        } catch (RuntimeException e) {
            // Nothing was sent, and nothing may be sent without its id stored: all are tried again.
            LOG.log(Level.WARNING, "storing " + batch.size() + " transaction id(s) failed; they are sent again later", e);
            batch.forEach(b -> finish(Result.retry(b.work(), "transaction id not stored: " + e)));
            return;
        }
        for (Endorsed next : batch) {
            if (granted.contains(next.work().outboxId())) {
                start(workers, next.work(), () -> finish(send(next)));
            } else {
                finish(Result.leaseLost(next.work()));
            }
        }
    }

    private Result send(Endorsed endorsed) {
        try {
            return resultOf(endorsed.work(), endorsed.transaction().send());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "sending " + endorsed.work().recordKey() + " v" + endorsed.work().version() + " failed", e);
            return Result.retry(endorsed.work(), e.toString());
        }
    }

    private void start(Executor workers, OutboxWork work, Runnable step) {
        try {
            workers.execute(step);
        } catch (RejectedExecutionException e) {
            finish(Result.retry(work, "not sent: the portal is stopping"));
        }
    }

    /** The entry's turn in the window is over: its result waits to be recorded. */
    private void finish(Result result) {
        finished.add(result);
        inFlight.decrementAndGet();
    }

    private Result resultOf(OutboxWork work, SubmissionOutcome outcome) {
        // Java 17: no pattern matching in switch yet, so plain instanceof.
        if (outcome instanceof SubmissionOutcome.Committed committed) {
            health.succeeded();
            return Result.committed(work, new OutboxProcessor.SentCommit(work.outboxId(), committed.txId(), committed.blockNumber(), null));
        } else if (outcome instanceof SubmissionOutcome.Refused refused && refused.alreadyRecorded()) {
            health.succeeded();
            return alreadyRecorded(work, refused);
        } else if (outcome instanceof SubmissionOutcome.Refused refused) {
            health.succeeded();
            return Result.rejected(work, refused);
        } else if (outcome instanceof SubmissionOutcome.Conflict conflict) {
            health.succeeded();
            return Result.retry(work, conflict.reason());
        }
        SubmissionOutcome.Unavailable unavailable = (SubmissionOutcome.Unavailable) outcome;
        // LedgerHealth says so at WARNING (first failure, then every few minutes); per record only FINE.
        health.failed("submitting " + work.recordKey() + " v" + work.version(), unavailable.reason(), unavailable.cause());
        return Result.retry(work, unavailable.reason());
    }

    /** The same (key, version, hash) is already on the ledger: find its transaction for the receipt. */
    private Result alreadyRecorded(OutboxWork work, SubmissionOutcome.Refused refused) {
        try {
            Optional<LedgerHistoryItem> write = ledger.history(work.recordKey()).stream()
                    .filter(item -> item.value() != null && item.value().version() == work.version()
                            && work.hash().equals(item.value().hash()))
                    .findFirst();
            if (write.isEmpty()) {
                return Result.retry(work, "ALREADY_RECORDED but not found in history yet");
            }
            return Result.committed(work, new OutboxProcessor.SentCommit(work.outboxId(), write.get().txId(), null,
                    "already recorded: " + refused.message()));
        } catch (LedgerUnavailableException e) {
            return Result.retry(work, "ALREADY_RECORDED; receipt lookup failed: " + e.getMessage());
        }
    }

    /**
     * Writes the finished results: every commit in one database transaction, the rest one by one.
     * A result that cannot be written (the database is away) is kept and written in a later round
     * while its lease holds: dropped, its entry would sit unsent under this portal's lease until
     * the lease ran out, minutes after the database came back.
     */
    private void recordFinished() {
        List<Result> commits = new ArrayList<>();
        List<Result> others = new ArrayList<>();
        for (Result result = finished.poll(); result != null; result = finished.poll()) {
            (result.commit() != null ? commits : others).add(result);
        }
        if (!commits.isEmpty()) {
            try {
                processor.recordCommitted(commits.stream().map(Result::commit).toList());
                commits.forEach(result -> held.remove(result.work().outboxId()));
                LOG.fine(() -> commits.size() + " record version(s) committed");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording " + commits.size() + " commit(s) failed; tried again next round", e);
                commits.forEach(this::keepUnlessLeaseOver);
            }
        }
        for (int i = 0; i < others.size(); i++) {
            Result result = others.get(i);
            OutboxWork work = result.work();
            try {
                if (result.refusal() != null) {
                    processor.recordRejected(work.outboxId(), result.refusal().code(), result.refusal().message());
                    LOG.info(() -> "ledger rejected " + work.recordKey() + " v" + work.version() + ": ["
                            + result.refusal().code() + "] " + result.refusal().message());
                } else if (result.retryReason() != null) {
                    processor.recordRetry(work.outboxId(), result.retryReason(), policy.owner());
                }
                held.remove(work.outboxId());
            } catch (RuntimeException e) {
                // The database is likely away: the rest wait for the next round too, with one warning for all.
                int left = others.size() - i;
                LOG.log(Level.WARNING, "recording the outcome of " + work.recordKey() + " v" + work.version()
                        + (left > 1 ? " and " + (left - 1) + " more" : "") + " failed; tried again next round", e);
                others.subList(i, others.size()).forEach(this::keepUnlessLeaseOver);
                return;
            }
        }
    }

    /** Once the lease is over anyone may claim the entry again (the commit follower closes a committed one). */
    private void keepUnlessLeaseOver(Result result) {
        if (result.work().leaseUntil().isAfter(clock.instant())) {
            finished.add(result);
        } else {
            held.remove(result.work().outboxId());
        }
    }

    /** An entry whose transaction the ledger's peers endorsed, waiting for its id to be stored before it is sent. */
    private record Endorsed(OutboxWork work, Endorsement.Transaction transaction) {
    }

    /** What became of one entry: committed, refused, to retry, or none of these (its lease was lost). */
    private record Result(OutboxWork work, OutboxProcessor.SentCommit commit, SubmissionOutcome.Refused refusal, String retryReason) {

        static Result committed(OutboxWork work, OutboxProcessor.SentCommit commit) {
            return new Result(work, commit, null, null);
        }

        static Result rejected(OutboxWork work, SubmissionOutcome.Refused refusal) {
            return new Result(work, null, refusal, null);
        }

        static Result retry(OutboxWork work, String reason) {
            return new Result(work, null, null, reason);
        }

        static Result leaseLost(OutboxWork work) {
            return new Result(work, null, null, null);
        }
    }
}
