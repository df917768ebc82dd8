package bt.druk.registry.domain.land;

import java.time.Instant;
import java.util.Objects;

/**
 * A bulk import of existing thrams (a clerk's CSV file for first registration) and where it stands.
 * Its rows are {@link ThramImportRow}s; {@code checkpoint} is the last row number whose outcome is
 * final, stored in the same transaction as the titles registered up to it, so a restart resumes
 * after it and registers no row twice.
 *
 * @param id          number of the import (0 before it is stored)
 * @param contentHash SHA-256 of the file's bytes: the same file again is the same import
 */
public record ThramImport(long id, String contentHash, String fileName, String clerk, String office, State state,
                          int rowsRead, int rowsGood, int rowsBad, int rowsAlreadyRegistered, int rowsRegistered,
                          int checkpoint, Instant createdAt, Instant updatedAt) {

    /** CHECKED: every row checked, nothing registered; REGISTERING: good rows being registered; FINISHED. */
    public enum State { CHECKED, REGISTERING, FINISHED }

    public ThramImport {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(state, "state");
    }

    public ThramImport withId(long newId) {
        return new ThramImport(newId, contentHash, fileName, clerk, office, state, rowsRead, rowsGood, rowsBad,
                rowsAlreadyRegistered, rowsRegistered, checkpoint, createdAt, updatedAt);
    }

    public ThramImport registering(Instant now) {
        return new ThramImport(id, contentHash, fileName, clerk, office, State.REGISTERING, rowsRead, rowsGood, rowsBad,
                rowsAlreadyRegistered, rowsRegistered, checkpoint, createdAt, now);
    }

    /**
     * After a chunk: rows newly registered, found registered meanwhile or refused after all (they
     * count as bad from now on), the new checkpoint, finished or not.
     */
    public ThramImport afterChunk(int registered, int foundRegistered, int refused, int newCheckpoint, boolean finished,
                                  Instant now) {
        return new ThramImport(id, contentHash, fileName, clerk, office, finished ? State.FINISHED : State.REGISTERING,
                rowsRead, rowsGood - foundRegistered - refused, rowsBad + refused, rowsAlreadyRegistered + foundRegistered,
                rowsRegistered + registered, newCheckpoint, createdAt, now);
    }

    /** Good rows not yet registered. */
    public int rowsWaiting() {
        return rowsGood - rowsRegistered;
    }
}
