package bt.druk.registry.application.verify;

import java.util.Set;

/**
 * Where a SHA-256 occurs in the portal's own tables, asked in one go, so that the verifier runs
 * only the lookups that can find something (a verification by hash is a public, frequent request).
 */
public interface HashOccurrences {

    enum Place {
        /** The document of a notarisation. */
        NOTARISED_DOCUMENT,
        /** A document queued for, or in, a notary batch. */
        BATCH_DOCUMENT,
        /** A file named by a tender or a bid. */
        PROCUREMENT_FILE,
        /** The ledger hash of a record version. */
        LEDGER_HASH,
        /** The stored document of a record version whose ledger hash is something else. */
        STORED_DOCUMENT
    }

    /** @param sha256 lower-case hexadecimal */
    Set<Place> of(String sha256);
}
