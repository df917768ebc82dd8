package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.procurement.OpeningKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code opening_key} (V217). */
@Entity
@Table(name = "opening_key")
public class OpeningKeyRow {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "msp", nullable = false, length = 40)
    private String msp;

    @Column(name = "public_role", nullable = false, length = 60)
    private String publicRole;

    @Column(name = "public_key_spki", nullable = false, length = 200)
    private String publicKeySpki;

    @Column(name = "public_key_sha256", nullable = false, length = 64)
    private String publicKeySha256;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected OpeningKeyRow() {
    }

    OpeningKeyRow(OpeningKey key) {
        username = key.username();
        set(key);
    }

    void set(OpeningKey key) {
        msp = key.msp();
        publicRole = key.publicRole();
        publicKeySpki = key.publicKeySpki();
        publicKeySha256 = key.publicKeySha256();
        registeredAt = key.registeredAt();
    }

    OpeningKey toKey() {
        return new OpeningKey(username, msp, publicRole, publicKeySpki, publicKeySha256, registeredAt);
    }
}
