package bt.druk.registry.application.land;

/** Releases an open caveat. Fields: pin, expectedVersion, caveatRef. */
public record ReleaseCaveatCommand(String pin, Integer expectedVersion, String caveatRef) {
}
