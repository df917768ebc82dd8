package bt.druk.registry.application.notary;

import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.notary.BatchQueue;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Batch anchors have one version; when the ledger refuses it the record falls back to none, and
 * its documents go back in the queue (in the same transaction) to be cut into a new batch.
 */
@ApplicationScoped
public class AnchorProjection implements RecordProjection {

    private static final Logger LOG = Logger.getLogger(AnchorProjection.class.getName());

    private BatchQueue queue;

    protected AnchorProjection() {
    }

    @Inject
    public AnchorProjection(BatchQueue queue) {
        this.queue = queue;
    }

    @Override
    public String kind() {
        return BatchAnchor.KIND;
    }

    @Override
    public void currentVersionChanged(String recordKey, Optional<RecordVersion> current) {
        if (current.isEmpty()) {
            int requeued = queue.requeue(recordKey);
            LOG.warning(() -> "the ledger refused batch anchor " + recordKey + "; its " + requeued + " documents wait for a new batch");
        }
    }
}
