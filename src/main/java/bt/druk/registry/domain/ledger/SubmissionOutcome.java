package bt.druk.registry.domain.ledger;

/** What happened to a submission. */
public sealed interface SubmissionOutcome {

    /** Committed as a valid transaction. */
    record Committed(String txId, long blockNumber) implements SubmissionOutcome {
    }

    /**
     * The chaincode (or validation) refused the call for good; retrying the same call cannot
     * succeed. {@code code} is the chaincode's bracketed code without brackets, e.g. ENCUMBERED.
     * ALREADY_RECORDED arrives as this too; the caller treats it as success.
     */
    record Refused(String code, String message) implements SubmissionOutcome {
        public boolean alreadyRecorded() {
            return "ALREADY_RECORDED".equals(code);
        }
    }

    /**
     * The ledger answered but invalidated the transaction because another one changed the same key
     * first (MVCC); the next attempt re-reads it. Not a sign of trouble with the ledger.
     */
    record Conflict(String reason) implements SubmissionOutcome {
    }

    /**
     * The ledger could not be reached or did not answer in time; try again later. {@code cause} is
     * the underlying error when there is one (logged with its whole chain), else null.
     */
    record Unavailable(String reason, Throwable cause) implements SubmissionOutcome {
        public Unavailable(String reason) {
            this(reason, null);
        }
    }
}
