package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.domain.land.ThramImportRepository;
import bt.druk.registry.domain.land.ThramImportRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA storage of bulk imports of thrams (V211). */
@ApplicationScoped
public class JpaThramImportRepository implements ThramImportRepository {

    private static final int FLUSH_EVERY = 500;

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public ThramImport add(ThramImport thramImport, List<ThramImportRow> rows) {
        LandImportRow stored = new LandImportRow(thramImport);
        em.persist(stored);
        em.flush();
        int n = 0;
        for (ThramImportRow row : rows) {
            em.persist(new LandImportLineRow(row.withImportId(stored.id())));
            // A file of thousands of rows: keep the persistence context small.
            if (++n % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        return stored.toImport();
    }

    @Override
    public Optional<ThramImport> find(long id) {
        return Optional.ofNullable(em.find(LandImportRow.class, id)).map(LandImportRow::toImport);
    }

    @Override
    public Optional<ThramImport> findByContent(String office, String contentHash) {
        return em.createQuery("select i from LandImportRow i where i.office = :office and i.contentHash = :hash", LandImportRow.class)
                .setParameter("office", office)
                .setParameter("hash", contentHash)
                .getResultStream().findFirst().map(LandImportRow::toImport);
    }

    @Override
    public Optional<ThramImport> lock(long id) {
        return Optional.ofNullable(em.find(LandImportRow.class, id, LockModeType.PESSIMISTIC_WRITE)).map(LandImportRow::toImport);
    }

    @Override
    public void update(ThramImport thramImport) {
        LandImportRow row = em.find(LandImportRow.class, thramImport.id());
        row.copy(thramImport);
    }

    @Override
    public void updateRow(ThramImportRow row) {
        em.find(LandImportLineRow.class, new LandImportLineRow.Key(row.importId(), row.rowNo())).copy(row);
    }

    @Override
    public List<ThramImportRow> rows(long importId, ThramImportRow.Outcome outcome, int afterRowNo, int limit) {
        return em.createQuery("select r from LandImportLineRow r where r.importId = :id and r.outcome = :outcome"
                        + " and r.rowNo > :after order by r.rowNo", LandImportLineRow.class)
                .setParameter("id", importId)
                .setParameter("outcome", outcome.name())
                .setParameter("after", afterRowNo)
                .setMaxResults(limit)
                .getResultList().stream().map(LandImportLineRow::toRow).toList();
    }

    @Override
    public List<ThramImport> registering() {
        return em.createQuery("select i from LandImportRow i where i.state = 'REGISTERING' order by i.id", LandImportRow.class)
                .getResultList().stream().map(LandImportRow::toImport).toList();
    }

    @Override
    public List<ThramImport> recent(String office, int limit) {
        return em.createQuery("select i from LandImportRow i where i.office = :office order by i.id desc", LandImportRow.class)
                .setParameter("office", office)
                .setMaxResults(limit)
                .getResultList().stream().map(LandImportRow::toImport).toList();
    }

    @Override
    public int committedOnLedger(long importId) {
        Number count = (Number) em.createNativeQuery("select count(*) from land_import_row r join record_version v"
                        + " on v.record_key = r.record_key and v.version = 1 and v.chain_version = 1"
                        + " where r.import_id = ?1 and r.outcome = 'REGISTERED' and v.ledger_state = 'COMMITTED'")
                .setParameter(1, importId)
                .getSingleResult();
        return count.intValue();
    }
}
