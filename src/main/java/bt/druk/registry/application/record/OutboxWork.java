package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.LedgerCall;
import java.time.Instant;

/** An outbox entry ready to send, detached from the database, claimed until {@code leaseUntil}. */
public record OutboxWork(long outboxId, String recordKey, int version, String hash, LedgerCall call, String identity, int attempts,
                         Instant leaseUntil) {
}
