package bt.druk.registry.interfaces.web.security;

import jakarta.servlet.http.HttpSession;
import bt.druk.registry.domain.staff.CredentialStamp;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Who signed in to this HTTP session and with which security groups, as the identity store said
 * at sign-in, and the account's {@link CredentialStamp} then. Kept in the session by
 * {@link StaffAuthenticationMechanism} and handed to the container again on every request of that
 * session while the account's stamp is still this one.
 */
record SignedInCaller(String name, Set<String> groups, CredentialStamp stamp) implements Serializable {

    /** Session attribute that holds the caller. */
    static final String ATTRIBUTE = SignedInCaller.class.getName();

    SignedInCaller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stamp, "stamp");
        groups = Set.copyOf(groups);
    }

    /** The caller signed in to this session, or null (no session, or nobody signed in). */
    static SignedInCaller of(HttpSession session) {
        if (session == null) {
            return null;
        }
        return session.getAttribute(ATTRIBUTE) instanceof SignedInCaller caller ? caller : null;
    }
}
