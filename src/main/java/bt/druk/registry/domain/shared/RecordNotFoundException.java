package bt.druk.registry.domain.shared;

/** No record with the given identifier exists in the portal's database. */
public class RecordNotFoundException extends RuntimeException {
    public RecordNotFoundException(String message) {
        super(message);
    }
}
