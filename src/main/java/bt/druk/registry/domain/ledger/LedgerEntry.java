package bt.druk.registry.domain.ledger;

import java.time.Instant;

/**
 * A record's state on the ledger (no personal data): key, version, hash, previous hash, status,
 * register, office, submitter, transaction id and time. {@code json} is the entry as stored.
 */
public record LedgerEntry(
        String key,
        String kind,
        int version,
        String hash,
        String previousHash,
        String status,
        String register,
        String office,
        String submitterMspId,
        String submitterSubject,
        String txId,
        Instant txTime,
        String json) {
}
