package bt.druk.registry.domain.ledger;

import java.util.Objects;

/**
 * What endorsing a chaincode call gave: either a signed transaction ready to be sent for ordering,
 * whose id is fixed from now on, or an outcome that ends the submission already (the chaincode
 * refused, or no peer answered).
 */
public final class Endorsement {

    /** A transaction endorsed and signed but not yet sent for ordering. */
    public interface Transaction {
        String txId();

        /** Sends it for ordering and waits for its commit status. Never throws for ledger problems. */
        SubmissionOutcome send();
    }

    private final Transaction transaction;
    private final SubmissionOutcome outcome;

    private Endorsement(Transaction transaction, SubmissionOutcome outcome) {
        this.transaction = transaction;
        this.outcome = outcome;
    }

    public static Endorsement endorsed(Transaction transaction) {
        return new Endorsement(Objects.requireNonNull(transaction), null);
    }

    public static Endorsement ended(SubmissionOutcome outcome) {
        return new Endorsement(null, Objects.requireNonNull(outcome));
    }

    public boolean isEndorsed() {
        return transaction != null;
    }

    /** The endorsed transaction; only when {@link #isEndorsed()}. */
    public Transaction transaction() {
        if (transaction == null) {
            throw new IllegalStateException("not endorsed: " + outcome);
        }
        return transaction;
    }

    /** The outcome decided at endorsement; only when not {@link #isEndorsed()}. */
    public SubmissionOutcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("endorsed; send the transaction for its outcome");
        }
        return outcome;
    }
}
