package bt.druk.registry.domain.land;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the household numbers clerks entered from census records, one per CID (table {@code census_household}). */
public interface CensusHouseholdRepository {

    Optional<CensusHousehold> find(String cid);

    /** The household of each of these CIDs that has one recorded, by CID. */
    Map<String, String> householdsOf(Collection<String> cids);

    /** The CIDs recorded in this household (exact, normalised). */
    List<String> membersOf(String household);

    /** Records the CID's household, replacing the one it had: the census moves people between households. */
    void save(CensusHousehold entry);
}
