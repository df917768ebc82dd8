package bt.druk.registry.verifier;

import java.time.Instant;
import java.util.List;

/**
 * A transaction as the peer's ledger holds it (qscc): where it is, whether the peers accepted it
 * ({@code VALID}) and which organisations endorsed it.
 */
public record LedgerTransaction(String txId, long blockNumber, String validationCode, String channel, String chaincode,
                                Instant timestamp, List<String> endorsingMspIds) {

    public LedgerTransaction {
        endorsingMspIds = List.copyOf(endorsingMspIds);
    }

    public boolean valid() {
        return "VALID".equals(validationCode);
    }
}
