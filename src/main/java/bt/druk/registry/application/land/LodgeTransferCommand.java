package bt.druk.registry.application.land;

import bt.druk.registry.domain.land.TransferType;
import java.util.List;

/**
 * Lodges a transfer; it waits through the public notice period before it can be finalised.
 * Fields: pin, expectedVersion, transferType, newOwners, newOwners[i].name/cid/share.
 *
 * @param expectedVersion version the clerk was looking at; null skips the check
 */
public record LodgeTransferCommand(String pin, Integer expectedVersion, TransferType transferType, List<OwnerInput> newOwners) {
}
