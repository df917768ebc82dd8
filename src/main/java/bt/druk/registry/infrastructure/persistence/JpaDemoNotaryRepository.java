package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.demo.DemoNotaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** JPA storage of the notary demo's plan items. */
@ApplicationScoped
public class JpaDemoNotaryRepository implements DemoNotaryRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<String> recordKeyOf(String planRef) {
        return Optional.ofNullable(em.find(DemoNotaryRow.class, planRef)).map(DemoNotaryRow::recordKey);
    }

    @Override
    public long count() {
        return em.createQuery("select count(d) from DemoNotaryRow d", Long.class).getSingleResult();
    }

    @Override
    public void add(String planRef, String recordKey, Instant createdAt) {
        em.persist(new DemoNotaryRow(planRef, recordKey, createdAt));
    }
}
