package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (its remote address) for the public requests that cost the portal
 * much (a ledger read, a search): a client may spend {@code druk.ratelimit.burst} at once (default
 * 30) and then {@code druk.ratelimit.perSecond} a second (default 10). One budget for all such
 * calls of a client, pages and API alike.
 *
 * <p>The client's address as {@code ClientConnections} decides it: the remote address, and
 * {@code X-Forwarded-For} only from a proxy listed in {@code druk.http.trustedProxies}. A header any
 * client could write would give it a fresh bucket per request; behind an unlisted proxy every
 * client shares the proxy's bucket.
 *
 * <p>At most {@code druk.ratelimit.clients} buckets (default 10,000) are kept, the least recently
 * used dropped first, so many addresses cannot grow memory without bound. A dropped client starts
 * again with a full bucket, which only ever errs on the side of letting a request through.
 */
@ApplicationScoped
public class PublicRateLimiter {

    /** The verdict for one request; when refused, how many whole seconds until a token is back. */
    public record Admission(boolean allowed, long retryAfterSeconds) {
        static final Admission ALLOWED = new Admission(true, 0);
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    /** The portal's limiter, its rates from the settings. */
    public PublicRateLimiter() {
        this(Setting.RATELIMIT_BURST.number(), Setting.RATELIMIT_PER_SECOND.number(),
                Setting.RATELIMIT_CLIENTS.wholeNumber(), System::nanoTime);
    }

    public PublicRateLimiter(double burst, double perSecond, int maxClients, LongSupplier nanoTime) {
        if (burst < 1 || perSecond <= 0 || maxClients < 1) {
            throw new IllegalArgumentException("A rate limit needs burst >= 1, perSecond > 0 and room for a client");
        }
        this.burst = burst;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes a token from the client's bucket if there is one. */
    public Admission admit(String client) {
        String key = client == null ? "" : client;
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
            bucket.refill(now, burst, perNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Admission.ALLOWED;
            }
            double nanosToWait = (1 - bucket.tokens) / perNano;
            return new Admission(false, Math.max(1, (long) Math.ceil(nanosToWait / NANOS_PER_SECOND)));
        }
    }

    /** How many clients have a bucket now (never more than the setting). */
    public int clients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double burst, double perNano) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * perNano);
                updated = now;
            }
        }
    }
}
