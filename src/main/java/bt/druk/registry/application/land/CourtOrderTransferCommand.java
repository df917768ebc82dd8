package bt.druk.registry.application.land;

import java.util.List;

/**
 * Register the owners a court's verdict gives the parcel {@code pin}, the same day.
 *
 * @param expectedVersion  the version the clerk was looking at, or null
 * @param courtOrderSha256 the SHA-256 of the court order's file, hex
 */
public record CourtOrderTransferCommand(String pin, Integer expectedVersion, String court, String caseNumber,
                                        String courtOrderSha256, List<OwnerInput> newOwners) {
}
