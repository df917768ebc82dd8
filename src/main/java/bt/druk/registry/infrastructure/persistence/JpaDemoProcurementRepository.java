package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.demo.DemoProcurementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** JPA storage of the procurement demo's plan items: which record each became. */
@ApplicationScoped
public class JpaDemoProcurementRepository implements DemoProcurementRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<String> recordKeyOf(String planRef) {
        return Optional.ofNullable(em.find(DemoProcurementRow.class, planRef)).map(DemoProcurementRow::recordKey);
    }

    @Override
    public long count() {
        return em.createQuery("select count(d) from DemoProcurementRow d", Long.class).getSingleResult();
    }

    @Override
    public void add(String planRef, String recordKey, Instant createdAt) {
        em.persist(new DemoProcurementRow(planRef, recordKey, createdAt));
    }
}
