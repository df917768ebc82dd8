package bt.druk.registry.domain.record;

/** Where a record version stands with respect to the ledger. */
public enum LedgerState {
    /** Saved in the database; waiting to be committed on the ledger. */
    PENDING,
    /** Committed on the ledger; the version carries a receipt. */
    COMMITTED,
    /** Refused by the chaincode (or a predecessor was refused); the reason is kept. */
    REJECTED
}
