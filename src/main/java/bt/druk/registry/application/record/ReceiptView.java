package bt.druk.registry.application.record;

import java.time.Instant;
import java.util.List;

/**
 * Ledger receipt of a committed version.
 *
 * @param txId            Fabric transaction id
 * @param blockNumber     block holding the transaction, -1 until the commit follower has read it
 * @param commitTime      transaction timestamp (the time the chaincode saw), UTC
 * @param endorsingMspIds organisations whose peers endorsed the transaction, e.g. [AuditMSP, LandMSP]
 */
public record ReceiptView(String txId, long blockNumber, Instant commitTime, List<String> endorsingMspIds) {
    public ReceiptView {
        endorsingMspIds = endorsingMspIds == null ? List.of() : List.copyOf(endorsingMspIds);
    }
}
