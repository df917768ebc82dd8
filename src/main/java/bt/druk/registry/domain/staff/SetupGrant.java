package bt.druk.registry.domain.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * An outstanding set-up link of an account: the SHA-256 of its token (the token itself is shown
 * once to the administrator and never stored), what completing it does and until when it works.
 * An account has at most one; a new one replaces the old, completing it removes it.
 */
public record SetupGrant(String tokenHash, Purpose purpose, Instant expiresAt) {

    public enum Purpose {
        /** A new account: the person chooses a password and enrols a second factor. */
        ACCOUNT,
        /** An administrator reset a lost factor: the person enrols a new one; the password stays. */
        FACTOR
    }

    public SetupGrant {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex hash");
        }
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
