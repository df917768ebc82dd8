package bt.druk.registry.testing;

import bt.druk.registry.domain.notary.BatchQueue;
import bt.druk.registry.domain.notary.QueuedDocument;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The Merkle batch queue in memory, for unit tests. */
public class InMemoryBatchQueue implements BatchQueue {

    /** In queue order: a requeued document keeps its place. */
    private final Map<String, QueuedDocument> documents = new LinkedHashMap<>();

    @Override
    public Optional<QueuedDocument> find(String documentHash) {
        return Optional.ofNullable(documents.get(documentHash));
    }

    @Override
    public List<QueuedDocument> findAll(Collection<String> documentHashes) {
        return documentHashes.stream().distinct().map(documents::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void add(QueuedDocument document) {
        if (documents.putIfAbsent(document.documentHash(), document) != null) {
            throw new IllegalStateException("already queued: " + document.documentHash());
        }
    }

    @Override
    public List<QueuedDocument> lockOldestBatch(int limit) {
        Optional<QueuedDocument> first = documents.values().stream().filter(QueuedDocument::isWaiting).findFirst();
        if (first.isEmpty()) {
            return List.of();
        }
        return documents.values().stream()
                .filter(d -> d.isWaiting() && d.queuedBy().equals(first.get().queuedBy()) && d.office().equals(first.get().office()))
                .limit(limit)
                .toList();
    }

    @Override
    public void assign(String anchorKey, List<String> leaves) {
        for (int leafIndex = 0; leafIndex < leaves.size(); leafIndex++) {
            QueuedDocument d = documents.get(leaves.get(leafIndex));
            if (d == null || !d.isWaiting()) {
                throw new IllegalStateException("not waiting: " + leaves.get(leafIndex));
            }
            documents.put(d.documentHash(), new QueuedDocument(d.documentHash(), d.queuedBy(), d.office(), d.queuedAt(), anchorKey, leafIndex));
        }
    }

    @Override
    public List<QueuedDocument> ofAnchor(String anchorKey) {
        return documents.values().stream().filter(d -> anchorKey.equals(d.anchorKey()))
                .sorted(Comparator.comparing(QueuedDocument::leafIndex)).toList();
    }

    @Override
    public int requeue(String anchorKey) {
        List<QueuedDocument> assigned = ofAnchor(anchorKey);
        assigned.forEach(d -> documents.put(d.documentHash(), QueuedDocument.waiting(d.documentHash(), d.queuedBy(), d.office(), d.queuedAt())));
        return assigned.size();
    }

    @Override
    public List<QueuedDocument> recentOf(String queuedBy, int limit) {
        List<QueuedDocument> mine = new java.util.ArrayList<>(documents.values().stream().filter(d -> d.queuedBy().equals(queuedBy)).toList());
        java.util.Collections.reverse(mine);
        return mine.stream().limit(limit).toList();
    }

    @Override
    public long countWaiting() {
        return documents.values().stream().filter(QueuedDocument::isWaiting).count();
    }
}
