package bt.druk.registry.application.notary;

import bt.druk.registry.domain.notary.QueuedDocument;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.record.LedgerReceipt;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a document queued for a Merkle batch stands. It counts as notarised only when
 * {@link State#ANCHORED}: its anchor is committed on the ledger; only then does it have an
 * inclusion proof and the anchor's receipt.
 *
 * @param anchorKey  the anchor's record key ({@code anchor:<id>}), null while {@link State#QUEUED}
 * @param leafIndex  the document's position in the batch, null while queued
 * @param ledgerHash the anchor's Merkle root as the ledger holds it, null while queued
 */
public record BatchMember(String documentHash, State state, Instant queuedAt, String office, String anchorKey,
                          Integer leafIndex, Integer treeSize, String ledgerHash, Optional<InclusionProof> proof,
                          LedgerReceipt receipt) {

    public enum State {
        /** Durably queued; waiting for a batch to be cut. */
        QUEUED,
        /** In a batch whose anchor waits for the ledger. */
        ANCHORING,
        /** The anchor is committed: the document has its inclusion proof. */
        ANCHORED,
        /** The anchor's stored leaves no longer give the root it holds on the ledger: the database was edited. */
        TAMPERED
    }

    /** A document still waiting for a batch to be cut. */
    static BatchMember waiting(QueuedDocument document) {
        return new BatchMember(document.documentHash(), State.QUEUED, document.queuedAt(), document.office(),
                null, null, null, null, Optional.empty(), null);
    }
}
