package bt.druk.registry.testing;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRepository;
import bt.druk.registry.domain.audit.ReconciliationRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Map-backed tamper report runs and findings for unit tests. */
public class InMemoryReconciliationRepository implements ReconciliationRepository {

    private final Map<Long, ReconciliationRun> runs = new LinkedHashMap<>();
    private final Map<Long, List<ReconciliationFinding>> findings = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized ReconciliationRun start(String startedBy, Instant at) {
        ReconciliationRun run = new ReconciliationRun(nextId++, startedBy, at, ReconciliationRun.State.RUNNING, null,
                0, 0, 0, 0, 0, null);
        runs.put(run.id(), run);
        return run;
    }

    @Override
    public synchronized ReconciliationRun finish(long runId, Instant at, int recordsChecked, int versionsChecked,
                                                 int ledgerRecords, Collection<ReconciliationFinding> found) {
        int tamper = (int) found.stream().filter(f -> f.kind().isTampering()).count();
        ReconciliationRun old = runs.get(runId);
        ReconciliationRun run = new ReconciliationRun(runId, old.startedBy(), old.startedAt(), ReconciliationRun.State.FINISHED,
                at, recordsChecked, versionsChecked, ledgerRecords, tamper, found.size() - tamper, null);
        runs.put(runId, run);
        findings.put(runId, new ArrayList<>(found));
        return run;
    }

    @Override
    public synchronized void fail(long runId, Instant at, String error) {
        ReconciliationRun old = runs.get(runId);
        runs.put(runId, new ReconciliationRun(runId, old.startedBy(), old.startedAt(), ReconciliationRun.State.FAILED, at,
                0, 0, 0, 0, 0, error));
    }

    @Override
    public synchronized int abandonRunning(Instant at, String error) {
        List<Long> running = runs.values().stream().filter(r -> r.state() == ReconciliationRun.State.RUNNING)
                .map(ReconciliationRun::id).toList();
        running.forEach(id -> fail(id, at, error));
        return running.size();
    }

    @Override
    public synchronized Optional<ReconciliationRun> find(long runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized Optional<ReconciliationRun> latest() {
        return runs.values().stream().max(Comparator.comparing(ReconciliationRun::startedAt).thenComparing(ReconciliationRun::id));
    }

    @Override
    public synchronized Optional<ReconciliationRun> latestFinished() {
        return runs.values().stream().filter(ReconciliationRun::isFinished)
                .max(Comparator.comparing(ReconciliationRun::finishedAt).thenComparing(ReconciliationRun::id));
    }

    @Override
    public synchronized List<ReconciliationFinding> findings(long runId) {
        return findings.getOrDefault(runId, List.of()).stream()
                .sorted(Comparator.comparing(ReconciliationFinding::recordKey)
                        .thenComparing(f -> f.version() == null ? 0 : f.version()))
                .toList();
    }

    @Override
    public synchronized List<ReconciliationFinding> findingsOf(long runId, String recordKey) {
        return findings(runId).stream().filter(f -> f.recordKey().equals(recordKey)).toList();
    }
}
