package bt.druk.registry.domain.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A staff member's personal API token (ASVS 3.5.2): what the REST API takes instead of a password,
 * which carries no second factor. Made on the pages by a holder signed in with their factor; the
 * value is shown once and only its SHA-256 is kept. It works until it expires or is revoked, and
 * only while its account's {@link CredentialStamp} is the one it was made under: disabling the
 * account, a new password, another role or a factor reset ends it at its next use.
 *
 * @param id              a random identifier for pages and the log (never the value or its hash)
 * @param owner           the staff user name it signs in as
 * @param name            what it is for, as its holder named it
 * @param tokenHash       SHA-256 hex of the whole value, prefix included
 * @param credentialStamp the owner's {@link CredentialStamp#value()} when it was made
 */
public record ApiToken(String id, String owner, String name, String tokenHash, String credentialStamp,
                       Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    /** What every value begins with, so a leaked one is recognised (secret scanners, logs). */
    public static final String PREFIX = "druk_";
    /** Longest name. */
    public static final int MAX_NAME = 100;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(credentialStamp, "credentialStamp");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token expires after it is made");
        }
    }

    /** Whether it has not been revoked and has not expired (the account is asked separately). */
    public boolean liveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Whether it was made under this stamp of its owner's account (empty stamp: account disabled). */
    public boolean madeUnder(CredentialStamp now) {
        return now != null && credentialStamp.equals(now.value());
    }

    /** Whether a use at {@code now} is worth writing down: the first, or a minute after the last noted. */
    public boolean useWorthNoting(Instant now, Duration every) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(every));
    }

    public ApiToken revokedAt(Instant when) {
        return new ApiToken(id, owner, name, tokenHash, credentialStamp, createdAt, expiresAt, lastUsedAt,
                Objects.requireNonNull(when, "when"));
    }

    public ApiToken usedAt(Instant when) {
        return new ApiToken(id, owner, name, tokenHash, credentialStamp, createdAt, expiresAt, when, revokedAt);
    }

    /** Never the hash: records print their fields, and a hash is what the database is searched by. */
    @Override
    public String toString() {
        return "ApiToken[" + id + ", " + owner + ", " + name + ", until " + expiresAt
                + (revokedAt == null ? "" : ", revoked " + revokedAt) + "]";
    }
}
