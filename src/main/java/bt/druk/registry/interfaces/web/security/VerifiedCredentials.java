package bt.druk.registry.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic credentials of the API that the identity store found valid in the last
 * {@link #TTL_NANOS} (60 s). HTTP Basic sends the password with every request, and checking it
 * costs a PBKDF2 derivation of 210,000 rounds, the cost of a sign-in; without this, an API client
 * spends more CPU on proving who it is than on its registrations. Only valid results are kept,
 * under an HMAC of name and password with a key made at start (no password is held, and the map is
 * worthless outside this process), at most {@link #MAX_ENTRIES}. A changed or disabled password
 * keeps working for at most the TTL.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final long TTL_NANOS = 60_000_000_000L;
    static final int MAX_ENTRIES = 1000;

    /** Who a credential signed in, and until when that is believed without asking again. */
    record Caller(String name, Set<String> groups, long validUntilNanos) {
    }

    private final SecretKeySpec key;
    private final LongSupplier nanoTime;
    private final Map<String, Caller> callers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Caller> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public VerifiedCredentials() {
        this(System::nanoTime);
    }

    VerifiedCredentials(LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nanoTime = nanoTime;
    }

    /** The caller this credential signed in within the TTL, if any. */
    public Optional<Caller> find(String name, char[] password) {
        String id = idOf(name, password);
        synchronized (callers) {
            Caller caller = callers.get(id);
            if (caller == null) {
                return Optional.empty();
            }
            if (nanoTime.getAsLong() - caller.validUntilNanos() > 0) {
                callers.remove(id);
                return Optional.empty();
            }
            return Optional.of(caller);
        }
    }

    /** Remembers that the identity store found this credential valid just now. */
    public void remember(String name, char[] password, String callerName, Set<String> groups) {
        Caller caller = new Caller(callerName, Set.copyOf(groups), nanoTime.getAsLong() + TTL_NANOS);
        String id = idOf(name, password);
        synchronized (callers) {
            callers.put(id, caller);
        }
    }

    private String idOf(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
