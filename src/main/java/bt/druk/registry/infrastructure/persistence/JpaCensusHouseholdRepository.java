package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.CensusHousehold;
import bt.druk.registry.domain.land.CensusHouseholdRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JPA storage of the household numbers clerks entered from census records (V226). */
@ApplicationScoped
public class JpaCensusHouseholdRepository implements CensusHouseholdRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<CensusHousehold> find(String cid) {
        return Optional.ofNullable(em.find(CensusHouseholdRow.class, cid)).map(CensusHouseholdRow::toEntry);
    }

    @Override
    public Map<String, String> householdsOf(Collection<String> cids) {
        Map<String, String> found = new HashMap<>();
        if (!cids.isEmpty()) {
            // A title's owners: at most a few dozen CIDs.
            em.createQuery("select h from CensusHouseholdRow h where h.cid in :cids", CensusHouseholdRow.class)
                    .setParameter("cids", List.copyOf(cids)).getResultList()
                    .forEach(row -> found.put(row.toEntry().cid(), row.toEntry().household()));
        }
        return found;
    }

    @Override
    public List<String> membersOf(String household) {
        return em.createQuery("select h.cid from CensusHouseholdRow h where h.household = :household order by h.cid", String.class)
                .setParameter("household", household).getResultList();
    }

    @Override
    public void save(CensusHousehold entry) {
        CensusHouseholdRow row = em.find(CensusHouseholdRow.class, entry.cid());
        if (row == null) {
            em.persist(new CensusHouseholdRow(entry));
        } else {
            row.update(entry);
        }
    }
}
