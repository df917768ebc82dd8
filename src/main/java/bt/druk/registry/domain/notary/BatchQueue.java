package bt.druk.registry.domain.notary;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Durable queue of documents waiting for, or assigned to, a Merkle batch anchor, in the order they were added. */
public interface BatchQueue {

    Optional<QueuedDocument> find(String documentHash);

    /** Those of these documents that were ever queued (by anyone), in no particular order. */
    List<QueuedDocument> findAll(Collection<String> documentHashes);

    void add(QueuedDocument document);

    /**
     * Takes the cutters' lock for this transaction (one cutter at a time, across portal instances),
     * then returns the waiting documents of the clerk and office of the first waiting document, in
     * queue order, at most {@code limit}; empty if nothing waits.
     */
    List<QueuedDocument> lockOldestBatch(int limit);

    /** Makes each waiting document the leaf of the anchor at its place in {@code leaves}. */
    void assign(String anchorKey, List<String> leaves);

    /** The anchor's documents in leaf order. */
    List<QueuedDocument> ofAnchor(String anchorKey);

    /** Puts the documents of an anchor the ledger refused back in the queue; returns how many. */
    int requeue(String anchorKey);

    /** The documents the clerk queued last, newest first, at most {@code limit}. */
    List<QueuedDocument> recentOf(String queuedBy, int limit);

    /** Documents waiting for a batch now. */
    long countWaiting();
}
