package bt.druk.registry.chaincode;

/**
 * The common arguments of every update: the key, the version being written (current + 1), the new
 * record hash and the hash of the current version.
 */
public record Update(String key, int version, String hash, String previousHash) {

    /** Validates the four string arguments of an update of a record of {@code kind}. */
    public static Update parse(Kind kind, String key, String version, String hash, String previousHash) {
        return new Update(Args.key(kind, "key", key), Args.version(version), Args.hash("hash", hash),
                Args.hash("previousHash", previousHash));
    }
}
