package bt.druk.registry.domain.procurement;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff member's opening public key: a P-256 key pair made in their own browser, of which only the
 * public half (SPKI DER, base64url) ever reaches the portal. A tender that names them as a holder
 * publishes this key.
 *
 * @param msp        the organisation whose ledger identity posts the holder's shares, e.g. {@code AuditMSP}
 * @param publicRole how a tender names the holder in public, e.g. {@code inspector} (never the user name)
 */
public record OpeningKey(String username, String msp, String publicRole, String publicKeySpki, String publicKeySha256, Instant registeredAt) {
    public OpeningKey {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(publicRole, "publicRole");
        Objects.requireNonNull(publicKeySpki, "publicKeySpki");
        Objects.requireNonNull(publicKeySha256, "publicKeySha256");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
