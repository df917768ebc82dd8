package bt.druk.registry.domain.record;

import java.util.Optional;

/**
 * What the ledger holds as a version's hash, and how anyone recomputes it from the version's stored
 * document. Most versions put the SHA-256 of their own canonical document on the ledger
 * ({@link #DOCUMENT}); a sealed bid's first version holds the hash of its encrypted envelope, and a
 * batch anchor a Merkle root. The pipeline, the commit follower and
 * verification ask the version's imprint and never special-case a register.
 *
 * <p>An imprint is stored with each version by its {@link #code()}; codes never change meaning.
 */
public interface LedgerImprint {

    /** The ledger holds the SHA-256 of the version's canonical document (land titles, tenders, notarisations). */
    LedgerImprint DOCUMENT = new LedgerImprint() {
        @Override
        public String code() {
            return "document";
        }

        @Override
        public String ledgerHash(String canonicalJson) {
            return CanonicalJson.sha256Hex(canonicalJson);
        }

        @Override
        public Optional<String> hashedText(String canonicalJson) {
            return Optional.of(canonicalJson);
        }
    };

    /** Stored with the version, e.g. {@code document}, {@code sealed-envelope}. */
    String code();

    /**
     * The hash the ledger holds for a version with this canonical document, recomputed from the
     * document alone (so a database edit of the document shows as a mismatch with the ledger).
     *
     * @throws IllegalArgumentException if the document lacks what this imprint needs
     */
    String ledgerHash(String canonicalJson);

    /**
     * The public text whose SHA-256 is the ledger hash, for anyone recomputing it with their own
     * tools; empty when no single public text hashes to it (a sealed envelope, a Merkle root).
     */
    default Optional<String> hashedText(String canonicalJson) {
        return Optional.empty();
    }

    /**
     * What a document whose SHA-256 is a version's ledger hash is, as verification by hash says it
     * found it.
     *
     * @param version the version, e.g. {@code land-title:T-1 version 2}
     */
    default String describe(String version) {
        return "The record document of " + version + " (its canonical JSON).";
    }
}
