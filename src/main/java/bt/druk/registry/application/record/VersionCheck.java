package bt.druk.registry.application.record;

/**
 * Result of comparing one version held in the database with the ledger.
 *
 * @param databaseHash   hash stored with the version
 * @param recomputedHash ledger hash recomputed now from the stored canonical JSON (detects edited data):
 *                       {@code document-edited} when the JSON no longer hashes to its stored document hash
 * @param ledgerHash     hash the ledger holds for this version, or null when it holds none
 * @param ledgerTxId     transaction id the ledger reports for this version, or null
 */
public record VersionCheck(
        int version,
        String databaseHash,
        String recomputedHash,
        String ledgerHash,
        String ledgerTxId,
        Match match) {

    public enum Match {
        /** Database, recomputed and ledger hashes agree. */
        MATCH,
        /** The ledger holds a different hash, or the stored JSON no longer hashes to the stored hash. */
        MISMATCH,
        /** The version is still waiting for the ledger. */
        PENDING,
        /** The version was rejected by the ledger, so it is rightly absent there. */
        REJECTED,
        /** The version should be on the ledger (committed) but the ledger does not have it. */
        MISSING_ON_LEDGER
    }
}
