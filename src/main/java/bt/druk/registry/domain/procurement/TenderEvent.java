package bt.druk.registry.domain.procurement;

import java.time.Instant;
import java.util.Objects;

/**
 * The change a tender version records: what, why (amendments, cancellations and failed tenders
 * need a reason), when, by which clerk of which office.
 */
public record TenderEvent(TenderOperation operation, String reason, Instant at, String by, String office) {
    public TenderEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(office, "office");
    }
}
