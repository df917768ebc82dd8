package bt.druk.registry.domain.audit;

/** What a reconciliation found wrong between a record version in the database and the ledger. */
public enum TamperKind {
    /** The stored document no longer hashes to the hash stored with it: the row was edited afterwards. */
    DOCUMENT_EDITED,
    /** The version's hash in the database is not the one the ledger holds for that version. */
    HASH_MISMATCH,
    /** The previous-version hash in the database is not the one the ledger holds. */
    PREVIOUS_HASH_MISMATCH,
    /** The status in the stored document is not the status the ledger holds for that version. */
    STATUS_MISMATCH,
    /** The receipt's transaction id in the database is not the transaction that wrote the version. */
    TX_ID_MISMATCH,
    /** The database says the version is committed, but the ledger has no such version. */
    MISSING_ON_LEDGER,
    /** The ledger holds a version of this record that the database does not have (ledger ahead of the database). */
    LEDGER_AHEAD,
    /**
     * The ledger holds a record whose key this portal's database does not know at all: usually
     * another portal's record on the same ledger, so reported apart from tampering.
     */
    NOT_IN_DATABASE;

    /** Everything but {@link #NOT_IN_DATABASE} is a discrepancy of this portal's own records. */
    public boolean isTampering() {
        return this != NOT_IN_DATABASE;
    }
}
