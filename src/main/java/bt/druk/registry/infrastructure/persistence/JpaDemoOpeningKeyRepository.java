package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.demo.DemoOpeningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** JPA storage of the procurement demo's holder key pairs, until the demo has opened their tender. */
@ApplicationScoped
public class JpaDemoOpeningKeyRepository implements DemoOpeningKeyRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public List<HolderKey> of(String tenderKey) {
        return em.createQuery("select k from DemoOpeningKeyRow k where k.tenderKey = :tender order by k.holderIndex",
                        DemoOpeningKeyRow.class)
                .setParameter("tender", tenderKey).getResultList().stream()
                .map(k -> new HolderKey(k.holderIndex(), k.publicKeySpki(), k.privateKeyPkcs8())).toList();
    }

    @Override
    public void add(String tenderKey, List<HolderKey> keys, Instant createdAt) {
        for (HolderKey key : keys) {
            em.persist(new DemoOpeningKeyRow(tenderKey, key.index(), key.publicKeySpki(), key.privateKeyPkcs8(), createdAt));
        }
    }

    @Override
    public void forget(String tenderKey) {
        em.createQuery("delete from DemoOpeningKeyRow k where k.tenderKey = :tender").setParameter("tender", tenderKey)
                .executeUpdate();
    }
}
