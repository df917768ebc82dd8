package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.TransferType;
import java.time.Instant;
import java.util.List;

/** A transfer waiting through its public notice period; new owners masked like current owners. */
public record PublicPendingTransfer(TransferType transferType, Instant lodgedAt, Instant noticeEndsAt, List<PublicOwner> newOwners) {
    public PublicPendingTransfer {
        newOwners = List.copyOf(newOwners);
    }
}
