package bt.druk.registry.domain.ledger;

/** The ledger could not be reached or did not answer in time. */
public class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message) {
        super(message);
    }

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
