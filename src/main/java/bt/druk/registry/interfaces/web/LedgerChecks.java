package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.verify.DocumentVerification;
import bt.druk.registry.application.verify.DocumentVerifier;
import bt.druk.registry.infrastructure.config.Setting;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The public requests that read the ledger now: "verify on ledger" on the record pages
 * ({@code ?check=ledger}) and "check on the ledger now" for a hash ({@code /verify.xhtml?hash=…&ledger=now},
 * {@code /api/verify/<sha256>/ledger}). Each answer is reused for {@code druk.ledgerCheck.cacheSeconds}
 * (default 5) so that many readers of one record cost one ledger read, at most 1,000 answers of each
 * kind are kept, and every such request of a client spends a token of its {@link PublicRateLimiter} bucket.
 */
@ApplicationScoped
public class LedgerChecks {

    private static final Logger LOG = Logger.getLogger(LedgerChecks.class.getName());
    static final int MAX_ANSWERS = 1000;

    /** What a check came to. */
    public sealed interface Outcome<T> permits Checked, Limited, Failed {
    }

    /** The ledger was read (now or at most the cache time ago). */
    public record Checked<T>(T answer) implements Outcome<T> {
    }

    /** The client has asked too often; it may again after this many seconds. */
    public record Limited<T>(long retryAfterSeconds) implements Outcome<T> {
    }

    /** The check could not be completed (logged). */
    public record Failed<T>() implements Outcome<T> {
    }

    private PublicRateLimiter limiter;
    private Supplier<String> client;
    private Recent<LedgerVerification> records;
    private Recent<DocumentVerification> documents;

    protected LedgerChecks() {
    }

    /** @param request the request being served (CDI's proxy): the client is its client's address ({@link ClientConnections}) */
    @Inject
    public LedgerChecks(VerificationService verification, DocumentVerifier verifier, PublicRateLimiter limiter,
                        HttpServletRequest request, ClientConnections clients) {
        this(verification::verifyOnLedger, verifier::verify, limiter, () -> clients.address(request), System::nanoTime,
                Setting.LEDGER_CHECK_CACHE_SECONDS.longNumber());
    }

    public LedgerChecks(Function<String, LedgerVerification> recordOnLedger, Function<String, DocumentVerification> documentOnLedger,
                        PublicRateLimiter limiter, Supplier<String> client, LongSupplier nanoTime, long cacheSeconds) {
        this.limiter = limiter;
        this.client = client;
        this.records = new Recent<>(recordOnLedger, nanoTime, cacheSeconds);
        this.documents = new Recent<>(documentOnLedger, nanoTime, cacheSeconds);
    }

    /** The record compared with the ledger, for the client of the current request. */
    public Outcome<LedgerVerification> check(String recordKey) {
        return answer(records, recordKey);
    }

    /**
     * Every finding of the hash checked against the ledger now ({@link DocumentVerifier#verify}).
     * The hash must be a lowercase SHA-256 already (one cache entry per document).
     */
    public Outcome<DocumentVerification> documentNow(String sha256) {
        return answer(documents, sha256);
    }

    /**
     * For a page: the record's verification, or null with the reason shown as a page message
     * ("verify.limited", "verify.failed").
     */
    public LedgerVerification checkOrTell(String recordKey, Messages messages) {
        return orTell(check(recordKey), messages);
    }

    /** For a page: as {@link #documentNow}, or null with the reason shown as a page message. */
    public DocumentVerification documentNowOrTell(String sha256, Messages messages) {
        return orTell(documentNow(sha256), messages);
    }

    private static <T> T orTell(Outcome<T> outcome, Messages messages) {
        if (outcome instanceof Checked<T> checked) {
            return checked.answer();
        }
        if (outcome instanceof Limited<T> limited) {
            messages.error(null, "verify.limited", limited.retryAfterSeconds());
        } else {
            messages.error(null, "verify.failed");
        }
        return null;
    }

    private <T> Outcome<T> answer(Recent<T> recent, String key) {
        PublicRateLimiter.Admission admission = limiter.admit(client.get());
        if (!admission.allowed()) {
            return new Limited<>(admission.retryAfterSeconds());
        }
        try {
            return new Checked<>(recent.get(key));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ledger check of " + key + " failed", e);
            return new Failed<>();
        }
    }

    /** Answers by key, each reused for a few seconds; the least recently asked dropped beyond {@link #MAX_ANSWERS}. */
    private static final class Recent<T> {

        private record Answer<T>(T value, long readAt) {
        }

        private final Function<String, T> read;
        private final LongSupplier nanoTime;
        private final long maxAgeNanos;
        private final Map<String, Answer<T>> answers = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer<T>> eldest) {
                return size() > MAX_ANSWERS;
            }
        };

        Recent(Function<String, T> read, LongSupplier nanoTime, long cacheSeconds) {
            this.read = read;
            this.nanoTime = nanoTime;
            this.maxAgeNanos = cacheSeconds * 1_000_000_000L;
        }

        T get(String key) {
            long now = nanoTime.getAsLong();
            synchronized (answers) {
                Answer<T> answer = answers.get(key);
                if (answer != null && now - answer.readAt() < maxAgeNanos) {
                    return answer.value();
                }
            }
            T value = read.apply(key);
            synchronized (answers) {
                answers.put(key, new Answer<>(value, now));
                return value;
            }
        }

        int size() {
            synchronized (answers) {
                return answers.size();
            }
        }
    }

    /** How many answers are kept now (records and documents). */
    int kept() {
        return records.size() + documents.size();
    }
}
