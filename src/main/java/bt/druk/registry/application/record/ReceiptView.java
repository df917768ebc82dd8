package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.CarriedOver;
import java.time.Instant;
import java.util.List;

/**
 * Ledger receipt of a committed version.
 *
 * @param txId            Fabric transaction id
 * @param blockNumber     block holding the transaction, -1 until the commit follower has read it
 * @param commitTime      transaction timestamp (the time the chaincode saw), UTC
 * @param endorsingMspIds organisations whose peers endorsed the transaction, e.g. [AuditMSP, LandMSP]
 * @param carriedOver     where the version was first committed, when this transaction carried it over
 *                        from an earlier ledger; null otherwise
 */
public record ReceiptView(String txId, long blockNumber, Instant commitTime, List<String> endorsingMspIds, CarriedOver carriedOver) {
    public ReceiptView {
        endorsingMspIds = endorsingMspIds == null ? List.of() : List.copyOf(endorsingMspIds);
    }

    /** The receipt of a version first committed on this ledger. */
    public ReceiptView(String txId, long blockNumber, Instant commitTime, List<String> endorsingMspIds) {
        this(txId, blockNumber, commitTime, endorsingMspIds, null);
    }
}
