package bt.druk.registry.application.demo;

import java.time.Instant;

/**
 * Which records the demo content created. It marks them as demo data for the pages, and it is the
 * loader's memory across restarts: the loader only ever continues records it created itself.
 */
public interface DemoRecordRepository {

    boolean contains(String recordKey);

    /** Number of records created by the demo content loader (0: no demo content in this database). */
    long count();

    /** Number of demo records of one kind, e.g. {@code land-title}. */
    long countOfKind(String kind);

    void add(String recordKey, Instant createdAt);
}
