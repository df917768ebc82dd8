package bt.druk.registry.domain.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A transaction in a committed block.
 *
 * @param timestamp       the transaction's timestamp (the time the chaincode saw)
 * @param valid           false when the peers marked it invalid (e.g. MVCC conflict): its writes did not happen
 * @param validationCode  Fabric's validation code name, e.g. VALID, MVCC_READ_CONFLICT
 * @param endorsingMspIds MSP ids of the endorsing peers
 * @param events          RecordWritten events of the transaction (empty if none)
 */
public record CommittedTransaction(
        String txId,
        long blockNumber,
        Instant timestamp,
        boolean valid,
        String validationCode,
        List<String> endorsingMspIds,
        List<RecordWritten> events) {

    public CommittedTransaction {
        endorsingMspIds = List.copyOf(endorsingMspIds);
        events = List.copyOf(events);
    }
}
