package bt.druk.registry.application.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * The procurement demo's memory across restarts: which record each tender and bid of the plan
 * became (a tender's OCID is only drawn when it is published; a bid's number when it is lodged).
 * Everything else the demo reads from the records themselves (table demo_procurement).
 */
public interface DemoProcurementRepository {

    /** The record key the plan item {@code planRef} became, if the demo created it. */
    Optional<String> recordKeyOf(String planRef);

    /** Number of tenders and bids the demo created (0: the procurement demo never started here). */
    long count();

    /** Remembers a record the demo just created, in the same transaction that created it. */
    void add(String planRef, String recordKey, Instant createdAt);
}
