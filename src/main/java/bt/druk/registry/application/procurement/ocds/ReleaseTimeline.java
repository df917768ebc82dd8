package bt.druk.registry.application.procurement.ocds;

import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Tender;
import java.time.Instant;
import java.util.List;

/**
 * The committed tender and bid versions in the order they were recorded, a page at a time: every
 * OCDS release is published by one of them and dated when it was recorded, so the bulk package is
 * written page after page in its own order without holding the register in memory. Keys, numbers
 * and times only: no document is loaded.
 *
 * <p>A page never splits an instant: it holds the first {@code limit} versions and every other one
 * recorded at the same instant as the last of them. The next page starts after that instant, and
 * releases of one instant are ordered by the caller, all of them at hand.
 */
public interface ReleaseTimeline {

    /** The kinds of record whose versions publish releases. */
    List<String> KINDS = List.of(Tender.KIND, BidKeys.KIND);

    /** A committed (with a receipt) tender or bid version: which it is, and when it was recorded. */
    record Entry(String recordKey, int version, Instant recordedAt) {
    }

    /**
     * Oldest first, those recorded after {@code after}.
     *
     * @param after null for the first page
     */
    List<Entry> after(Instant after, int limit);

    /**
     * Newest first, those recorded before {@code before}.
     *
     * @param before null for the first page
     */
    List<Entry> before(Instant before, int limit);
}
