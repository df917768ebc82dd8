package bt.druk.registry.bench;

/** A land title the portal acknowledged: its PIN and the hash of its first version. */
public record Registered(String pin, String hash) {
}
