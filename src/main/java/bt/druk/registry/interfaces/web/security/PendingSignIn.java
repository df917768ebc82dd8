package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.domain.staff.CredentialStamp;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A staff sign-in whose password was right and whose second-factor code is still to come: kept in
 * the session by {@link StaffAuthenticationMechanism}, turned into a {@link SignedInCaller} by
 * {@link SecondFactorBean} when the code is right. It signs nobody in by itself, and it lapses after
 * {@link #VALIDITY} or {@link #MAX_WRONG_CODES} wrong codes, when the password is asked for again.
 */
record PendingSignIn(String name, Set<String> groups, CredentialStamp stamp, Instant expiresAt, int wrongCodes)
        implements Serializable {

    static final String ATTRIBUTE = PendingSignIn.class.getName();
    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_WRONG_CODES = 5;

    PendingSignIn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(expiresAt, "expiresAt");
        groups = Set.copyOf(groups);
    }

    /** The sign-in waiting for a code in this session, if it is still good at {@code now}. */
    static PendingSignIn of(HttpSession session, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return null;
        }
        return now.isBefore(pending.expiresAt) && pending.wrongCodes < MAX_WRONG_CODES ? pending : null;
    }

    PendingSignIn withWrongCode() {
        return new PendingSignIn(name, groups, stamp, expiresAt, wrongCodes + 1);
    }

    SignedInCaller signedIn() {
        return new SignedInCaller(name, groups, stamp);
    }
}
