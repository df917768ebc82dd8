package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.RecordVersion;
import java.util.Optional;

/**
 * Implemented by a register that keeps a searchable projection of its records' current state.
 * Called inside the transaction that changed a record's current version: after a new version is
 * appended, and after a rejection moved the record back to an earlier version (or to none).
 */
public interface RecordProjection {

    /** Record kind this projection handles, e.g. {@code land-title}. */
    String kind();

    void currentVersionChanged(String recordKey, Optional<RecordVersion> current);
}
