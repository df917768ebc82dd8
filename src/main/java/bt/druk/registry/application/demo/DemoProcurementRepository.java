package bt.druk.registry.application.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * The procurement demo's memory across restarts: which record each tender and bid of the plan
 * became (a tender's OCID is only drawn when it is published), and for each bid the sealed-bid file
 * the demo, playing the bidder, keeps until the opening. A real bidder keeps that file on their own
 * computer and the portal never sees it before the reveal; the demo's bidders are invented, so the
 * portal may keep theirs, in this table only (demo_procurement).
 */
public interface DemoProcurementRepository {

    /** The record key the plan item {@code planRef} became, if the demo created it. */
    Optional<String> recordKeyOf(String planRef);

    /** The sealed-bid file kept for the demo bid {@code planRef}. */
    Optional<String> sealedBidFile(String planRef);

    /** Number of tenders and bids the demo created (0: the procurement demo never started here). */
    long count();

    /**
     * Remembers a record the demo just created, in the same transaction that created it.
     *
     * @param sealedBidFile the bid's sealed-bid file; null for a tender
     */
    void add(String planRef, String recordKey, String sealedBidFile, Instant createdAt);
}
