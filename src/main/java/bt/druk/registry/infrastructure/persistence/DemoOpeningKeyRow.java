package bt.druk.registry.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A key pair of one of the procurement demo's invented opening key holders (table demo_opening_key). */
@Entity
@Table(name = "demo_opening_key")
@IdClass(DemoOpeningKeyRow.Id.class)
public class DemoOpeningKeyRow {

    @jakarta.persistence.Id
    @Column(name = "tender_key", length = 200)
    private String tenderKey;

    @jakarta.persistence.Id
    @Column(name = "holder_index")
    private int holderIndex;

    @Column(name = "public_key_spki", nullable = false, length = 200)
    private String publicKeySpki;

    @Column(name = "private_key_pkcs8", nullable = false, length = 400)
    private String privateKeyPkcs8;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DemoOpeningKeyRow() {
    }

    DemoOpeningKeyRow(String tenderKey, int holderIndex, String publicKeySpki, String privateKeyPkcs8, Instant createdAt) {
        this.tenderKey = tenderKey;
        this.holderIndex = holderIndex;
        this.publicKeySpki = publicKeySpki;
        this.privateKeyPkcs8 = privateKeyPkcs8;
        this.createdAt = createdAt;
    }

    int holderIndex() {
        return holderIndex;
    }

    String publicKeySpki() {
        return publicKeySpki;
    }

    String privateKeyPkcs8() {
        return privateKeyPkcs8;
    }

    public record Id(String tenderKey, int holderIndex) implements Serializable {
        public Id() {
            this(null, 0);
        }
    }
}
