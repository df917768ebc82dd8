package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.notary.BatchQueue;
import bt.druk.registry.domain.notary.QueuedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JPA storage of the Merkle batch queue (V207). */
@ApplicationScoped
public class JpaBatchQueue implements BatchQueue {

    private static final int IN_LIMIT = 500;

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<QueuedDocument> find(String documentHash) {
        return row(documentHash).map(NotaryBatchItemRow::toDocument);
    }

    @Override
    public List<QueuedDocument> findAll(Collection<String> documentHashes) {
        return rows(List.copyOf(documentHashes)).stream().map(NotaryBatchItemRow::toDocument).toList();
    }

    @Override
    public void add(QueuedDocument document) {
        em.persist(new NotaryBatchItemRow(document));
    }

    @Override
    public List<QueuedDocument> lockOldestBatch(int limit) {
        // The one row of notary_batch_lock: a second cutter (another portal instance) waits here
        // until this transaction has assigned its documents, and then sees them assigned.
        em.find(NotaryBatchLockRow.class, 1, LockModeType.PESSIMISTIC_WRITE);
        List<NotaryBatchItemRow> oldest = em.createQuery("select i from NotaryBatchItemRow i where i.anchorKey is null"
                        + " order by i.id", NotaryBatchItemRow.class)
                .setMaxResults(1)
                .getResultList();
        if (oldest.isEmpty()) {
            return List.of();
        }
        QueuedDocument first = oldest.get(0).toDocument();
        return em.createQuery("select i from NotaryBatchItemRow i where i.anchorKey is null and i.queuedBy = :by"
                        + " and i.office = :office order by i.id", NotaryBatchItemRow.class)
                .setParameter("by", first.queuedBy())
                .setParameter("office", first.office())
                .setMaxResults(limit)
                .getResultList()
                .stream().map(NotaryBatchItemRow::toDocument).toList();
    }

    @Override
    public void assign(String anchorKey, List<String> leaves) {
        // One query for a whole batch: a query per leaf flushed and looked up hundreds of times per cut.
        Map<String, NotaryBatchItemRow> rows = new HashMap<>();
        rows(leaves).forEach(row -> rows.put(row.documentHash(), row));
        for (int leafIndex = 0; leafIndex < leaves.size(); leafIndex++) {
            NotaryBatchItemRow row = rows.get(leaves.get(leafIndex));
            if (row == null) {
                throw new IllegalStateException("no queued document " + leaves.get(leafIndex));
            }
            row.assign(anchorKey, leafIndex);
        }
    }

    private List<NotaryBatchItemRow> rows(List<String> documentHashes) {
        List<NotaryBatchItemRow> rows = new ArrayList<>();
        for (List<String> chunk : chunks(documentHashes)) {
            rows.addAll(em.createQuery("select i from NotaryBatchItemRow i where i.documentHash in :hashes", NotaryBatchItemRow.class)
                    .setParameter("hashes", chunk)
                    .getResultList());
        }
        return rows;
    }

    /** Lists for an IN clause of at most {@value #IN_LIMIT} parameters. */
    private static List<List<String>> chunks(List<String> hashes) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < hashes.size(); from += IN_LIMIT) {
            chunks.add(hashes.subList(from, Math.min(hashes.size(), from + IN_LIMIT)));
        }
        return chunks;
    }

    private Optional<NotaryBatchItemRow> row(String documentHash) {
        return em.createQuery("select i from NotaryBatchItemRow i where i.documentHash = :hash", NotaryBatchItemRow.class)
                .setParameter("hash", documentHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<QueuedDocument> ofAnchor(String anchorKey) {
        return em.createQuery("select i from NotaryBatchItemRow i where i.anchorKey = :anchor order by i.leafIndex",
                        NotaryBatchItemRow.class)
                .setParameter("anchor", anchorKey)
                .getResultList()
                .stream().map(NotaryBatchItemRow::toDocument).toList();
    }

    @Override
    public int requeue(String anchorKey) {
        return em.createQuery("update NotaryBatchItemRow i set i.anchorKey = null, i.leafIndex = null where i.anchorKey = :anchor")
                .setParameter("anchor", anchorKey)
                .executeUpdate();
    }

    @Override
    public List<QueuedDocument> recentOf(String queuedBy, int limit) {
        return em.createQuery("select i from NotaryBatchItemRow i where i.queuedBy = :by order by i.id desc", NotaryBatchItemRow.class)
                .setParameter("by", queuedBy)
                .setMaxResults(limit)
                .getResultList()
                .stream().map(NotaryBatchItemRow::toDocument).toList();
    }

    @Override
    public long countWaiting() {
        return em.createQuery("select count(i) from NotaryBatchItemRow i where i.anchorKey is null", Long.class)
                .getSingleResult();
    }
}
