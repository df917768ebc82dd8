package bt.druk.registry.domain.ledger;

import bt.druk.registry.domain.record.CanonicalJson;
import java.util.Locale;
import java.util.Objects;

/**
 * Which ledger a network serves: its channel and the hash of the channel's genesis block (Fabric's
 * block hash, SHA-256 of the block header). A network created again gets a new genesis block even
 * under the same channel name, so the pair tells one ledger from another.
 */
public record LedgerIdentity(String channel, String genesisHash) {

    public LedgerIdentity {
        Objects.requireNonNull(channel, "channel");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("a ledger's channel has a name");
        }
        genesisHash = Objects.requireNonNull(genesisHash, "genesisHash").strip().toLowerCase(Locale.ROOT);
        if (!CanonicalJson.isSha256Hex(genesisHash)) {
            throw new IllegalArgumentException("a genesis block hash has 64 hexadecimal characters: " + genesisHash);
        }
    }

    /** As operators read and type it: {@code channel/hash}. */
    @Override
    public String toString() {
        return channel + "/" + genesisHash;
    }
}
