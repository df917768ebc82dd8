package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.demo.DemoProcurementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** JPA storage of the procurement demo's plan items and its bidders' sealed-bid files. */
@ApplicationScoped
public class JpaDemoProcurementRepository implements DemoProcurementRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<String> recordKeyOf(String planRef) {
        return Optional.ofNullable(em.find(DemoProcurementRow.class, planRef)).map(DemoProcurementRow::recordKey);
    }

    @Override
    public Optional<String> sealedBidFile(String planRef) {
        return Optional.ofNullable(em.find(DemoProcurementRow.class, planRef)).map(DemoProcurementRow::sealedBidFile);
    }

    @Override
    public long count() {
        return em.createQuery("select count(d) from DemoProcurementRow d", Long.class).getSingleResult();
    }

    @Override
    public void add(String planRef, String recordKey, String sealedBidFile, Instant createdAt) {
        em.persist(new DemoProcurementRow(planRef, recordKey, sealedBidFile, createdAt));
    }
}
