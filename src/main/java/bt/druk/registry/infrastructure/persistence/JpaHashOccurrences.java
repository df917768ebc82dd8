package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.application.verify.HashOccurrences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Set;

/** One query over the indexed hash columns of every register. */
@ApplicationScoped
public class JpaHashOccurrences implements HashOccurrences {

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public Set<Place> of(String sha256) {
        var places = em.createNativeQuery(
                        "SELECT 'NOTARISED_DOCUMENT' FROM notarisation_summary WHERE document_hash = ?1"
                                + " UNION ALL SELECT 'BATCH_DOCUMENT' FROM notary_batch_item WHERE document_hash = ?2"
                                + " UNION ALL SELECT 'PROCUREMENT_FILE' FROM procurement_file WHERE sha256 = ?3"
                                + " UNION ALL SELECT 'LEDGER_HASH' FROM record_version WHERE hash = ?4"
                                + " UNION ALL SELECT 'STORED_DOCUMENT' FROM record_version WHERE document_hash = ?5 AND hash <> ?6")
                .setParameter(1, sha256).setParameter(2, sha256).setParameter(3, sha256)
                .setParameter(4, sha256).setParameter(5, sha256).setParameter(6, sha256)
                .getResultList();
        Set<Place> found = EnumSet.noneOf(Place.class);
        for (Object place : places) {
            found.add(Place.valueOf(place.toString().strip()));
        }
        return found;
    }
}
