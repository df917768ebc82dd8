package bt.druk.registry.domain.record;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a version carried over to the database's current ledger was first committed.
 *
 * @param fromLedger  the earlier ledger's genesis block hash (all zeros when the database never knew it)
 * @param txId        the earlier ledger's transaction
 * @param committedAt when it was first committed
 */
public record CarriedOver(String fromLedger, String txId, Instant committedAt) {
    public CarriedOver {
        Objects.requireNonNull(fromLedger, "fromLedger");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(committedAt, "committedAt");
    }
}
