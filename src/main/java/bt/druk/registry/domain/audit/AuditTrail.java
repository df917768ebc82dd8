package bt.druk.registry.domain.audit;

import bt.druk.registry.domain.record.RecordVersion;
import java.util.List;

/**
 * Port: the record versions of every register read as a trail of receipts (who submitted what,
 * when, and what the ledger answered), and the record keys the database holds.
 */
public interface AuditTrail {

    /** Every record key in the database, in key order. */
    List<String> recordKeys();

    long count(AuditFilter filter);

    /** Versions matching the filter, newest submission first, from {@code first} (0-based), at most {@code max}. */
    List<RecordVersion> page(AuditFilter filter, int first, int max);

    /** Office codes that occur, sorted. */
    List<String> offices();

    /** User names that submitted versions, sorted. */
    List<String> submitters();
}
