package bt.druk.registry.interfaces.rest;

import bt.druk.registry.domain.record.RecordStamps;
import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The answers of {@code GET /api/verify/<sha256>} from the portal's index, each kept for up to
 * {@code druk.verify.keepMillis} (default 1,000; 0 keeps none): a document that many check at once (a
 * tender notice, a title just sold) is looked up once in that time, not once a request. An answer is
 * kept only if none of this portal's writes to records ended while it was read, and served only while
 * none has ended since, so this portal's registrations, commits and rejections show at once; anything
 * else (another portal's writes on the same database, a document queued for a notary batch) shows
 * within the time, well inside the answer's own {@code max-age}. Only answers that
 * found the hash are kept: a hash not found may be registered the next moment. {@link VerifyAnswerFilter}
 * sends a fresh one without going through Jakarta REST.
 */
@ApplicationScoped
public class VerifyAnswers {

    /** A few kilobytes each: at most about 8 MiB. */
    static final int MAX_KEPT = 2_000;

    /** What a kept answer allows caches in front of the portal. */
    static final String CACHE_CONTROL = "public, max-age=10";

    /** An answer as sent: its HTTP status and JSON body. */
    public record Answer(int status, String json) {
    }

    private LongSupplier endedWrites;
    private LongSupplier nanoTime;
    private long keepNanos;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    protected VerifyAnswers() {
    }

    @Inject
    public VerifyAnswers(RecordStamps stamps) {
        this(stamps::endedWrites, System::nanoTime, Setting.VERIFY_KEEP_MILLIS.wholeNumber());
    }

    public VerifyAnswers(LongSupplier endedWrites, LongSupplier nanoTime, long keepMillis) {
        if (keepMillis < 0) {
            throw new IllegalArgumentException("druk.verify.keepMillis must not be negative");
        }
        this.endedWrites = endedWrites;
        this.nanoTime = nanoTime;
        this.keepNanos = keepMillis * 1_000_000L;
    }

    /** The kept answer for this (lowercase) SHA-256 while it is fresh. */
    public Optional<Answer> fresh(String sha256) {
        Kept known = kept.get(sha256);
        if (known != null && known.endedWrites() == endedWrites.getAsLong() && nanoTime.getAsLong() - known.readAt() < keepNanos) {
            return Optional.of(known.answer());
        }
        return Optional.empty();
    }

    /** The kept answer for this (lowercase) SHA-256 while it is fresh, else the one {@code read} gives. */
    public Answer of(String sha256, Supplier<Answer> read) {
        Optional<Answer> known = fresh(sha256);
        if (known.isPresent()) {
            return known.get();
        }
        long now = nanoTime.getAsLong();
        long ended = endedWrites.getAsLong();
        Answer answer = read.get();
        if (answer.status() == 200 && keepNanos > 0 && endedWrites.getAsLong() == ended) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear(); // many different hashes within the time: nothing worth keeping
            }
            kept.put(sha256, new Kept(answer, now, ended));
        }
        return answer;
    }

    private record Kept(Answer answer, long readAt, long endedWrites) {
    }
}
