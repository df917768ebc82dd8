package bt.druk.registry.testing;

import bt.druk.registry.application.demo.DemoNotaryRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public class InMemoryDemoNotaryRepository implements DemoNotaryRepository {

    private final Map<String, String> rows = new TreeMap<>();

    @Override
    public synchronized Optional<String> recordKeyOf(String planRef) {
        return Optional.ofNullable(rows.get(planRef));
    }

    @Override
    public synchronized long count() {
        return rows.size();
    }

    @Override
    public synchronized void add(String planRef, String recordKey, Instant createdAt) {
        if (rows.containsValue(recordKey)) {
            throw new IllegalStateException("record " + recordKey + " is already a demo item");
        }
        if (rows.putIfAbsent(planRef, recordKey) != null) {
            throw new IllegalStateException("duplicate demo item " + planRef);
        }
    }
}
