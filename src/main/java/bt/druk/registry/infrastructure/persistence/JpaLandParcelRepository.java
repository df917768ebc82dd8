package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandParcelRepository;
import bt.druk.registry.domain.land.TitleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** JPA storage of the land search projection. */
@ApplicationScoped
public class JpaLandParcelRepository implements LandParcelRepository {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Optional<LandParcel> find(String recordKey) {
        return Optional.ofNullable(em.find(LandParcel.class, recordKey));
    }

    @Override
    public void add(LandParcel parcel) {
        em.persist(parcel);
    }

    @Override
    public void remove(String recordKey) {
        find(recordKey).ifPresent(em::remove);
    }

    @Override
    public Optional<LandParcel> findByPin(String pin) {
        return em.createQuery("select p from LandParcel p where p.pin = :pin", LandParcel.class)
                .setParameter("pin", pin).getResultStream().findFirst();
    }

    @Override
    public List<LandParcel> withBoundaryIn(String crsCode) {
        return em.createQuery("select p from LandParcel p where p.boundaryCrs = :crs and p.status <> :retired order by p.pin",
                        LandParcel.class)
                .setParameter("crs", crsCode).setParameter("retired", TitleStatus.RETIRED).getResultList();
    }

    @Override
    public List<LandParcel> liveWithBoundary(String dzongkhag, int limit) {
        // Cut at the limit in the database: only the rows shown are read and parsed.
        TypedQuery<LandParcel> query = em.createQuery("select p from LandParcel p where p.boundaryCrs is not null and p.status <> :retired"
                        + (dzongkhag == null ? "" : " and p.dzongkhag = :dzongkhag") + " order by p.pin", LandParcel.class)
                .setParameter("retired", TitleStatus.RETIRED)
                // Read to be shown, never changed: EclipseLink keeps no working copy of each row.
                .setHint("eclipselink.read-only", "true")
                .setMaxResults(limit);
        if (dzongkhag != null) {
            query.setParameter("dzongkhag", dzongkhag);
        }
        return query.getResultList();
    }

    @Override
    public List<LandParcel> search(String pin, String thramNo, String dzongkhag, String gewog, int limit) {
        StringBuilder jpql = new StringBuilder("select p from LandParcel p where 1 = 1");
        if (pin != null) {
            jpql.append(" and p.pin = :pin");
        }
        if (thramNo != null) {
            jpql.append(" and p.thramNo = :thramNo");
        }
        if (dzongkhag != null) {
            jpql.append(" and p.dzongkhag = :dzongkhag");
        }
        if (gewog != null) {
            jpql.append(" and p.gewog = :gewog");
        }
        jpql.append(" order by p.pin");
        TypedQuery<LandParcel> query = em.createQuery(jpql.toString(), LandParcel.class).setMaxResults(limit);
        if (pin != null) {
            query.setParameter("pin", pin);
        }
        if (thramNo != null) {
            query.setParameter("thramNo", thramNo);
        }
        if (dzongkhag != null) {
            query.setParameter("dzongkhag", dzongkhag);
        }
        if (gewog != null) {
            query.setParameter("gewog", gewog);
        }
        return query.getResultList();
    }

    @Override
    public void lockBoundaries() {
        // SELECT ... FOR UPDATE on the one row of land_boundary_lock (V228), held to the commit.
        if (em.find(LandBoundaryLockRow.class, 1, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("land_boundary_lock has no row 1: the schema migration V228 did not run");
        }
    }
}
