package bt.druk.registry.domain.land;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change recorded by one version: operation, when, by which clerk at which office, plus
 * operation details (e.g. mortgageRef, transferType, objectorName, reason).
 */
public record TitleEvent(TitleOperation operation, Instant recordedAt, String recordedBy, String office, Map<String, String> details) {
    public TitleEvent {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
