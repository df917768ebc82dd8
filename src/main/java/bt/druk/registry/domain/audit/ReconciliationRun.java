package bt.druk.registry.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of the tamper report: who started it and when, how far it got, and its counts.
 *
 * @param recordsChecked     record keys of the database compared with the ledger
 * @param versionsChecked    record versions of the database compared
 * @param ledgerRecords      current ledger entries listed (all kinds, every portal's)
 * @param tamperFindings     findings about this portal's own records
 * @param notInDatabase      ledger records this portal's database does not know
 * @param error              why a FAILED run stopped, else null
 */
public record ReconciliationRun(long id, String startedBy, Instant startedAt, State state, Instant finishedAt,
                                int recordsChecked, int versionsChecked, int ledgerRecords, int tamperFindings,
                                int notInDatabase, String error) {

    public ReconciliationRun {
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(state, "state");
    }

    public enum State {
        RUNNING,
        FINISHED,
        /** Stopped before the end (the ledger went away, the portal stopped); its findings are not kept. */
        FAILED
    }

    public boolean isFinished() {
        return state == State.FINISHED;
    }
}
