package bt.druk.registry.verifier;

/** The ledger could not be read (peer unreachable, credentials refused): nothing can be concluded. */
public class LedgerReadException extends RuntimeException {

    public LedgerReadException(String message) {
        super(message);
    }

    public LedgerReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
