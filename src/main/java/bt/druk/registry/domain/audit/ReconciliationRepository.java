package bt.druk.registry.domain.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the tamper report's runs and their findings, kept so downloads and public pages can use them. */
public interface ReconciliationRepository {

    /** Stores a new RUNNING run. */
    ReconciliationRun start(String startedBy, Instant at);

    /** Marks the run FINISHED with its counts and stores its findings. */
    ReconciliationRun finish(long runId, Instant at, int recordsChecked, int versionsChecked, int ledgerRecords,
                             Collection<ReconciliationFinding> findings);

    /** Marks the run FAILED with the reason. */
    void fail(long runId, Instant at, String error);

    /** Marks every run still RUNNING as FAILED (left over by a portal that stopped during a run); how many. */
    int abandonRunning(Instant at, String error);

    Optional<ReconciliationRun> find(long runId);

    /** The most recently started run, whatever its state. */
    Optional<ReconciliationRun> latest();

    /** The most recent FINISHED run. */
    Optional<ReconciliationRun> latestFinished();

    /** Findings of a run: record key, then version. */
    List<ReconciliationFinding> findings(long runId);

    /** Findings of a run about one record key. */
    List<ReconciliationFinding> findingsOf(long runId, String recordKey);
}
