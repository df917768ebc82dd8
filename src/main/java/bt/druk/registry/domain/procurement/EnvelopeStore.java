package bt.druk.registry.domain.procurement;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sealed-bid envelopes, off-chain and content-addressed: an envelope is stored under the SHA-256 of
 * its text, which is the hash its bid puts on the ledger. Only ciphertext is ever stored.
 */
public interface EnvelopeStore {

    /**
     * Stores the text durably (on disk before this returns) and gives its SHA-256. Storing it again
     * writes it again and makes it newly stored: a removal racing this put never wins.
     */
    String put(String envelopeText) throws IOException;

    Optional<String> get(String sha256) throws IOException;

    /** When the envelope was last stored; empty when it is not there. */
    Optional<Instant> storedAt(String sha256) throws IOException;

    /** Every envelope stored, with when it was last stored. */
    List<Stored> list() throws IOException;

    /**
     * Removes the envelope unless it was (last) stored at or after {@code cutoff}, checked at the
     * moment of removal, so that an envelope being lodged again right now is kept.
     *
     * @return whether it was removed (false when too recent or not there)
     */
    boolean removeIfStoredBefore(String sha256, Instant cutoff) throws IOException;

    /** An envelope in the store and when it was last stored. */
    record Stored(String sha256, Instant storedAt) {
    }
}
