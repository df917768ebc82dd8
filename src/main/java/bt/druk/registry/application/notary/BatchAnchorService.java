package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.VersionDraft;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Anchors a batch of document hashes as one {@code AnchorBatch} transaction: one anchor record
 * whose version stores the ordered leaves and whose ledger hash is their Merkle root
 * ({@link MerkleRootImprint}). The first step of batching: the durable queue that fills batches
 * every N documents or T ms and hands each document its inclusion proof once the anchor is
 * committed is still to come.
 */
@ApplicationScoped
@Transactional
public class BatchAnchorService {

    private RecordPipeline pipeline;
    private Clock clock;

    protected BatchAnchorService() {
    }

    @Inject
    public BatchAnchorService(RecordPipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Appends the anchor's only version ({@code AnchorBatch(key, merkleRoot, leafCount, office)}).
     *
     * @param documentHashes SHA-256 digests in lowercase hex, in batch order
     */
    public SubmissionAck anchor(StaffMember actor, String anchorId, List<String> documentHashes) {
        actor.requireClerkOf(Register.NOTARY);
        if (documentHashes == null || documentHashes.isEmpty()) {
            throw ValidationException.of("documents", "notary.batch.empty", "A batch anchors at least one document");
        }
        BatchAnchor anchor;
        try {
            anchor = new BatchAnchor(anchorId, documentHashes, actor.office(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    actor.username());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("documents", "notary.batch.invalid", e.getMessage());
        }
        return pipeline.append(new VersionDraft(anchor.key(), Register.NOTARY, 0, "ANCHOR_BATCH", anchor.toJson(), List.of(),
                new MerkleRootImprint(), LedgerCall.Factory.standard("AnchorBatch", Integer.toString(anchor.leaves().size()),
                        actor.office()), actor.username(), actor.office()));
    }
}
