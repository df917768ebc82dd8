package bt.druk.registry.testing;

import bt.druk.registry.domain.land.CensusHousehold;
import bt.druk.registry.domain.land.CensusHouseholdRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The census households clerks entered, in a map by CID. */
public class InMemoryCensusHouseholdRepository implements CensusHouseholdRepository {

    private final Map<String, CensusHousehold> byCid = new TreeMap<>();

    @Override
    public synchronized Optional<CensusHousehold> find(String cid) {
        return Optional.ofNullable(byCid.get(cid));
    }

    @Override
    public synchronized Map<String, String> householdsOf(Collection<String> cids) {
        Map<String, String> found = new HashMap<>();
        cids.forEach(cid -> find(cid).ifPresent(entry -> found.put(cid, entry.household())));
        return found;
    }

    @Override
    public synchronized List<String> membersOf(String household) {
        return byCid.values().stream().filter(e -> e.household().equals(household)).map(CensusHousehold::cid).toList();
    }

    @Override
    public synchronized void save(CensusHousehold entry) {
        byCid.put(entry.cid(), entry);
    }
}
