package bt.druk.registry.infrastructure.staff;

import bt.druk.registry.domain.staff.ApiToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code staff_api_token} (V223__staff_api_token.sql). Its id is the token's own, made by the service. */
@Entity
@Table(name = "staff_api_token")
public class ApiTokenRow {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "owner", nullable = false, length = 64, updatable = false)
    private String owner;

    @Column(name = "name", nullable = false, length = 100, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true, updatable = false)
    private String tokenHash;

    @Column(name = "credential_stamp", nullable = false, length = 64, updatable = false)
    private String credentialStamp;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiTokenRow() {
    }

    ApiTokenRow(ApiToken token) {
        this.id = token.id();
        this.owner = token.owner();
        this.name = token.name();
        this.tokenHash = token.tokenHash();
        this.credentialStamp = token.credentialStamp();
        this.createdAt = token.createdAt();
        this.expiresAt = token.expiresAt();
        this.lastUsedAt = token.lastUsedAt();
        this.revokedAt = token.revokedAt();
    }

    /** What may change after a token is made: its revocation (its last use has its own update). */
    void revokedAt(Instant when) {
        this.revokedAt = when;
    }

    ApiToken toDomain() {
        return new ApiToken(id, owner, name, tokenHash, credentialStamp, createdAt, expiresAt, lastUsedAt, revokedAt);
    }
}
