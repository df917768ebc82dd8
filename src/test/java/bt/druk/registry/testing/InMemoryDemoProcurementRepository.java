package bt.druk.registry.testing;

import bt.druk.registry.application.demo.DemoProcurementRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public class InMemoryDemoProcurementRepository implements DemoProcurementRepository {

    private record Row(String recordKey, Instant createdAt) {
    }

    private final Map<String, Row> rows = new TreeMap<>();

    @Override
    public synchronized Optional<String> recordKeyOf(String planRef) {
        return Optional.ofNullable(rows.get(planRef)).map(Row::recordKey);
    }

    @Override
    public synchronized long count() {
        return rows.size();
    }

    @Override
    public synchronized void add(String planRef, String recordKey, Instant createdAt) {
        if (rows.values().stream().anyMatch(r -> r.recordKey().equals(recordKey))) {
            throw new IllegalStateException("record " + recordKey + " is already a demo item");
        }
        if (rows.putIfAbsent(planRef, new Row(recordKey, createdAt)) != null) {
            throw new IllegalStateException("duplicate demo item " + planRef);
        }
    }
}
