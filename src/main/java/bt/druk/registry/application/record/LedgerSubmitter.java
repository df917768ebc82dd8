package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.Endorsement;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox entries to the ledger with up to {@link SubmitterPolicy#window()} transactions
 * in flight, at most one per record and in version order (an entry is only claimed once the earlier
 * versions of its record are done). Each entry is claimed with a lease, endorsed, its transaction id
 * stored, and only then sent; the results are recorded in batches. A network problem leaves the entry
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
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Result> finished = new ConcurrentLinkedQueue<>();

    protected LedgerSubmitter() {
    }

    @Inject
    public LedgerSubmitter(Ledger ledger, OutboxProcessor processor, LedgerHealth health, SubmitterPolicy policy) {
        this.ledger = ledger;
        this.processor = processor;
        this.health = health;
        this.policy = policy;
    }

    /** At startup: takes back at once what this portal had claimed when it stopped, rather than waiting out the leases. */
    public int resume() {
        return processor.releaseLeases(policy.owner());
    }

    /**
     * Records what finished since the last call, then claims due entries up to the window's free
     * room and starts sending each on {@code workers}.
     *
     * @return how many entries were started
     */
    public int pump(Executor workers) {
        recordFinished();
        int room = policy.window() - inFlight.get();
        if (room <= 0) {
            return 0;
        }
        List<OutboxWork> claimed = processor.claim(room, policy.owner(), policy.lease());
        for (OutboxWork work : claimed) {
            inFlight.incrementAndGet();
            try {
                workers.execute(() -> {
                    try {
                        finished.add(send(work));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.decrementAndGet();
                finished.add(Result.retry(work, "not sent: the portal is stopping"));
            }
        }
        return claimed.size();
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

    private Result send(OutboxWork work) {
        try {
            Endorsement endorsement = ledger.endorse(work.call(), work.identity());
            SubmissionOutcome outcome;
            if (endorsement.isEndorsed()) {
                Endorsement.Transaction transaction = endorsement.transaction();
                if (!processor.recordSending(work.outboxId(), transaction.txId(), policy.owner())) {
                    return Result.leaseLost(work);
                }
                outcome = transaction.send();
            } else {
                outcome = endorsement.outcome();
            }
            return resultOf(work, outcome);
        } catch (RuntimeException e) {
            // The adapter does not throw; the database might. Nothing is lost: the entry stays due.
            LOG.log(Level.FINE, "sending " + work.recordKey() + " v" + work.version() + " failed", e);
            return Result.retry(work, e.toString());
        }
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

    /** Writes the finished results: every commit in one database transaction, the rest one by one. */
    private void recordFinished() {
        List<OutboxProcessor.SentCommit> commits = new ArrayList<>();
        List<Result> others = new ArrayList<>();
        for (Result result = finished.poll(); result != null; result = finished.poll()) {
            if (result.commit() != null) {
                commits.add(result.commit());
            } else {
                others.add(result);
            }
        }
        // If writing fails, the entries stay due under their lease: the commit follower closes the
        // committed ones from their blocks, and the rest are sent again once the lease has passed.
        if (!commits.isEmpty()) {
            try {
                processor.recordCommitted(commits);
                LOG.fine(() -> commits.size() + " record version(s) committed");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording " + commits.size() + " commit(s) failed; the commit follower will", e);
            }
        }
        for (Result result : others) {
            OutboxWork work = result.work();
            try {
                if (result.refusal() != null) {
                    processor.recordRejected(work.outboxId(), result.refusal().code(), result.refusal().message());
                    LOG.info(() -> "ledger rejected " + work.recordKey() + " v" + work.version() + ": ["
                            + result.refusal().code() + "] " + result.refusal().message());
                } else if (result.retryReason() != null) {
                    processor.recordRetry(work.outboxId(), result.retryReason(), policy.owner());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording the outcome of " + work.recordKey() + " v" + work.version() + " failed", e);
            }
        }
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
