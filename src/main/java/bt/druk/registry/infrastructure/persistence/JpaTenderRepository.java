package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.procurement.BidSummary;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** JPA storage of the procurement projections. */
@ApplicationScoped
public class JpaTenderRepository implements TenderRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<TenderSummary> findTender(String recordKey) {
        return Optional.ofNullable(em.find(TenderSummary.class, recordKey));
    }

    @Override
    public void addTender(TenderSummary tender) {
        em.persist(tender);
    }

    @Override
    public void removeTender(String recordKey) {
        findTender(recordKey).ifPresent(em::remove);
    }

    @Override
    public List<TenderSummary> searchTenders(String text, Collection<TenderStatus> statuses, String entityCode, int limit) {
        StringBuilder jpql = new StringBuilder("select t from TenderSummary t where 1 = 1");
        if (text != null) {
            jpql.append(" and (lower(t.title) like :text or lower(t.tenderNumber) like :text or lower(t.entityName) like :text"
                    + " or lower(t.ocid) like :text)");
        }
        if (!statuses.isEmpty()) {
            jpql.append(" and t.status in :statuses");
        }
        if (entityCode != null) {
            jpql.append(" and t.entityCode = :entity");
        }
        jpql.append(" order by t.publishedAt desc, t.recordKey");
        TypedQuery<TenderSummary> query = em.createQuery(jpql.toString(), TenderSummary.class).setMaxResults(limit);
        if (text != null) {
            query.setParameter("text", "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses.stream().map(TenderStatus::ledgerCode).toList());
        }
        if (entityCode != null) {
            query.setParameter("entity", entityCode);
        }
        return query.getResultList();
    }

    @Override
    public Optional<BidSummary> findBid(String recordKey) {
        return Optional.ofNullable(em.find(BidSummary.class, recordKey));
    }

    @Override
    public void addBid(BidSummary bid) {
        em.persist(bid);
    }

    @Override
    public void removeBid(String recordKey) {
        findBid(recordKey).ifPresent(em::remove);
    }

    @Override
    public List<BidSummary> bidsOf(String tenderKey) {
        return em.createQuery("select b from BidSummary b where b.tenderKey = :tender order by b.bidNumber", BidSummary.class)
                .setParameter("tender", tenderKey)
                .getResultList();
    }

    @Override
    public void publishFiles(String recordKey, Collection<String> sha256s) {
        em.createQuery("delete from ProcurementFileRow f where f.recordKey = :key").setParameter("key", recordKey).executeUpdate();
        sha256s.stream().distinct().forEach(sha -> em.persist(new ProcurementFileRow(sha, recordKey)));
    }

    @Override
    public boolean isPublicFile(String sha256) {
        return !em.createQuery("select f.recordKey from ProcurementFileRow f where f.sha256 = :sha", String.class)
                .setParameter("sha", sha256).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<String> recordsWithFile(String sha256) {
        return em.createQuery("select f.recordKey from ProcurementFileRow f where f.sha256 = :sha order by f.recordKey", String.class)
                .setParameter("sha", sha256).getResultList();
    }

    @Override
    public int nextSerial(int year) {
        ProcurementSerialRow row = em.find(ProcurementSerialRow.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            try {
                row = new ProcurementSerialRow(year);
                em.persist(row);
                em.flush();
            } catch (PersistenceException e) {
                if (!DatabaseOutage.isIntegrityViolation(e)) {
                    throw e;
                }
                // Another clerk created the year's row first: the caller's transaction fails and is retried.
                throw new bt.druk.registry.domain.shared.ConcurrentUpdateException("another tender was numbered at the same moment; try again");
            }
        }
        return row.next();
    }
}
