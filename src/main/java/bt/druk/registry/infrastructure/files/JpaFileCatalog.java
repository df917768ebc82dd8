package bt.druk.registry.infrastructure.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The catalogue in the portal's database. A row is written in a transaction of its own, after the
 * file is on disk: if the caller's transaction (say, saving a tender) rolls back, the file and its
 * row stay together, and an unreferenced file is harmless. Two clerks storing the same bytes at once
 * race for one primary key; the loser's insert fails and {@link FilesystemFileStore} checks that the
 * row is there.
 */
@ApplicationScoped
public class JpaFileCatalog implements FileCatalog {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordStored(String sha256, long size, String mediaType, Instant storedAt) {
        if (em.find(StoredFileRow.class, sha256) == null) {
            em.persist(new StoredFileRow(sha256, size, mediaType, storedAt));
            em.flush();
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean contains(String sha256) {
        return em.find(StoredFileRow.class, sha256) != null;
    }
}
