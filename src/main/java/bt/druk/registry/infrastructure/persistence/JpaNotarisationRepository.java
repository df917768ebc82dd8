package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisationSummary;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/** JPA storage of the notary register's projection and number serials. */
@ApplicationScoped
public class JpaNotarisationRepository implements NotarisationRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<NotarisationSummary> findSummary(String recordKey) {
        return Optional.ofNullable(em.find(NotarisationSummary.class, recordKey));
    }

    @Override
    public void addSummary(NotarisationSummary summary) {
        em.persist(summary);
    }

    @Override
    public void removeSummary(String recordKey) {
        findSummary(recordKey).ifPresent(em::remove);
    }

    @Override
    public List<NotarisationSummary> findByDocumentHash(String sha256) {
        return em.createQuery("select n from NotarisationSummary n where n.documentHash = :hash"
                        + " order by n.registeredAt desc, n.recordKey desc", NotarisationSummary.class)
                .setParameter("hash", sha256)
                .getResultList();
    }

    @Override
    public List<NotarisationSummary> recent(int limit) {
        return em.createQuery("select n from NotarisationSummary n order by n.registeredAt desc, n.recordKey desc",
                        NotarisationSummary.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * {@code druk.notary.firstSerial} (default 1): where a year's numbers start in a new database. A
     * test portal on a shared ledger starts elsewhere, so that its numbers are not ones another
     * portal has already put on that ledger.
     */
    static int firstSerial() {
        int first = Setting.NOTARY_FIRST_SERIAL.wholeNumber();
        if (first < 1 || first > 999_999) {
            throw new IllegalStateException(Setting.NOTARY_FIRST_SERIAL.key() + " must be a number from 1 to 999999, not " + first);
        }
        return first;
    }

    @Override
    public int nextSerial(int year) {
        NotarySerialRow row = em.find(NotarySerialRow.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            try {
                row = new NotarySerialRow(year, firstSerial());
                em.persist(row);
                em.flush();
            } catch (PersistenceException e) {
                if (!DatabaseOutage.isIntegrityViolation(e)) {
                    throw e;
                }
                // Another clerk created the year's row first: the caller's transaction fails and is retried.
                throw new ConcurrentUpdateException("another notarisation was numbered at the same moment; try again");
            }
        }
        return row.next();
    }
}
