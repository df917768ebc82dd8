package bt.druk.registry.application.land;

/** Lodges a caveat. Fields: pin, expectedVersion, caveatRef, reason. */
public record LodgeCaveatCommand(String pin, Integer expectedVersion, String caveatRef, String reason) {
}
