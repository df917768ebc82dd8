package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.domain.staff.CredentialStamp;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic credentials of the API that the identity store found valid in the last
 * {@link #TTL_NANOS} (60 s). HTTP Basic sends the password with every request, and checking it
 * costs a PBKDF2 derivation of 210,000 rounds, the cost of a sign-in; without this, an API client
 * spends more CPU on proving who it is than on its registrations. Only valid results are kept,
 * under an HMAC of name and password with a key made at start (no password is held, and the map is
 * worthless outside this process), at most {@link #MAX_ENTRIES}. Requests that arrive with the same
 * unknown credential while it is being checked wait for that one check instead of each deriving the
 * hash again (a client's parallel connections all start, and all find the minute over, at the same
 * moment).
 *
 * <p>A kept credential is believed only while its account's {@link CredentialStamp} is the one it
 * was checked under, asked on every request (one read by user name, where the hash would be 210,000
 * rounds): disabling the account or changing its password ends its API access at the next request,
 * in every portal on the database, with no minute to wait and no event to miss. The stamp is read
 * before the check, so a change during the check leaves a stamp that is already stale.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final long TTL_NANOS = 60_000_000_000L;
    static final int MAX_ENTRIES = 1000;

    /** Who a credential signed in. */
    public record Caller(String name, Set<String> groups) {

        public Caller {
            groups = Set.copyOf(groups);
        }
    }

    /** A caller, the account's stamp it was checked under, and until when that is believed without asking again. */
    private record Kept(Caller caller, CredentialStamp stamp, long validUntilNanos) {
    }

    private final SecretKeySpec key;
    private final LongSupplier nanoTime;
    private final Map<String, Kept> callers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Map<String, CompletableFuture<Optional<Caller>>> checking = new ConcurrentHashMap<>();

    public VerifiedCredentials() {
        this(System::nanoTime);
    }

    VerifiedCredentials(LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nanoTime = nanoTime;
    }

    /**
     * The caller this credential signs in: the one found within the TTL under the account's stamp
     * now ({@code stamps}), else what {@code check} (the identity store) says, kept if valid and the
     * account has a stamp. One check at a time per credential; requests with the same credential
     * meanwhile get its answer.
     */
    public Optional<Caller> caller(String name, char[] password, CredentialStamps stamps, Supplier<Optional<Caller>> check) {
        String id = idOf(name, password);
        Optional<CredentialStamp> stamp = stamps.of(name);
        Optional<Caller> known = find(id, stamp.orElse(null));
        if (known.isPresent()) {
            return known;
        }
        CompletableFuture<Optional<Caller>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Caller>> running = checking.putIfAbsent(id, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<Caller> checked = check.get();
            if (stamp.isPresent()) {
                checked.ifPresent(c -> keep(id, c, stamp.get()));
            }
            mine.complete(checked);
            return checked;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(id, mine);
        }
    }

    /** The kept caller of this credential if it is within the TTL and was checked under {@code stamp} (null: none now). */
    private Optional<Caller> find(String id, CredentialStamp stamp) {
        synchronized (callers) {
            Kept kept = callers.get(id);
            if (kept == null) {
                return Optional.empty();
            }
            if (nanoTime.getAsLong() - kept.validUntilNanos() > 0 || !kept.stamp().equals(stamp)) {
                callers.remove(id);
                return Optional.empty();
            }
            return Optional.of(kept.caller());
        }
    }

    private void keep(String id, Caller caller, CredentialStamp stamp) {
        Kept kept = new Kept(caller, stamp, nanoTime.getAsLong() + TTL_NANOS);
        synchronized (callers) {
            callers.put(id, kept);
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
