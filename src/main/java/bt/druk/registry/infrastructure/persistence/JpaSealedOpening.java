package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.OpeningKeyRepository;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.SealedBidSuppliers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The sealed opening's portal-side records: staff opening keys and who lodged each sealed bid. */
public final class JpaSealedOpening {

    private JpaSealedOpening() {
    }

    @ApplicationScoped
    public static class Keys implements OpeningKeyRepository {
        @PersistenceContext(unitName = "druk")
        EntityManager em;

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public Optional<OpeningKey> find(String username) {
            return Optional.ofNullable(em.find(OpeningKeyRow.class, username)).map(OpeningKeyRow::toKey);
        }

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public void save(OpeningKey key) {
            OpeningKeyRow row = em.find(OpeningKeyRow.class, key.username());
            if (row == null) {
                em.persist(new OpeningKeyRow(key));
            } else {
                row.set(key);
            }
        }

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public List<OpeningKey> all() {
            return em.createQuery("select k from OpeningKeyRow k order by k.username", OpeningKeyRow.class).getResultStream()
                    .map(OpeningKeyRow::toKey).toList();
        }
    }

    @ApplicationScoped
    public static class Suppliers implements SealedBidSuppliers {
        @PersistenceContext(unitName = "druk")
        EntityManager em;

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public void add(SealedBidSupplier supplier) {
            em.persist(new SealedBidSupplierRow(supplier));
        }

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public Optional<SealedBidSupplier> find(String bidKey) {
            return Optional.ofNullable(em.find(SealedBidSupplierRow.class, bidKey)).map(SealedBidSupplierRow::toSupplier);
        }

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public List<SealedBidSupplier> ofSupplier(String tenderKey, String supplierId) {
            return em.createQuery("select s from SealedBidSupplierRow s where s.tenderKey = :t and s.supplierId = :s"
                            + " order by s.lodgedAt", SealedBidSupplierRow.class)
                    .setParameter("t", tenderKey).setParameter("s", supplierId).getResultStream()
                    .map(SealedBidSupplierRow::toSupplier).toList();
        }
    }
}
