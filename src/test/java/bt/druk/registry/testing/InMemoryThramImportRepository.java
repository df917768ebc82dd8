package bt.druk.registry.testing;

import bt.druk.registry.domain.land.ThramImport;
import bt.druk.registry.domain.land.ThramImportRepository;
import bt.druk.registry.domain.land.ThramImportRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Thram imports in memory; a "restart" is a new service over the same instance. */
public class InMemoryThramImportRepository implements ThramImportRepository {

    private final Map<Long, ThramImport> imports = new TreeMap<>();
    private final Map<Long, TreeMap<Integer, ThramImportRow>> rows = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Predicate<String> committed;

    /** @param committed whether a record key's current version is committed on the ledger */
    public InMemoryThramImportRepository(Predicate<String> committed) {
        this.committed = committed;
    }

    @Override
    public synchronized ThramImport add(ThramImport thramImport, List<ThramImportRow> newRows) {
        ThramImport stored = thramImport.withId(ids.incrementAndGet());
        imports.put(stored.id(), stored);
        TreeMap<Integer, ThramImportRow> byNo = new TreeMap<>();
        newRows.forEach(r -> byNo.put(r.rowNo(), r.withImportId(stored.id())));
        rows.put(stored.id(), byNo);
        return stored;
    }

    @Override
    public synchronized Optional<ThramImport> find(long id) {
        return Optional.ofNullable(imports.get(id));
    }

    @Override
    public synchronized Optional<ThramImport> findByContent(String office, String contentHash) {
        return imports.values().stream().filter(i -> i.office().equals(office) && i.contentHash().equals(contentHash)).findFirst();
    }

    @Override
    public Optional<ThramImport> lock(long id) {
        return find(id);
    }

    @Override
    public synchronized void update(ThramImport thramImport) {
        imports.put(thramImport.id(), thramImport);
    }

    @Override
    public synchronized void updateRow(ThramImportRow row) {
        rows.get(row.importId()).put(row.rowNo(), row);
    }

    @Override
    public synchronized List<ThramImportRow> rows(long importId, ThramImportRow.Outcome outcome, int afterRowNo, int limit) {
        return rows.getOrDefault(importId, new TreeMap<>()).tailMap(afterRowNo, false).values().stream()
                .filter(r -> r.outcome() == outcome).limit(limit).toList();
    }

    @Override
    public synchronized List<ThramImport> registering() {
        return imports.values().stream().filter(i -> i.state() == ThramImport.State.REGISTERING).toList();
    }

    @Override
    public synchronized List<ThramImport> recent(String office, int limit) {
        List<ThramImport> all = new ArrayList<>(imports.values().stream().filter(i -> i.office().equals(office)).toList());
        all.sort(Comparator.comparingLong(ThramImport::id).reversed());
        return all.stream().limit(limit).toList();
    }

    @Override
    public synchronized int committedOnLedger(long importId) {
        return (int) rows.getOrDefault(importId, new TreeMap<>()).values().stream()
                .filter(r -> r.outcome() == ThramImportRow.Outcome.REGISTERED && committed.test(r.recordKey())).count();
    }

    /** Every row of an import, for assertions. */
    public synchronized List<ThramImportRow> allRows(long importId) {
        return List.copyOf(rows.get(importId).values());
    }
}
