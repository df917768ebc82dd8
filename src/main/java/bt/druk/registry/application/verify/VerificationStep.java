package bt.druk.registry.application.verify;

import java.util.Objects;

/**
 * One step of a verification: what was checked, its result and an English sentence saying what was
 * compared and found.
 *
 * @param relatedKey a record the sentence points to (the notarisation that replaced this one), or null
 */
public record VerificationStep(Kind kind, Result result, String text, String relatedKey) {

    public VerificationStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(text, "text");
    }

    public static VerificationStep of(Kind kind, Result result, String text) {
        return new VerificationStep(kind, result, text, null);
    }

    public boolean passed() {
        return result == Result.PASS;
    }

    public boolean failed() {
        return result == Result.FAIL;
    }

    public enum Kind {
        /** The SHA-256 asked about. */
        HASH,
        /** What the hash is in the registers. */
        FOUND_AS,
        /** The portal's record version and its ledger state. */
        PORTAL_RECORD,
        /** The ledger's entry read now, compared with the portal's copy and the document. */
        LEDGER_ENTRY,
        /** The transaction that wrote it: block, time, endorsing organisations. */
        ENDORSEMENT,
        /** Where the record stands now on the ledger. */
        STATUS,
        /** Every version of the record on the ledger. */
        HISTORY,
        /** A proof file: what it claims. */
        PROOF_FILE,
        /** A proof file's ties that need no ledger. */
        PROOF_OFFLINE,
        /** A proof file's transaction id against the ledger's. */
        PROOF_TRANSACTION,
        /** A notarisation proof's document hash against the ledger entry's. */
        PROOF_DOCUMENT_HASH
    }

    public enum Result {
        PASS,
        FAIL,
        /** Holds, but something needs attention (waiting for the ledger, a newer version exists). */
        WARN,
        NOT_APPLICABLE,
        /** Could not be checked now (the ledger could not be reached). */
        NOT_CHECKED
    }
}
