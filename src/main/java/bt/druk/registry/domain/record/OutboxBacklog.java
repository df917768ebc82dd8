package bt.druk.registry.domain.record;

import java.time.Instant;

/**
 * Versions still waiting to reach the ledger.
 *
 * @param waiting     open outbox entries
 * @param oldestSince when the oldest of them was stored; null when none waits
 */
public record OutboxBacklog(long waiting, Instant oldestSince) {
}
