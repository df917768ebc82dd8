package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.notary.BatchPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * The notary settings: a Merkle batch is cut at {@code druk.notary.batchSize} documents (default
 * 256) or when its oldest has waited {@code druk.notary.batchMaxWaitMillis} (default 2000).
 */
@ApplicationScoped
public class NotarySettings {

    @Produces
    public BatchPolicy batchPolicy() {
        return new BatchPolicy(integer("druk.notary.batchSize", 256),
                Duration.ofMillis(integer("druk.notary.batchMaxWaitMillis", 2000)));
    }

    private static int integer(String name, int fallback) {
        String value = PortalSettings.get(name).orElse(Integer.toString(fallback));
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a whole number: " + value, e);
        }
    }
}
