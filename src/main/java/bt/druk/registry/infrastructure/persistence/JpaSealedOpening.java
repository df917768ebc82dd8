package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.domain.procurement.EnvelopeUse;
import bt.druk.registry.domain.procurement.EnvelopeUses;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.OpeningKeyRepository;
import bt.druk.registry.domain.procurement.SealedBidSupplier;
import bt.druk.registry.domain.procurement.SealedBidSuppliers;
import bt.druk.registry.domain.record.LedgerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sealed opening's portal-side records: staff opening keys, who lodged each sealed bid, and
 * which lodgings name which stored envelope.
 */
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

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public int lodgingsOn(String tenderKey) {
            return em.createQuery("select count(s) from SealedBidSupplierRow s where s.tenderKey = :t", Long.class)
                    .setParameter("t", tenderKey).getSingleResult().intValue();
        }
    }

    /**
     * Every lodging a sealed bid's supplier row records (refused ones keep theirs), its first
     * version (the one whose ledger hash is the envelope's) and the bid's current version as the bid
     * list has it. Reached through the supplier rows and record_version's key index, not by
     * scanning every version of every register.
     */
    @ApplicationScoped
    public static class Uses implements EnvelopeUses {
        static final String SELECT = "SELECT v.record_key, v.hash, v.ledger_state, b.status, c.ledger_state"
                + " FROM sealed_bid_supplier s"
                + " JOIN record_version v ON v.record_key = s.bid_key AND v.imprint = ?1"
                + " LEFT JOIN bid_summary b ON b.record_key = s.bid_key"
                + " LEFT JOIN record_version c ON c.id = b.current_version_id";

        @PersistenceContext(unitName = "druk")
        EntityManager em;

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public List<EnvelopeUse> all() {
            return rows(em.createNativeQuery(SELECT).setParameter(1, BidImprints.SealedEnvelope.CODE));
        }

        @Override
        @Transactional(Transactional.TxType.REQUIRED)
        public List<EnvelopeUse> ofEnvelope(String sha256) {
            return rows(em.createNativeQuery(SELECT + " WHERE v.hash = ?2")
                    .setParameter(1, BidImprints.SealedEnvelope.CODE).setParameter(2, sha256));
        }

        private static List<EnvelopeUse> rows(Query query) {
            List<EnvelopeUse> out = new ArrayList<>();
            for (Object row : query.getResultList()) {
                out.add(use((Object[]) row));
            }
            return out;
        }

        /** One row of {@link #SELECT}. */
        static EnvelopeUse use(Object[] c) {
            return new EnvelopeUse((String) c[0], (String) c[1], LedgerState.REJECTED.name().equals(c[2]), (String) c[3],
                    LedgerState.COMMITTED.name().equals(c[4]));
        }
    }
}
