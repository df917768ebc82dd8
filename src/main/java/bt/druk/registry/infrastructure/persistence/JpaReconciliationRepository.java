package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRepository;
import bt.druk.registry.domain.audit.ReconciliationRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** JPA storage of tamper report runs and findings; runs inside the caller's transaction. */
@ApplicationScoped
public class JpaReconciliationRepository implements ReconciliationRepository {

    /** Findings written per flush, so a large run does not hold them all in the persistence context. */
    private static final int BATCH = 200;

    @PersistenceContext(unitName = "druk")
    EntityManager em;

    @Override
    public ReconciliationRun start(String startedBy, Instant at) {
        ReconciliationRunRow row = new ReconciliationRunRow(startedBy, at);
        em.persist(row);
        em.flush();
        return row.toRun();
    }

    @Override
    public ReconciliationRun finish(long runId, Instant at, int recordsChecked, int versionsChecked, int ledgerRecords,
                                    Collection<ReconciliationFinding> findings) {
        int tamper = 0;
        int count = 0;
        for (ReconciliationFinding finding : findings) {
            em.persist(new ReconciliationFindingRow(runId, finding));
            tamper += finding.kind().isTampering() ? 1 : 0;
            if (++count % BATCH == 0) {
                em.flush();
                em.clear();
            }
        }
        ReconciliationRunRow row = em.find(ReconciliationRunRow.class, runId);
        row.finish(at, recordsChecked, versionsChecked, ledgerRecords, tamper, findings.size() - tamper);
        em.flush();
        return row.toRun();
    }

    @Override
    public void fail(long runId, Instant at, String error) {
        ReconciliationRunRow row = em.find(ReconciliationRunRow.class, runId);
        if (row != null) {
            row.fail(at, error);
        }
    }

    @Override
    public int abandonRunning(Instant at, String error) {
        List<ReconciliationRunRow> running = em.createQuery("select r from ReconciliationRunRow r where r.state = :running",
                        ReconciliationRunRow.class)
                .setParameter("running", ReconciliationRun.State.RUNNING)
                .getResultList();
        running.forEach(r -> r.fail(at, error));
        return running.size();
    }

    @Override
    public Optional<ReconciliationRun> find(long runId) {
        return Optional.ofNullable(em.find(ReconciliationRunRow.class, runId)).map(ReconciliationRunRow::toRun);
    }

    @Override
    public Optional<ReconciliationRun> latest() {
        return em.createQuery("select r from ReconciliationRunRow r order by r.startedAt desc, r.id desc",
                        ReconciliationRunRow.class)
                .setMaxResults(1).getResultStream().findFirst().map(ReconciliationRunRow::toRun);
    }

    @Override
    public Optional<ReconciliationRun> latestFinished() {
        return em.createQuery("select r from ReconciliationRunRow r where r.state = :finished"
                        + " order by r.finishedAt desc, r.id desc", ReconciliationRunRow.class)
                .setParameter("finished", ReconciliationRun.State.FINISHED)
                .setMaxResults(1).getResultStream().findFirst().map(ReconciliationRunRow::toRun);
    }

    @Override
    public List<ReconciliationFinding> findings(long runId) {
        return em.createQuery("select f from ReconciliationFindingRow f where f.runId = :run"
                        + " order by f.recordKey, f.version, f.id", ReconciliationFindingRow.class)
                .setParameter("run", runId)
                .getResultStream().map(ReconciliationFindingRow::toFinding).toList();
    }

    @Override
    public List<ReconciliationFinding> findingsOf(long runId, String recordKey) {
        return em.createQuery("select f from ReconciliationFindingRow f where f.runId = :run and f.recordKey = :key"
                        + " order by f.version, f.id", ReconciliationFindingRow.class)
                .setParameter("run", runId)
                .setParameter("key", recordKey)
                .getResultStream().map(ReconciliationFindingRow::toFinding).toList();
    }
}
