package bt.druk.registry.domain.land;

import java.time.Instant;

/** A mortgage (lien) noted on the title for a lender, identified by the lender's reference. */
public record Mortgage(String ref, String lender, Instant registeredAt) {
}
