package bt.druk.registry.application.record;

import bt.druk.registry.domain.ledger.CommittedTransaction;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox entries to the ledger, one at a time per record and in version order. A network
 * problem leaves the entry due and retries it with back-off; a chaincode refusal rejects the version
 * with the chaincode's reason; ALREADY_RECORDED (a retry of something that did commit) counts as
 * success. Because the chaincode only accepts version n+1 on top of version n's hash, a repeated
 * submission can never create a second ledger version.
 */
@ApplicationScoped
public class LedgerSubmitter {

    private static final Logger LOG = Logger.getLogger(LedgerSubmitter.class.getName());
    static final int BATCH = 20;

    private Ledger ledger;
    private OutboxProcessor processor;
    private LedgerHealth health;

    protected LedgerSubmitter() {
    }

    @Inject
    public LedgerSubmitter(Ledger ledger, OutboxProcessor processor, LedgerHealth health) {
        this.ledger = ledger;
        this.processor = processor;
        this.health = health;
    }

    /** Sends what is due now; returns how many entries were attempted. */
    public int submitDue() {
        List<OutboxWork> due = processor.claimDue(BATCH);
        for (OutboxWork work : due) {
            submit(work);
        }
        return due.size();
    }

    private void submit(OutboxWork work) {
        SubmissionOutcome outcome;
        try {
            outcome = ledger.submit(work.call(), work.identity());
        } catch (RuntimeException e) {
            // The adapter should not throw, but an unexpected error must not lose or reject the entry.
            outcome = new SubmissionOutcome.Unavailable(e.toString(), e);
        }
        // Java 17: no pattern matching in switch yet, so plain instanceof.
        if (outcome instanceof SubmissionOutcome.Committed committed) {
            health.succeeded();
            CommittedTransaction details = lookUp(committed.txId()).orElse(null);
            processor.recordCommitted(work.outboxId(), committed.txId(), committed.blockNumber(), details, null);
            LOG.info(() -> "committed " + work.recordKey() + " v" + work.version() + " in tx " + committed.txId());
        } else if (outcome instanceof SubmissionOutcome.Refused refused && refused.alreadyRecorded()) {
            health.succeeded();
            alreadyRecorded(work, refused);
        } else if (outcome instanceof SubmissionOutcome.Refused refused) {
            health.succeeded();
            processor.recordRejected(work.outboxId(), refused.code(), refused.message());
            LOG.info(() -> "ledger rejected " + work.recordKey() + " v" + work.version() + ": [" + refused.code() + "] " + refused.message());
        } else if (outcome instanceof SubmissionOutcome.Conflict conflict) {
            health.succeeded();
            processor.recordRetry(work.outboxId(), conflict.reason());
            LOG.fine(() -> "ledger conflict for " + work.recordKey() + " v" + work.version() + ", will retry: " + conflict.reason());
        } else if (outcome instanceof SubmissionOutcome.Unavailable unavailable) {
            processor.recordRetry(work.outboxId(), unavailable.reason());
            // LedgerHealth says so at WARNING (first failure, then every few minutes); per record only FINE.
            health.failed("submitting " + work.recordKey() + " v" + work.version(), unavailable.reason(), unavailable.cause());
        }
    }

    /** The same (key, version, hash) is already on the ledger: find its transaction for the receipt. */
    private void alreadyRecorded(OutboxWork work, SubmissionOutcome.Refused refused) {
        try {
            Optional<LedgerHistoryItem> write = ledger.history(work.recordKey()).stream()
                    .filter(item -> item.value() != null && item.value().version() == work.version()
                            && work.hash().equals(item.value().hash()))
                    .findFirst();
            if (write.isEmpty()) {
                processor.recordRetry(work.outboxId(), "ALREADY_RECORDED but not found in history yet");
                return;
            }
            String txId = write.get().txId();
            CommittedTransaction details = lookUp(txId).orElse(null);
            processor.recordCommitted(work.outboxId(), txId, details == null ? null : details.blockNumber(), details,
                    "already recorded: " + refused.message());
        } catch (LedgerUnavailableException e) {
            processor.recordRetry(work.outboxId(), "ALREADY_RECORDED; receipt lookup failed: " + e.getMessage());
        }
    }

    private Optional<CommittedTransaction> lookUp(String txId) {
        try {
            return ledger.transaction(txId);
        } catch (RuntimeException e) {
            // The commit follower completes the receipt later.
            LOG.log(Level.FINE, "receipt lookup failed for " + txId, e);
            return Optional.empty();
        }
    }
}
