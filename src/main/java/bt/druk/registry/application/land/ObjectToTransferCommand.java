package bt.druk.registry.application.land;

/**
 * Records an objection to the pending transfer (during the notice period); the transfer becomes void.
 * Fields: pin, expectedVersion, objectorName, reason.
 */
public record ObjectToTransferCommand(String pin, Integer expectedVersion, String objectorName, String reason) {
}
