package bt.druk.registry.infrastructure.config;

import bt.druk.registry.application.notary.BatchPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * The notary settings: a Merkle batch is cut at {@link Setting#NOTARY_BATCH_SIZE} documents or when
 * its oldest has waited {@link Setting#NOTARY_BATCH_MAX_WAIT_MILLIS}.
 */
@ApplicationScoped
public class NotarySettings {

    @Produces
    public BatchPolicy batchPolicy() {
        return new BatchPolicy(Setting.NOTARY_BATCH_SIZE.wholeNumber(),
                Duration.ofMillis(Setting.NOTARY_BATCH_MAX_WAIT_MILLIS.wholeNumber()));
    }
}
