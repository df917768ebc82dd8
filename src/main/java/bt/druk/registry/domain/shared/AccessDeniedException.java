package bt.druk.registry.domain.shared;

/** The acting staff member may not perform the requested operation. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
