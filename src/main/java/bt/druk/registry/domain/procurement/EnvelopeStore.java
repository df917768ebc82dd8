package bt.druk.registry.domain.procurement;

import java.io.IOException;
import java.util.Optional;

/**
 * Sealed-bid envelopes, off-chain and content-addressed: an envelope is stored under the SHA-256 of
 * its text, which is the hash its bid puts on the ledger. Only ciphertext is ever stored.
 */
public interface EnvelopeStore {

    /** Stores the text durably (on disk before this returns) and gives its SHA-256; storing it again is harmless. */
    String put(String envelopeText) throws IOException;

    Optional<String> get(String sha256) throws IOException;

    /** Removes an envelope nothing needs any more (a refused or withdrawn bid's). */
    void delete(String sha256) throws IOException;
}
