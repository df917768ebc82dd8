package bt.druk.registry.domain.land;

import bt.druk.registry.domain.record.Party;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change recorded by one version: operation, when, by which clerk at which office, plus
 * public operation details (e.g. mortgageRef, transferType, reason) and the people it names by
 * role (e.g. objector), whose personal data stays off the hashed record.
 */
public record TitleEvent(TitleOperation operation, Instant recordedAt, String recordedBy, String office,
                         Map<String, String> details, Map<String, Party> parties) {
    public TitleEvent {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
        parties = parties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parties));
    }
}
