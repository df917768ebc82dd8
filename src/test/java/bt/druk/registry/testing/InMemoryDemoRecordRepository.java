package bt.druk.registry.testing;

import bt.druk.registry.application.demo.DemoRecordRepository;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

public class InMemoryDemoRecordRepository implements DemoRecordRepository {

    private final Map<String, Instant> rows = new TreeMap<>();

    @Override
    public synchronized boolean contains(String recordKey) {
        return rows.containsKey(recordKey);
    }

    @Override
    public synchronized long count() {
        return rows.size();
    }

    @Override
    public synchronized long countOfKind(String kind) {
        return rows.keySet().stream().filter(key -> key.startsWith(kind + ":")).count();
    }

    @Override
    public synchronized void add(String recordKey, Instant createdAt) {
        if (rows.putIfAbsent(recordKey, createdAt) != null) {
            throw new IllegalStateException("duplicate demo record " + recordKey);
        }
    }
}
