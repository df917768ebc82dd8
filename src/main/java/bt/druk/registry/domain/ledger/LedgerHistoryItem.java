package bt.druk.registry.domain.ledger;

import java.time.Instant;

/** One write of a key in the ledger's history; {@code value} is null for a delete. */
public record LedgerHistoryItem(String txId, Instant timestamp, boolean deleted, LedgerEntry value) {
}
