package bt.druk.registry.application.verify;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.record.ProofReceipt.FoundAs;
import bt.druk.registry.domain.record.RecordVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * One place a SHA-256 was found, before anything is compared with the ledger.
 *
 * @param version        the record version that ties the document to the ledger
 * @param ledgerHash     what the ledger must hold for that version
 * @param recordDocument the version's hashed text, for a proof file whose document is named inside it
 * @param description    the "found as" sentence
 * @param proofFits      a proof file can state the tie (see {@link bt.druk.registry.domain.record.ProofReceipt})
 * @param inclusion      the document's inclusion proof in a Merkle tree, for a proof file that carries one
 * @param tie            how the document is tied to the version's ledger entry, and how its status is read
 */
public record DocumentFinding(FoundAs foundAs, RecordVersion version, String ledgerHash, Optional<String> recordDocument,
                              String description, boolean proofFits, Optional<InclusionProof> inclusion, Tie tie) {

    public DocumentFinding {
        Objects.requireNonNull(foundAs, "foundAs");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(recordDocument, "recordDocument");
        Objects.requireNonNull(inclusion, "inclusion");
        Objects.requireNonNull(tie, "tie");
    }

    /**
     * What a kind of document adds to the common steps: the end of the {@link VerificationStep.Kind#LEDGER_ENTRY}
     * sentence once the portal's copy is known to be the ledger's, and, where the kind has its own
     * statuses, the {@link VerificationStep.Kind#STATUS} step.
     */
    public interface Tie {

        /**
         * The ledger entry step once the ledger's entry of the version, read now, holds what the portal's copy gives.
         *
         * @param ledgerHash what the ledger holds for the version
         * @param entry      the ledger's entry of the version; null if it has none
         * @param read       the sentence so far ("The ledger entry of …, read just now, holds …"), to be finished
         */
        VerificationStep onLedger(String sha256, String ledgerHash, LedgerEntry entry, String read);

        /**
         * The ledger entry step from the portal's index of a committed version.
         *
         * @param written the sentence so far ("The ledger wrote … for …"), to be finished
         */
        VerificationStep inIndex(String sha256, String written);

        /** The status step from the record's current entry on the ledger; empty for the common one. */
        default Optional<VerificationStep> statusOnLedger(String recordKey, LedgerEntry current) {
            return Optional.empty();
        }

        /** The status step from the portal's own copy; empty for the common one. */
        default Optional<VerificationStep> statusInPortal() {
            return Optional.empty();
        }
    }
}
