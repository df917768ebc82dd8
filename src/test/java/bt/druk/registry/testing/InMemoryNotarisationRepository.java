package bt.druk.registry.testing;

import bt.druk.registry.domain.notary.NotarisationRepository;
import bt.druk.registry.domain.notary.NotarisationSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public class InMemoryNotarisationRepository implements NotarisationRepository {

    private static final Comparator<NotarisationSummary> NEWEST_FIRST =
            Comparator.comparing(NotarisationSummary::registeredAt).thenComparing(NotarisationSummary::recordKey).reversed();

    private final Map<String, NotarisationSummary> rows = new TreeMap<>();
    private final Map<Integer, Integer> serials = new HashMap<>();

    @Override
    public synchronized Optional<NotarisationSummary> findSummary(String recordKey) {
        return Optional.ofNullable(rows.get(recordKey));
    }

    @Override
    public synchronized void addSummary(NotarisationSummary summary) {
        rows.put(summary.recordKey(), summary);
    }

    @Override
    public synchronized void removeSummary(String recordKey) {
        rows.remove(recordKey);
    }

    @Override
    public synchronized List<NotarisationSummary> findByDocumentHash(String sha256) {
        return rows.values().stream().filter(r -> r.documentHash().equals(sha256)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized List<NotarisationSummary> recent(int limit) {
        return rows.values().stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized int nextSerial(int year) {
        return serials.merge(year, 1, Integer::sum);
    }
}
