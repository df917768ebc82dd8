package bt.druk.registry.domain.land;

import java.time.Instant;
import java.util.List;

/**
 * A transfer lodged and waiting through the public notice period. The portal's noticeEndsAt is
 * computed from its own clock; the ledger decides finally with the transaction time.
 */
public record PendingTransfer(TransferType transferType, List<Owner> newOwners, Instant lodgedAt, Instant noticeEndsAt) {
    public PendingTransfer {
        newOwners = List.copyOf(newOwners);
    }
}
