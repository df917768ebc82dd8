package bt.druk.registry.testing;

import bt.druk.registry.application.demo.DemoOpeningKeyRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class InMemoryDemoOpeningKeyRepository implements DemoOpeningKeyRepository {

    private final Map<String, List<HolderKey>> byTender = new TreeMap<>();

    @Override
    public synchronized List<HolderKey> of(String tenderKey) {
        return byTender.getOrDefault(tenderKey, List.of()).stream().sorted(Comparator.comparingInt(HolderKey::index)).toList();
    }

    @Override
    public synchronized void add(String tenderKey, List<HolderKey> keys, Instant createdAt) {
        if (byTender.putIfAbsent(tenderKey, List.copyOf(keys)) != null) {
            throw new IllegalStateException("keys of " + tenderKey + " kept twice");
        }
    }

    @Override
    public synchronized void forget(String tenderKey) {
        byTender.remove(tenderKey);
    }

    /** Every tender whose holder keys are still kept. */
    public synchronized List<String> tenders() {
        return List.copyOf(byTender.keySet());
    }
}
