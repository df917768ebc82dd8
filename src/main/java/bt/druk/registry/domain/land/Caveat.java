package bt.druk.registry.domain.land;

import java.time.Instant;

/** A caveat: a warning on the title that blocks transfers until released. */
public record Caveat(String ref, String reason, Instant lodgedAt) {
}
