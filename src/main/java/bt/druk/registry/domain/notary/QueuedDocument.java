package bt.druk.registry.domain.notary;

import java.time.Instant;
import java.util.Objects;

/**
 * A document queued for a Merkle batch: only its SHA-256 (the leaf), who queued it, for which
 * office, and when. Waiting while {@code anchorKey} is null; then leaf {@code leafIndex} of that
 * anchor's batch.
 */
public record QueuedDocument(String documentHash, String queuedBy, String office, Instant queuedAt, String anchorKey,
                             Integer leafIndex) {

    public QueuedDocument {
        Objects.requireNonNull(documentHash, "documentHash");
        Objects.requireNonNull(queuedBy, "queuedBy");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if ((anchorKey == null) != (leafIndex == null)) {
            throw new IllegalArgumentException("an anchored document has both an anchor and a leaf index");
        }
    }

    public static QueuedDocument waiting(String documentHash, String queuedBy, String office, Instant queuedAt) {
        return new QueuedDocument(documentHash, queuedBy, office, queuedAt, null, null);
    }

    public boolean isWaiting() {
        return anchorKey == null;
    }
}
