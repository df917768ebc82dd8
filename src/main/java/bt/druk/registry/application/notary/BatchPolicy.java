package bt.druk.registry.application.notary;

import java.time.Duration;

/**
 * When a Merkle batch is cut: as soon as {@code maxDocuments} documents of one clerk wait, or when
 * the oldest has waited {@code maxWait} (settings {@code druk.notary.batchSize},
 * {@code druk.notary.batchMaxWaitMillis}).
 */
public record BatchPolicy(int maxDocuments, Duration maxWait) {

    /** Most documents one request may queue. */
    public static final int MAX_PER_REQUEST = 10_000;

    public BatchPolicy {
        if (maxDocuments < 1 || maxDocuments > 100_000) {
            throw new IllegalArgumentException("a batch holds 1 to 100000 documents, not " + maxDocuments);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("the batch wait must be positive");
        }
    }
}
