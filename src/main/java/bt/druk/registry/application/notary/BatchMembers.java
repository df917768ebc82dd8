package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.notary.BatchQueue;
import bt.druk.registry.domain.notary.QueuedDocument;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordDocument;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where documents queued for Merkle batches stand, public (only hashes, offices and times). A
 * document's inclusion proof is computed from its anchor's stored leaves, and only once the anchor
 * is committed, so a proof never points at a root the ledger does not hold.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BatchMembers {

    private BatchQueue queue;
    private RecordPipeline pipeline;

    protected BatchMembers() {
    }

    @Inject
    public BatchMembers(BatchQueue queue, RecordPipeline pipeline) {
        this.queue = queue;
        this.pipeline = pipeline;
    }

    /** The batch state of a document, by its SHA-256 (any case); empty if it was never queued. */
    public Optional<BatchMember> find(String sha256) {
        String hash = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        return queue.find(hash).map(this::memberOf);
    }

    /** The documents of one batch anchor, in leaf order. */
    public List<BatchMember> ofAnchor(String anchorKey) {
        return queue.ofAnchor(anchorKey).stream().map(this::memberOf).toList();
    }

    /** The anchor's stored leaves were edited after it was cut: they give no proof under its ledger root. */
    private static BatchMember tampered(QueuedDocument document, RecordVersion anchorVersion) {
        return new BatchMember(document.documentHash(), BatchMember.State.TAMPERED, document.queuedAt(), document.office(),
                document.anchorKey(), document.leafIndex(), null, anchorVersion.hash(), Optional.empty(), null);
    }

    /** The documents this clerk queued last, newest first. */
    public List<BatchMember> recentOf(String username, int limit) {
        return queue.recentOf(username, limit).stream().map(this::memberOf).toList();
    }

    /** Documents waiting for a batch to be cut. */
    public long waiting() {
        return queue.countWaiting();
    }

    private BatchMember memberOf(QueuedDocument document) {
        if (document.isWaiting()) {
            return new BatchMember(document.documentHash(), BatchMember.State.QUEUED, document.queuedAt(), document.office(),
                    null, null, null, null, Optional.empty(), null);
        }
        RecordVersion anchorVersion = pipeline.current(document.anchorKey()).orElseThrow(() -> new IllegalStateException(
                document.documentHash() + " is assigned to " + document.anchorKey() + ", which has no live version"));
        BatchAnchor anchor;
        InclusionProof proof;
        try {
            anchor = BatchAnchor.fromJson(RecordDocument.dataOf(anchorVersion.canonicalJson()));
            proof = anchor.tree().inclusionProof(document.leafIndex());
        } catch (RuntimeException e) {
            return tampered(document, anchorVersion);
        }
        int treeSize = anchor.leaves().size();
        if (!proof.leaf().equals(document.documentHash()) || !proof.root().equals(anchorVersion.hash())) {
            return tampered(document, anchorVersion);
        }
        if (anchorVersion.ledgerState() != LedgerState.COMMITTED) {
            return new BatchMember(document.documentHash(), BatchMember.State.ANCHORING, document.queuedAt(), document.office(),
                    document.anchorKey(), document.leafIndex(), treeSize, anchorVersion.hash(), Optional.empty(), null);
        }
        return new BatchMember(document.documentHash(), BatchMember.State.ANCHORED, document.queuedAt(), document.office(),
                document.anchorKey(), document.leafIndex(), treeSize, anchorVersion.hash(), Optional.of(proof),
                anchorVersion.receipt());
    }
}
