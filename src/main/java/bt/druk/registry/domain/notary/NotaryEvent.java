package bt.druk.registry.domain.notary;

import java.time.Instant;
import java.util.Objects;

/**
 * The change that produced a notarisation version.
 *
 * @param reason why it was revoked or superseded; null for the registration
 * @param by     the notary clerk's user name (staff identity, not personal data of the parties)
 */
public record NotaryEvent(NotaryOperation operation, String reason, Instant at, String by, String office) {
    public NotaryEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(office, "office");
    }
}
