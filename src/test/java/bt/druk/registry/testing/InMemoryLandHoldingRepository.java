package bt.druk.registry.testing;

import bt.druk.registry.domain.land.LandHolding;
import bt.druk.registry.domain.land.LandHoldingRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The live titles' holdings, in a map by record key. */
public class InMemoryLandHoldingRepository implements LandHoldingRepository {

    private final Map<String, List<LandHolding>> byRecord = new TreeMap<>();

    @Override
    public synchronized void replace(String recordKey, List<LandHolding> holdings) {
        if (holdings.isEmpty()) {
            byRecord.remove(recordKey);
        } else {
            byRecord.put(recordKey, List.copyOf(holdings));
        }
    }

    @Override
    public synchronized List<LandHolding> ofOwners(Collection<String> cids) {
        Set<String> wanted = Set.copyOf(cids);
        return byRecord.values().stream().flatMap(List::stream).filter(h -> wanted.contains(h.cid())).toList();
    }

    /** Every title's holdings. */
    public synchronized List<LandHolding> all() {
        return byRecord.values().stream().flatMap(List::stream).toList();
    }
}
