package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.demo.DemoRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** JPA storage of which records the demo content created. */
@ApplicationScoped
public class JpaDemoRecordRepository implements DemoRecordRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public boolean contains(String recordKey) {
        return em.find(DemoRecordRow.class, recordKey) != null;
    }

    @Override
    public long count() {
        return em.createQuery("select count(d) from DemoRecordRow d", Long.class).getSingleResult();
    }

    @Override
    public long countOfKind(String kind) {
        return em.createQuery("select count(d) from DemoRecordRow d where d.recordKey like :prefix", Long.class)
                .setParameter("prefix", kind + ":%").getSingleResult();
    }

    @Override
    public void add(String recordKey, Instant createdAt) {
        em.persist(new DemoRecordRow(recordKey, createdAt));
    }
}
