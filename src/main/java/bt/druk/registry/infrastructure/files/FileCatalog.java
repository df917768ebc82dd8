package bt.druk.registry.infrastructure.files;

import java.time.Instant;

/** The database's list of stored files (table {@code stored_file}), kept by the file store. */
public interface FileCatalog {

    /** Notes a file that is on disk; does nothing if it is noted already (the first time stored is kept). */
    void recordStored(String sha256, long size, String mediaType, Instant storedAt);

    boolean contains(String sha256);
}
