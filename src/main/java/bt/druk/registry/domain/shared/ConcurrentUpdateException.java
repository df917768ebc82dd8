package bt.druk.registry.domain.shared;

/**
 * The record changed since the caller loaded it (another clerk saved a version in between).
 * The caller should reload and try again.
 */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
