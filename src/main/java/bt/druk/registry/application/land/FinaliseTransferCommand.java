package bt.druk.registry.application.land;

/** Finalises the pending transfer once the notice period has ended. Fields: pin, expectedVersion. */
public record FinaliseTransferCommand(String pin, Integer expectedVersion) {
}
