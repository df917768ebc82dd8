package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.LandHolding;
import bt.druk.registry.domain.land.LandHoldingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JPA storage of the live titles' holdings (V226). */
@ApplicationScoped
public class JpaLandHoldingRepository implements LandHoldingRepository {

    /** CIDs per query: far below any database's limit of parameters. */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public void replace(String recordKey, List<LandHolding> holdings) {
        // Rows changed in place rather than deleted and inserted: one transaction may write a title
        // twice (a lineage transaction after a verdict records the new owners' facts first).
        Map<String, LandHoldingRow> stored = new HashMap<>();
        em.createQuery("select h from LandHoldingRow h where h.recordKey = :key", LandHoldingRow.class)
                .setParameter("key", recordKey).getResultList().forEach(row -> stored.put(row.cid(), row));
        for (LandHolding holding : holdings) {
            LandHoldingRow row = stored.remove(holding.cid());
            if (row == null) {
                em.persist(new LandHoldingRow(holding));
            } else {
                row.update(holding);
            }
        }
        stored.values().forEach(em::remove);
    }

    @Override
    public List<LandHolding> ofOwners(Collection<String> cids) {
        List<String> all = List.copyOf(cids);
        List<LandHolding> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            em.createQuery("select h from LandHoldingRow h where h.cid in :cids", LandHoldingRow.class)
                    .setParameter("cids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultList().forEach(row -> found.add(row.toHolding()));
        }
        return found;
    }
}
